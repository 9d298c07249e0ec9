#!/usr/bin/env bash
# Install this unpacked Werkleren Desktop for the current user: the program stays in this
# folder; a menu entry, an icon and the `werkleren` command are added. Your data is not
# touched (it lives in ~/.local/share/Werkleren Desktop). Remove with: install.sh --remove
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
entry=$share/applications/nl.werkleren.Desktop.desktop
icon=$share/icons/hicolor/256x256/apps/nl.werkleren.Desktop.png

if [ "${1:-}" = "--remove" ]; then
  rm -f "$entry" "$icon" "$bin/werkleren"
  echo "Werkleren Desktop removed from the menu. Your data is still there."
  exit 0
fi
mkdir -p "$(dirname "$entry")" "$(dirname "$icon")" "$bin"
sed "s|^Exec=werkleren|Exec=\"$here/werkleren\"|" \
  "$here/share/applications/nl.werkleren.Desktop.desktop" > "$entry"
cp "$here/share/icons/hicolor/256x256/apps/nl.werkleren.Desktop.png" "$icon"
ln -sf "$here/werkleren" "$bin/werkleren"
command -v update-desktop-database >/dev/null && update-desktop-database "$(dirname "$entry")" || true
echo "Werkleren Desktop is in your applications menu; 'werkleren' starts it from a terminal."
