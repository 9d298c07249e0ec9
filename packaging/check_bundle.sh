#!/usr/bin/env bash
# Try the built Linux bundle as a user would: version, demo, check, and a start of the
# window (offscreen) that keeps running until it is stopped. Validates the menu metadata.
set -euo pipefail
cd "$(dirname "$0")/.."
app=dist/werkleren-desktop/werkleren
[ -x "$app" ] || { echo "No bundle at $app: run packaging/build.sh first." >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

expected=$(.venv/bin/python -c 'from werkleren_desktop import __version__; print(__version__)')
[ "$("$app" --version)" = "Werkleren Desktop $expected" ] || { echo "bundle: wrong --version" >&2; exit 1; }
"$app" demo --data-dir "$work/data" | grep -q "Installatiebedrijf Van Dijk"
"$app" check --data-dir "$work/data" | grep -q "is in orde"
"$app" export calendar --out "$work/cycli.ics" --alarm 15 --data-dir "$work/data" |
  grep -q "sessies geschreven naar"
grep -q "BEGIN:VTIMEZONE" "$work/cycli.ics"
# the shared mode's driver is in the bundle: a server that does not answer is a sentence
set +e
"$app" check --data-dir "$work/data" --database-url "postgresql://chef@127.0.0.1:1/werkleren" \
  2>"$work/server.log"
status=$?
set -e
if [ "$status" -ne 1 ] || ! grep -q "is niet bereikbaar" "$work/server.log"; then
  echo "bundle: the shared mode does not work (exit $status):" >&2
  cat "$work/server.log" >&2
  exit 1
fi

# every page and its tabs, the charts, the PDF preview, a workbook and Dutch sorting (ICU)
"$app" selftest --data-dir "$work/data" >"$work/selftest.log" 2>&1 || {
  echo "bundle: the self-test failed:" >&2
  cat "$work/selftest.log" >&2
  exit 1
}
grep -q "elke controle is geslaagd" "$work/selftest.log"

# the window starts and stays up: stopped by timeout (exit 124), not by an error
set +e
timeout 8 "$app" --data-dir "$work/data" >"$work/gui.log" 2>&1
status=$?
set -e
if [ "$status" -ne 124 ]; then
  echo "bundle: the window stopped by itself (exit $status):" >&2
  cat "$work/gui.log" >&2
  exit 1
fi
if grep -v "propagateSizeHints" "$work/gui.log" | grep -qiE "error|traceback"; then
  cat "$work/gui.log" >&2
  exit 1
fi

if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate packaging/linux/nl.werkleren.Desktop.desktop
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net packaging/linux/nl.werkleren.Desktop.metainfo.xml
fi
size=$(du -s --apparent-size --block-size=1 dist/werkleren-desktop | cut -f1)
echo "bundle: --version, demo, check, the calendar export, the server driver, the self-test" \
  "(every page, the charts, the PDF preview) and the window all work;" \
  "$((size / 1000000)) MB unpacked"
