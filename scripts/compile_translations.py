"""Compile each language's .po into the .mo the program reads (see werkleren_desktop.i18n).

Babel's own `compile` command would refuse texts such as "{n} % used", which its
format check takes for a %-placeholder; the placeholders are checked by
tests/test_translations.py instead.
"""

from __future__ import annotations

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from werkleren_desktop.i18n import LANGUAGES, mo_path, po_path


def main() -> None:
    for language in LANGUAGES:
        po = po_path(language)
        if not po.exists():
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        for message in list(catalog):  # a plural half translated shows in English
            if isinstance(message.id, tuple) and not all(message.string):
                catalog.delete(message.id)
        with mo_path(language).open("wb") as handle:
            write_mo(handle, catalog)
        print(f"{po} -> {mo_path(language).name}")


if __name__ == "__main__":
    main()
