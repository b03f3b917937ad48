# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`make backup` / `make restore` (scripts/backup.py): a backup of the test database is
restored into a new database with the same records and the same attachment files; a restore
over an existing database is refused unless forced; damaged backups are refused; retention
keeps two weeks of daily backups and one a week for two months."""
import datetime
import os
import subprocess
import sys
import tarfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "scripts", "backup.py")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import backup as backup_tool  # noqa: E402  (scripts/ is no package)

DB = os.environ.get("COOP_TEST_DB", "coopkracht_test")
DATA_DIR = os.environ.get("COOP_DATA_DIR")
COUNTS = """SELECT table_name, (xpath('/row/c/text()', query_to_xml(
    format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text
    FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name"""


def _psql(sql, db):
    return subprocess.check_output(["psql", "-d", db, "-XAtqc", sql], universal_newlines=True)


def _counts(db):
    return dict(line.split("|") for line in _psql(COUNTS, db).splitlines())


def _tool(*args):
    return subprocess.run([sys.executable, SCRIPT, "--data-dir", DATA_DIR] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)


def _drop(db):
    subprocess.call(["dropdb", "--if-exists", db], stderr=subprocess.DEVNULL)
    backup_tool.shutil.rmtree(os.path.join(DATA_DIR, "filestore", db), ignore_errors=True)


@pytest.fixture(scope="module")
def backup_file(tmp_path_factory):
    result = _tool("backup", "--db", DB, "--dest", str(tmp_path_factory.mktemp("backups")))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def restored_db():
    name = DB + "_restored"
    _drop(name)
    yield name
    _drop(name)


def test_restore_gives_the_same_records_and_files(backup_file, restored_db):
    """Every table of the restored database has the source's number of rows, and a stored
    attachment's file has the same bytes."""
    assert os.path.basename(backup_file).startswith(DB + "-")
    result = _tool("restore", backup_file, "--db", restored_db)
    assert result.returncode == 0, result.stderr
    source, restored = _counts(DB), _counts(restored_db)
    assert len(source) > 300 and int(source["res_partner"]) > 10
    assert restored == source
    fname = _psql("SELECT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL"
                  " AND file_size > 100 ORDER BY id LIMIT 1", DB).strip()
    assert fname
    with open(os.path.join(DATA_DIR, "filestore", DB, fname), "rb") as f:
        original = f.read()
    with open(os.path.join(DATA_DIR, "filestore", restored_db, fname), "rb") as f:
        assert f.read() == original


def test_restore_over_an_existing_database_needs_force(backup_file, restored_db):
    """A restore into a database that exists is refused, in Dutch, and leaves it as it was;
    with --force it replaces it."""
    subprocess.check_call(["createdb", restored_db])
    _psql("CREATE TABLE marker (x int); INSERT INTO marker VALUES (1)", restored_db)
    result = _tool("restore", backup_file, "--db", restored_db)
    assert result.returncode == 2
    assert "bestaat al" in result.stderr and "FORCE=1" in result.stderr
    assert _psql("SELECT count(*) FROM marker", restored_db).strip() == "1"
    result = _tool("restore", backup_file, "--db", restored_db, "--force")
    assert result.returncode == 0, result.stderr
    assert _psql("SELECT to_regclass('marker') IS NULL", restored_db).strip() == "t"
    assert _counts(restored_db)["res_partner"] == _counts(DB)["res_partner"]


def test_damaged_backup_is_refused(backup_file, restored_db, tmp_path):
    """A backup whose dump does not match its manifest restores nothing."""
    damaged = str(tmp_path / os.path.basename(backup_file))
    with tarfile.open(backup_file, "r:gz") as src, tarfile.open(damaged, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member) if member.isfile() else None
            if member.name == "dump.pgdump":
                content = data.read()[:-100]
                member.size = len(content)
                data = backup_tool.io.BytesIO(content)
            dst.addfile(member, data)
    result = _tool("restore", damaged, "--db", restored_db)
    assert result.returncode == 2 and "beschadigd" in result.stderr
    assert not backup_tool.db_exists(restored_db)
    assert not backup_tool.db_exists(restored_db + "_restoring")
    result = _tool("restore", str(tmp_path / "nothing.tar.gz"), "--db", restored_db)
    assert result.returncode == 2 and "bestaat niet" in result.stderr


def test_retention_keeps_two_weeks_daily_and_then_weekly():
    """Backups up to 14 days old (the boundary included) stay, then the newest of each ISO
    week up to 8 weeks; older ones go, and other files are never touched."""
    now = datetime.datetime(2026, 12, 8, 3, 0, 0)

    def name(days, hours=0):
        when = now - datetime.timedelta(days=days, hours=hours)
        return "coopkracht-%s.tar.gz" % when.strftime(backup_tool.STAMP)
    daily = [name(d) for d in range(0, 15)]  # 0..14 days old, one a day
    older = [name(d) for d in range(15, 70)]  # 15..69 days old
    names = daily + older + ["notes.txt", "coopkracht-latest.tar.gz"]
    removed = set(backup_tool.to_prune(names, now))
    assert not removed & set(daily), "a backup of at most 14 days is kept"
    assert backup_tool.to_prune([name(14), name(14, hours=1)], now, keep_weeks=0) == [
        name(14, hours=1)], "exactly 14 days old is kept, an hour more is not"
    assert "notes.txt" not in removed and "coopkracht-latest.tar.gz" not in removed
    kept_older = sorted(set(older) - removed)
    weeks = {datetime.datetime.strptime(n[11:26], backup_tool.STAMP).isocalendar()[:2]
             for n in kept_older}
    assert len(weeks) == len(kept_older), "one backup a week beyond two weeks"
    assert all(now - datetime.datetime.strptime(n[11:26], backup_tool.STAMP)
               <= datetime.timedelta(weeks=8) for n in kept_older)
    assert name(69) in removed and len(kept_older) >= 6


def test_prune_removes_only_old_backups(tmp_path):
    """prune deletes the files to_prune names, in the given folder only."""
    now = datetime.datetime.utcnow()
    old = tmp_path / ("coopkracht-%s.tar.gz" % (now - datetime.timedelta(days=200)).strftime(
        backup_tool.STAMP))
    new = tmp_path / ("coopkracht-%s.tar.gz" % now.strftime(backup_tool.STAMP))
    for path in (old, new):
        path.write_bytes(b"x")
    result = _tool("prune", "--dest", str(tmp_path))
    assert result.returncode == 0 and old.name in result.stdout
    assert not old.exists() and new.exists()


def test_backup_service_in_the_compose_file():
    """The docker-compose runs the same script every night with the shared filestore, and
    the image carries it."""
    import yaml
    with open(os.path.join(ROOT, "docker-compose.yml")) as f:
        service = yaml.safe_load(f)["services"]["backup"]
    assert service["entrypoint"] == ["python", "/usr/local/bin/coop-backup"]
    assert service["command"][0] == "every-day"
    assert any(v.startswith("odoo-filestore:/var/lib/odoo") for v in service["volumes"])
    assert service["environment"]["PGHOST"] == "db"
    with open(os.path.join(ROOT, "Dockerfile")) as f:
        assert "COPY scripts/backup.py /usr/local/bin/coop-backup" in f.read()
    now = datetime.datetime(2026, 12, 8, 1, 30)
    assert backup_tool.seconds_until(2, now) == 1800
    assert backup_tool.seconds_until(2, now.replace(hour=2, minute=0)) == 86400
