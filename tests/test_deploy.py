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
    env = dict(os.environ, POSTGRES_PASSWORD="validation-only")
    proc = subprocess.run(COMPOSE + ["-f", "docker-compose.yml", "config", "-q"], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert proc.returncode == 0, proc.stdout


def test_compose_file_refuses_to_start_without_password():
    """Without POSTGRES_PASSWORD the validator stops with the message asking for it."""
    env = {k: v for k, v in os.environ.items() if k != "POSTGRES_PASSWORD"}
    proc = subprocess.run(COMPOSE + ["-f", "docker-compose.yml", "config", "-q"], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    assert proc.returncode != 0
    assert "set POSTGRES_PASSWORD in .env" in proc.stdout
