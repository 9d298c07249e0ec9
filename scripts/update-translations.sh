#!/usr/bin/env bash
# Extract every marked string into the template and merge it into each language's .po.
# Then translate the new (empty or fuzzy) entries and run it again to compile them;
# tests/test_translations.py fails until both are done.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
pot=build/werkleren.pot
mkdir -p build
"$py" -m babel.messages.frontend extract --no-location --sort-output \
  -k _ -k N_ -k n_:1,2 --project "Werkleren Desktop" --width 100 \
  -o "$pot" src/werkleren_desktop
for po in src/werkleren_desktop/assets/locale/*/LC_MESSAGES/werkleren.po; do
  lang=$(basename "$(dirname "$(dirname "$po")")")
  "$py" -m babel.messages.frontend update --no-fuzzy-matching --ignore-obsolete --width 100 \
    -i "$pot" -d src/werkleren_desktop/assets/locale -D werkleren -l "$lang"
done
# The program reads the compiled catalogs (.mo); tests fail when one differs from its .po.
"$py" scripts/compile_translations.py
