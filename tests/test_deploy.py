# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The deployment files stay in step with the local set-up."""
import configparser
import os
import subprocess
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPOSE = [sys.executable, "-W", "ignore", "-c", "from compose.cli.main import main; main()"]


def _read(name):
    with open(os.path.join(ROOT, name)) as f:
        return f.read()


def test_compose_file_structure():
    """docker-compose.yml parses and has PostgreSQL 15, Odoo built here, named volumes."""
    compose = yaml.safe_load(_read("docker-compose.yml"))
    services = compose["services"]
    assert services["db"]["image"] == "postgres:15"
    assert services["odoo"]["build"] == "."
    assert "db" in services["odoo"]["depends_on"]
    volumes = set(compose["volumes"])
    assert {"db-data", "odoo-filestore"} <= volumes
    mounts = services["odoo"]["volumes"]
    assert any(m.startswith("./addons:") for m in mounts)
    assert any(m.startswith("odoo-filestore:") for m in mounts)


def test_dockerfile_uses_the_same_lock_and_python():
    """The image installs Python 3.7, requirements.lock, the npm lock and wkhtmltopdf."""
    docker = _read("Dockerfile")
    assert docker.startswith("#") and "FROM python:3.7" in docker
    assert "requirements.lock" in docker and "--no-deps" in docker
    assert "package-lock.json" in docker and "npm ci" in docker
    assert "wkhtmltopdf" in docker
    assert "scripts/odoo-bin" in docker and '"-c", "import odoo' not in docker


def test_production_config_has_workers_and_proxy_mode():
    """config/odoo-docker.conf runs workers behind a proxy, without demo data."""
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "config", "odoo-docker.conf"))
    opts = cfg["options"]
    assert int(opts["workers"]) >= 2
    assert opts["proxy_mode"] == "True"
    assert opts["without_demo"] == "True"
    assert opts["list_db"] == "False"
    dev = configparser.ConfigParser()
    dev.read(os.path.join(ROOT, "config", "odoo.conf"))
    for key in ("limit_time_real", "max_cron_threads"):
        assert key in dev["options"], key


def test_compose_file_validates_with_docker_compose():
    """`docker-compose config` (the validator, no engine needed) accepts the file."""
    env = dict(os.environ, POSTGRES_PASSWORD="validation-only",
               ODOO_MASTER_PASSWORD="validation-only-master")
    proc = subprocess.run(COMPOSE + ["-f", "docker-compose.yml", "config", "-q"], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert proc.returncode == 0, proc.stdout


def test_compose_file_refuses_to_start_without_password():
    """Without POSTGRES_PASSWORD the validator stops with the message asking for it."""
    env = {k: v for k, v in os.environ.items() if k != "POSTGRES_PASSWORD"}
    env["ODOO_MASTER_PASSWORD"] = "validation-only-master"
    proc = subprocess.run(COMPOSE + ["-f", "docker-compose.yml", "config", "-q"], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert proc.returncode != 0
    assert "set POSTGRES_PASSWORD in .env" in proc.stdout


def test_compose_file_refuses_to_start_without_master_password():
    """Without ODOO_MASTER_PASSWORD the validator stops with the message asking for it:
    Odoo never runs with its default master password."""
    env = {k: v for k, v in os.environ.items() if k != "ODOO_MASTER_PASSWORD"}
    env["POSTGRES_PASSWORD"] = "validation-only"
    proc = subprocess.run(COMPOSE + ["-f", "docker-compose.yml", "config", "-q"], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert proc.returncode != 0
    assert "set ODOO_MASTER_PASSWORD in .env" in proc.stdout


def test_production_config_blocks_the_database_manager():
    """The production configuration has no master password of its own, blocks the
    database service in Odoo (loaded at server start) and runs behind the proxy."""
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "config", "odoo-docker.conf"))
    opts = cfg["options"]
    assert "admin_passwd" not in opts
    assert opts["coop_block_db_manager"] == "True"
    assert "coop_website" in opts["server_wide_modules"].split(",")
    assert opts["proxy_mode"] == "True"
    assert opts["list_db"] == "False"


def test_compose_puts_odoo_behind_the_tls_proxy():
    """Only the nginx proxy is published; Odoo's ports stay inside the compose network;
    the proxy uses deploy/nginx.conf."""
    compose = yaml.safe_load(_read("docker-compose.yml"))
    services = compose["services"]
    assert "ports" not in services["odoo"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert any(m.startswith("./deploy/nginx.conf:") for m in proxy["volumes"])
    assert "443:443" in proxy["ports"]
    docker = _read("Dockerfile")
    assert "scripts/odoo-entrypoint" in docker and "odoo-entrypoint\"]" in docker


def _entrypoint():
    from importlib.machinery import SourceFileLoader
    return SourceFileLoader("coop_odoo_entrypoint",
                            os.path.join(ROOT, "scripts", "odoo-entrypoint")).load_module()


def test_master_password_from_environment_and_rotation(tmp_path):
    """The entry point writes the master password's hash (never the password) into a
    private copy of the configuration, which Odoo's own check accepts; rotating it makes
    the old one fail; a missing or short password stops the container."""
    from odoo.tools.config import crypt_context
    entry = _entrypoint()
    source = os.path.join(ROOT, "config", "odoo-docker.conf")
    target = str(tmp_path / "odoo-runtime.conf")
    first, second = "first-master-password-1", "second-master-password-2"
    for old, new in ((None, first), (first, second)):
        entry.write_runtime_config(source, target, new)
        assert oct(os.stat(target).st_mode & 0o777) == "0o600"
        cfg = configparser.ConfigParser(interpolation=None)
        cfg.read(target)
        stored = cfg["options"]["admin_passwd"]
        assert new not in _read_file(target)
        assert stored.startswith("$pbkdf2-sha512$")
        assert crypt_context.verify(new, stored)
        assert not crypt_context.verify("admin", stored)
        if old:
            assert not crypt_context.verify(old, stored)
        assert cfg["options"]["coop_block_db_manager"] == "True"
    env = {k: v for k, v in os.environ.items() if k != "ODOO_MASTER_PASSWORD"}
    for value in (None, "short"):
        if value:
            env["ODOO_MASTER_PASSWORD"] = value
        env.update(ODOO_CONF=source, ODOO_RUNTIME_CONF=str(tmp_path / "refused.conf"),
                   ODOO_BIN="/bin/false")
        proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "odoo-entrypoint")],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        assert proc.returncode != 0
        assert "set ODOO_MASTER_PASSWORD" in proc.stdout
        assert not os.path.exists(str(tmp_path / "refused.conf"))


def _read_file(path):
    with open(path) as f:
        return f.read()


def test_several_app_servers_one_jobs_server(tmp_path):
    """The compose file runs scalable web servers (no cron, no queue_job runner) and one
    jobs server (cron and the queue_job runner), all on the same database and the same
    filestore/session volume; the entry point gives each its role."""
    compose = yaml.safe_load(_read("docker-compose.yml"))
    services = compose["services"]
    web, jobs = services["odoo"], services["odoo-jobs"]
    assert web["environment"]["ODOO_ROLE"] == "web"
    assert jobs["environment"]["ODOO_ROLE"] == "jobs"
    for service in (web, jobs):
        assert any(m.startswith("odoo-filestore:/var/lib/odoo") for m in service["volumes"])
        assert service["image"] == web["image"]
    assert "deploy" not in jobs and "scale" not in jobs
    entry = _entrypoint()
    source = os.path.join(ROOT, "config", "odoo-docker.conf")
    roles = {}
    for role in ("web", "jobs"):
        target = str(tmp_path / ("%s.conf" % role))
        entry.write_runtime_config(source, target, "a-master-password-for-roles", role)
        cfg = configparser.ConfigParser(interpolation=None)
        cfg.read(target)
        roles[role] = cfg["options"]
    assert roles["web"]["max_cron_threads"] == "0"
    assert "queue_job" not in roles["web"]["server_wide_modules"].split(",")
    assert "coop_website" in roles["web"]["server_wide_modules"].split(",")
    assert int(roles["jobs"]["max_cron_threads"]) >= 1
    assert "queue_job" in roles["jobs"]["server_wide_modules"].split(",")
    for key in ("db_host", "db_name", "data_dir", "dbfilter"):
        assert roles["web"][key] == roles["jobs"][key], key
    import pytest
    with pytest.raises(SystemExit):
        entry.write_runtime_config(source, str(tmp_path / "x.conf"), "a-master-password-x",
                                   "cron")
