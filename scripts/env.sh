# Shared settings of the platform scripts (sourced, not run).
# Everything machine-wide (the virtual environment, the template databases' filestores)
# lives under COOP_CACHE so that a fresh clone on the same machine reuses it; everything
# is keyed by the hash of what produced it, so a change rebuilds instead of reusing.
_coop_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export COOP_ROOT="$_coop_root"
export COOP_PYTHON_VERSION="${COOP_PYTHON_VERSION:-3.7.16}"
export COOP_CACHE="${COOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/coopkracht}"
_coop_lock_hash=$(cat "$COOP_ROOT/requirements.lock" | sha1sum | cut -c1-12)
export COOP_VENV="${COOP_VENV:-$COOP_CACHE/venv-$_coop_lock_hash}"
export COOP_DATA_DIR="${COOP_DATA_DIR:-$COOP_CACHE/data}"
export PATH="$COOP_ROOT/node_modules/.bin:$COOP_VENV/bin:$PATH"
unset _coop_root _coop_lock_hash
