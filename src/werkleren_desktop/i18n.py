"""One translation mechanism for the window, the command line and printed documents.

Source strings are English and marked with ``_()`` (translate now), ``N_()`` (mark
for translation, translate later, for module-level tables) or ``n_()`` (plurals).
Translations are kept in ``assets/locale/<lang>/LC_MESSAGES/werkleren.po`` and read
from the compiled ``werkleren.mo`` beside it with the standard library's gettext:
reading the .po with Babel took about 80 ms of every start. The .mo is written by
``scripts/update-translations.sh``; tests/test_translations.py fails when it says
something else than the .po, so a translation is never shipped uncompiled.

The GUI and the command line follow the *active* language; a printed document can
ask :func:`translator` for a language of its own.
"""

from __future__ import annotations

import argparse
import gettext
from functools import cache
from pathlib import Path

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"
DOMAIN = "werkleren"
LOCALE_DIR = Path(__file__).parent / "assets" / "locale"


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


class Translator:
    """Translations of one language; English (the source) is the identity."""

    def __init__(self, language: str, catalog: gettext.NullTranslations) -> None:
        self.language = language
        self._catalog = catalog

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)


@cache
def translator(language: str) -> Translator:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    if language == "en":
        return Translator(language, gettext.NullTranslations())
    with mo_path(language).open("rb") as handle:
        return Translator(language, gettext.GNUTranslations(handle))


_active: Translator | None = None


def active() -> Translator:
    global _active
    if _active is None:
        _active = translator(DEFAULT_LANGUAGE)
    return _active


def set_language(language: str) -> None:
    """Switch the language of everything that translates from now on."""
    global _active
    _active = translator(language)


def current_language() -> str:
    return active().language


def _(message: str) -> str:
    return active().gettext(message)


def n_(singular: str, plural: str, n: int) -> str:
    return active().ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker
    """Mark a string for extraction; it is translated where it is shown."""
    return message


# argparse's own messages, listed so that extraction puts them in the catalog.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def translate_argparse() -> None:
    """Let argparse's own messages ("usage", "invalid choice") go through our catalog."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = n_  # type: ignore[attr-defined]
