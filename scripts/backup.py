#!/usr/bin/env python3
# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Backups of a Coopkracht database: the PostgreSQL dump and the filestore in one file.

    backup.py backup  [--db coopkracht] [--dest backups/]
    backup.py restore FILE [--db NAME] [--force]
    backup.py prune   [--dest backups/] [--keep-days 14] [--keep-weeks 8]
    backup.py every-day [--db coopkracht] [--dest backups/] [--hour 2]   (the compose service)

A backup is `<db>-<YYYYMMDD-HHMMSS>.tar.gz` (UTC) holding `manifest.json` (database, time,
the dump's SHA-256), `dump.pgdump` (pg_dump's custom format) and `filestore/` (the
attachments' files). A restore checks the dump against the manifest, refuses a database
that exists unless --force, restores into a temporary database and renames it only when
everything went in, so that a failed restore leaves nothing half-made.

Only the Python standard library and PostgreSQL's client programs (pg_dump, pg_restore,
createdb, dropdb, psql) are used, with the usual PG* environment variables, so that the
same script runs on a developer machine (`make backup`) and in the docker-compose's backup
service. The filestores live in COOP_DATA_DIR (or --data-dir) under filestore/<db>.
"""
import argparse
import datetime
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time

NAME_RE = re.compile(r"^(?P<db>[\w.-]+)-(?P<stamp>\d{8}-\d{6})\.tar\.gz$")
STAMP = "%Y%m%d-%H%M%S"


class BackupError(Exception):
    """A refusal with its message for the person at the terminal."""


def _run(args, **kwargs):
    return subprocess.run(args, check=True, universal_newlines=True, **kwargs)


def _psql(sql, db="postgres"):
    return _run(["psql", "-d", db, "-XAtqc", sql], stdout=subprocess.PIPE).stdout.strip()


def db_exists(db):
    return _psql("SELECT 1 FROM pg_database WHERE datname = '%s'" % db.replace("'", "''")) == "1"


def _valid_name(db):
    if not re.match(r"^[A-Za-z0-9_][\w.-]*$", db or ""):
        raise BackupError("Ongeldige databasenaam: %r" % db)
    return db


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(db, dest, data_dir, now=None):
    """Write one backup of db into dest; return its path."""
    _valid_name(db)
    if not db_exists(db):
        raise BackupError("De database %s bestaat niet." % db)
    now = now or datetime.datetime.utcnow()
    os.makedirs(dest, exist_ok=True)
    path = os.path.join(dest, "%s-%s.tar.gz" % (db, now.strftime(STAMP)))
    with tempfile.TemporaryDirectory(prefix="coop-backup-") as tmp:
        dump = os.path.join(tmp, "dump.pgdump")
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", dump, db])
        manifest = {"database": db, "created": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    "dump_sha256": _sha256(dump), "format": 1}
        partial = path + ".part"  # a backup cut off half-way never looks like a whole one
        with tarfile.open(partial, "w:gz") as tar:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, "dump.pgdump")
            filestore = os.path.join(data_dir, "filestore", db)
            if os.path.isdir(filestore):
                tar.add(filestore, "filestore")
        os.replace(partial, path)
    return path


def _safe_members(tar):
    for member in tar.getmembers():
        name = os.path.normpath(member.name)
        if name.startswith(("..", "/")) or member.issym() or member.islnk():
            raise BackupError("De back-up bevat een ongeldig pad: %s" % member.name)
        yield member


def restore(path, db, data_dir, force=False):
    """Restore the backup at path into database db (its own name by default)."""
    if not os.path.isfile(path):
        raise BackupError("Het back-upbestand %s bestaat niet." % path)
    with tempfile.TemporaryDirectory(prefix="coop-restore-") as tmp:
        with tarfile.open(path, "r:gz") as tar:
            tar.extractall(tmp, members=list(_safe_members(tar)))
        try:
            with open(os.path.join(tmp, "manifest.json")) as f:
                manifest = json.load(f)
        except (OSError, ValueError):
            raise BackupError("%s is geen back-up van het platform (geen manifest)." % path)
        dump = os.path.join(tmp, "dump.pgdump")
        if not os.path.isfile(dump) or _sha256(dump) != manifest.get("dump_sha256"):
            raise BackupError("De dump in %s is beschadigd (de controlesom klopt niet)." % path)
        db = _valid_name(db or manifest["database"])
        if db_exists(db) and not force:
            raise BackupError("De database %s bestaat al; herstellen overschrijft ze. "
                              "Gebruik --force (make restore ... FORCE=1) om dat te doen." % db)
        staging = _valid_name("%s_restoring" % db)
        if db_exists(staging):
            _run(["dropdb", staging])
        _run(["createdb", staging])
        try:
            _run(["pg_restore", "--no-owner", "--exit-on-error", "-d", staging, dump],
                 stdout=subprocess.DEVNULL)
        except subprocess.CalledProcessError:
            _run(["dropdb", staging])
            raise BackupError("Het herstellen van de dump is mislukt; er is niets veranderd.")
        if db_exists(db):
            _run(["dropdb", db])
        _psql('ALTER DATABASE "%s" RENAME TO "%s"' % (staging, db))
        target = os.path.join(data_dir, "filestore", db)
        if os.path.isdir(target):
            shutil.rmtree(target)
        source = os.path.join(tmp, "filestore")
        if os.path.isdir(source):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copytree(source, target)
    return db


def to_prune(names, now, keep_days=14, keep_weeks=8):
    """The backup file names to delete: a backup is kept while it is at most keep_days old
    (exactly keep_days old included), and beyond that the newest of each ISO week for
    keep_weeks weeks; files that are not backups are never touched."""
    keep_days_limit = now - datetime.timedelta(days=keep_days)
    keep_weeks_limit = now - datetime.timedelta(weeks=keep_weeks)
    weekly = {}
    dated = []
    for name in names:
        match = NAME_RE.match(name)
        if not match:
            continue
        when = datetime.datetime.strptime(match.group("stamp"), STAMP)
        dated.append((when, name))
        if keep_weeks_limit <= when < keep_days_limit:
            week = (match.group("db"),) + tuple(when.isocalendar()[:2])
            weekly[week] = max(weekly.get(week, (when, name)), (when, name))
    kept_weekly = {name for _when, name in weekly.values()}
    return sorted(name for when, name in dated
                  if when < keep_days_limit and name not in kept_weekly)


def prune(dest, keep_days, keep_weeks, now=None):
    now = now or datetime.datetime.utcnow()
    removed = to_prune(os.listdir(dest), now, keep_days, keep_weeks) if os.path.isdir(dest) else []
    for name in removed:
        os.remove(os.path.join(dest, name))
    return removed


def seconds_until(hour, now):
    """Seconds from now (UTC) to the next hour:00."""
    target = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    if target <= now:
        target += datetime.timedelta(days=1)
    return (target - now).total_seconds()


def every_day(db, dest, data_dir, keep_days, keep_weeks, hour):
    """The backup service: a backup and a prune every day at hour:00 UTC, for ever. A failed
    night is reported and retried the next day, never kept as a whole backup."""
    while True:
        time.sleep(seconds_until(hour, datetime.datetime.utcnow()))
        try:
            print("[backup] %s" % backup(db, dest, data_dir), flush=True)
            for name in prune(dest, keep_days, keep_weeks):
                print("[backup] verwijderd: %s" % name, flush=True)
        except (BackupError, subprocess.CalledProcessError, OSError) as error:
            print("[backup] mislukt: %s" % error, file=sys.stderr, flush=True)


def main(argv=None):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", default=os.environ.get("COOP_DATA_DIR", "/var/lib/odoo"))
    sub = parser.add_subparsers(dest="command")
    sub.required = True
    p = sub.add_parser("backup")
    p.add_argument("--db", default=os.environ.get("COOP_DB", "coopkracht"))
    p.add_argument("--dest", default=os.path.join(root, "backups"))
    p = sub.add_parser("restore")
    p.add_argument("file")
    p.add_argument("--db")
    p.add_argument("--force", action="store_true")
    for command in ("prune", "every-day"):
        p = sub.add_parser(command)
        p.add_argument("--dest", default=os.path.join(root, "backups"))
        p.add_argument("--keep-days", type=int, default=14)
        p.add_argument("--keep-weeks", type=int, default=8)
    p.add_argument("--db", default=os.environ.get("COOP_DB", "coopkracht"))
    p.add_argument("--hour", type=int, default=2)
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            print(backup(args.db, args.dest, args.data_dir))
        elif args.command == "restore":
            db = restore(args.file, args.db, args.data_dir, args.force)
            print("[backup] %s hersteld in de database %s" % (args.file, db))
        elif args.command == "every-day":
            every_day(args.db, args.dest, args.data_dir, args.keep_days, args.keep_weeks,
                      args.hour)
        else:
            for name in prune(args.dest, args.keep_days, args.keep_weeks):
                print("[backup] verwijderd: %s" % name)
    except BackupError as error:
        print("[backup] %s" % error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
