# Shared by scripts/run and scripts/test: find Python 3.13, make .venv, install requirements.
# Usage: source scripts/_bootstrap.sh REQUIREMENTS_FILE
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_python() {
  local candidates=("${PYTHON:-}" python3.13)
  if command -v pyenv >/dev/null 2>&1; then candidates+=("$(pyenv root)/versions/3.13.0/bin/python"); fi
  candidates+=("$HOME/.pyenv/versions/3.13.0/bin/python" /root/.pyenv/versions/3.13.0/bin/python /usr/bin/python3.13 python3)
  for c in "${candidates[@]}"; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  echo "Python 3.13 not found. Install it, or set PYTHON=/path/to/python3.13." >&2
  return 1
}

need_apt() {  # install Debian packages when a command is missing (we run as root here)
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))'; then
  rm -rf .venv
  "$(find_python)" -m venv .venv
fi
req=${1:-requirements.txt}
stamp=".venv/.installed-$(basename "$req")-$(cat requirements*.txt | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
  touch "$stamp"
fi
mkdir -p var  # SQLite databases (also the test database) live here
need_apt msgfmt gettext
DEBUG=true .venv/bin/python manage.py compilemessages -v 0 --ignore=.venv --ignore=.cache
