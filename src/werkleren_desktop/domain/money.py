"""Euro amounts: kept as whole cents, read and written the way the user writes them."""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_currency, format_decimal, parse_decimal

from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import _, current_language

MAX_CENTS = 100_000_000 * 100  # a hundred million euro: beyond that it is a typing error
_AMOUNT_CHARACTERS = re.compile(r"-?[0-9][0-9.,]*")


def parse_euro(text: str, *, field: str | None = None, language: str | None = None) -> int:
    """Cents from what a user typed: "750", "1.250,50", "€ 1.250,50", "12.50"."""
    cleaned = text.replace("€", "").replace("EUR", "").replace("\u00a0", " ").strip()
    cleaned = cleaned.replace(" ", "")
    if not cleaned:
        raise ValidationError(_("Enter an amount in euros, for example 750,00."), field)
    language = language or current_language()
    not_an_amount = ValidationError(
        _("“{text}” is not an amount in euros; write it like 1.250,50.").format(text=text), field
    )
    if not _AMOUNT_CHARACTERS.fullmatch(cleaned):
        raise not_an_amount
    # The user's own way of writing first ("1.250" is 1250 in Dutch), then the other.
    locales = [language] + [other for other in ("nl", "en") if other != language]
    amount: Decimal | None = None
    for locale in locales:
        try:
            amount = parse_decimal(cleaned, locale=locale, strict=True)
            break
        except (NumberFormatError, InvalidOperation):
            continue
    if amount is None:
        raise not_an_amount
    if amount < 0:
        raise ValidationError(_("An amount cannot be negative."), field)
    if amount * 100 > MAX_CENTS:
        raise ValidationError(_("That amount is too large; check the number of digits."), field)
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(_("An amount has at most two decimals (cents)."), field)
    return int(amount * 100)


def format_euro(cents: int, *, language: str | None = None) -> str:
    return _format_euro(cents, language or current_language())


@functools.lru_cache(maxsize=4096)
def _format_euro(cents: int, language: str) -> str:
    # babel takes ~15 µs an amount; a yearly overview repeats the same few thousand
    return format_currency(Decimal(cents) / 100, "EUR", locale=language)


def format_euro_plain(cents: int, *, language: str | None = None) -> str:
    """The amount without the currency sign, as it is typed into a field."""
    return format_decimal(
        Decimal(cents) / 100, format="#,##0.00", locale=language or current_language()
    )
