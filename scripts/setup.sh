#!/usr/bin/env bash
# Set up Werkleren Desktop on this machine and start it, or run the checks.
#
#   scripts/setup.sh run [ARGS...]   install what is missing, then start the program
#                                    (ARGS go to `werkleren`, e.g. --data-dir DIR or demo)
#   scripts/setup.sh test [ARGS...]  install what is missing, then lint, type-check and
#                                    run the tests (ARGS go to pytest; without ARGS the
#                                    service tests run once more on PostgreSQL)
#
# On Debian and Ubuntu it installs the system libraries Qt needs (with sudo when not
# root). Everything Python goes into .venv beside this project. Running it again only
# installs what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
[ $# -gt 0 ] && shift
case "$mode" in run | test) ;; *)
  echo "usage: scripts/setup.sh run|test [ARGS...]" >&2
  exit 2
  ;;
esac

# Libraries Qt needs headless (tests) and, for a real window, the X11/xcb ones.
apt_headless=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6
  libdbus-1-3 fonts-dejavu-core)
# The tests start a throwaway PostgreSQL server (tests/postgres.py) for the shared mode.
apt_test=(postgresql)
apt_window=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-xinerama0
  libxcb-sync1 libxcb-xkb1 libx11-xcb1)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  command -v dpkg-query >/dev/null && command -v apt-get >/dev/null || {
    echo "Not a Debian/Ubuntu system: install Qt's system libraries yourself (see README)."
    return 0
  }
  local wanted=("${apt_headless[@]}")
  [ "$mode" = run ] && wanted+=("${apt_window[@]}")
  [ "$mode" = test ] && wanted+=("${apt_test[@]}")
  python_ok || wanted+=(python3 python3-venv)
  local missing=()
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}"
}

python_ok() {
  local python=${PYTHON:-python3}
  command -v "$python" >/dev/null &&
    "$python" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}

make_venv() {
  local python=${PYTHON:-python3}
  if ! python_ok; then
    echo "Werkleren Desktop needs Python 3.11 or newer with venv (set PYTHON=...)." >&2
    exit 1
  fi
  if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
  fi
  local extras="" stamp
  [ "$mode" = test ] && extras="[test]"
  stamp=".venv/.installed-$mode-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q -e ".$extras"
    touch "$stamp"
  fi
}

# The tests read exported calendars with ical.js (as Thunderbird does), under Node.js.
install_calendar_client() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "Installing Node.js for the calendar tests"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      nodejs npm
  fi
  local stamp
  stamp="tests/clients/node_modules/.installed-$(sha256sum tests/clients/package-lock.json | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    npm ci --prefix tests/clients --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
}

install_system_packages
make_venv
[ "$mode" = test ] && install_calendar_client

if [ "$mode" = run ]; then
  exec .venv/bin/werkleren "$@"
fi

echo "== ruff" && .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy" && .venv/bin/mypy
echo "== pytest" && .venv/bin/python -m pytest "$@"
if [ $# -eq 0 ]; then
  # the use cases, the data layer and the window again with the data on a throwaway
  # PostgreSQL server, as the shared mode keeps them (tests of the SQLite file itself
  # are marked and skipped there)
  echo "== pytest on PostgreSQL" &&
    .venv/bin/python -m pytest tests/services tests/db tests/gui --database postgresql
fi
