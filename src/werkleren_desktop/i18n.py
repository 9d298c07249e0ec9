"""One translation mechanism for the window, the command line and printed documents.

Source strings are English and marked with ``_()`` (translate now), ``N_()`` (mark
for translation, translate later, for module-level tables) or ``n_()`` (plurals).
Translations live in ``assets/locale/<lang>/LC_MESSAGES/werkleren.po`` and are
read with Babel at first use, so there is no compile step to forget.

The GUI and the command line follow the *active* language; a printed document can
ask :func:`translator` for a language of its own.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"
DOMAIN = "werkleren"
LOCALE_DIR = Path(__file__).parent / "assets" / "locale"


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass
class Translator:
    """Translations of one language; English is the identity."""

    language: str
    singular: dict[str, str] = field(default_factory=dict)
    plural: dict[str, tuple[str, ...]] = field(default_factory=dict)
    locale: Locale = field(init=False)

    def __post_init__(self) -> None:
        self.locale = Locale.parse(self.language)

    def gettext(self, message: str) -> str:
        return self.singular.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self.plural.get(singular)
        if forms:
            index = self.locale.plural_form(abs(n))
            order = ("one", "other")
            position = order.index(index) if index in order else len(forms) - 1
            form = forms[min(position, len(forms) - 1)]
            if form:
                return form
        return singular if n == 1 else plural


@cache
def translator(language: str) -> Translator:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    result = Translator(language)
    path = po_path(language)
    if language == "en" or not path.exists():
        return result
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple | list):
            forms = tuple(str(s) for s in message.string or ())
            if forms and all(forms):
                result.plural[str(message.id[0])] = forms
        elif message.string:
            result.singular[str(message.id)] = str(message.string)
    return result


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
