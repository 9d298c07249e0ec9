#!/usr/bin/env bash
# Build the folder bundle of Werkleren Desktop with PyInstaller for this system, and on
# Linux a tarball with the .desktop entry and AppStream metadata.
#
#   packaging/build.sh            build into dist/
#   packaging/build.sh --check    build, validate the Linux metadata and try the bundle
#
# Uses the project's .venv (made by scripts/setup.sh); installs PyInstaller there.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[ "${1:-}" = "--check" ] && check=true

py=.venv/bin/python
[ -x "$py" ] || { echo "Run scripts/setup.sh test (or run) first: there is no .venv." >&2; exit 1; }
"$py" -m pip install -q "pyinstaller==6.22.3"
version=$("$py" -c 'from werkleren_desktop import __version__; print(__version__)')

if [ "$(uname -s)" = Linux ]; then
  # strip (binutils) takes the debugging symbols out of the libraries; icupkg (icu-devtools),
  # objcopy, as and ld cut ICU's data to Dutch and English (packaging/icu_data.py)
  missing=()
  for tool in strip:binutils objcopy:binutils as:binutils ld:binutils nm:binutils readelf:binutils \
      icupkg:icu-devtools; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi
    packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
    # shellcheck disable=SC2086 # one word per package
    $sudo apt-get install -y -q --no-install-recommends $packages >/dev/null \
      || { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends \
        $packages >/dev/null; }
  fi
fi

# the program's Python modules compressed as tightly as zlib can (PyInstaller's default is 6)
PYINSTALLER_ZLIB_COMPRESSION_LEVEL=9 "$py" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
  --workpath build/pyinstaller packaging/werkleren.spec

if [ "$(uname -s)" = Linux ]; then
  app=dist/werkleren-desktop
  mkdir -p "$app/share/applications" "$app/share/metainfo" "$app/share/icons/hicolor/256x256/apps"
  cp packaging/linux/nl.werkleren.Desktop.desktop "$app/share/applications/"
  cp packaging/linux/nl.werkleren.Desktop.metainfo.xml "$app/share/metainfo/"
  cp resources/icons/werkleren-256.png \
    "$app/share/icons/hicolor/256x256/apps/nl.werkleren.Desktop.png"
  cp packaging/linux/install.sh "$app/"
  tarball="dist/werkleren-desktop-$version-linux-$(uname -m).tar.gz"
  tar -czf "$tarball" -C dist werkleren-desktop
  echo "Built $app and $tarball"
fi

if $check; then
  # the validators of the Linux menu metadata, from Debian's packages
  if command -v apt-get >/dev/null && ! command -v appstreamcli >/dev/null; then
    if [ "$(id -u)" = 0 ]; then sudo=""; else sudo=sudo; fi
    $sudo apt-get install -y -q --no-install-recommends desktop-file-utils appstream >/dev/null \
      || { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends \
        desktop-file-utils appstream >/dev/null; }
  fi
  bash packaging/check_bundle.sh
fi
