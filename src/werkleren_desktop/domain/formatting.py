"""Dates and numbers written the way the reader's language writes them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel.dates import format_date as _babel_format_date
from babel.lists import format_list as _babel_format_list
from babel.numbers import format_decimal as _babel_format_decimal

from werkleren_desktop.i18n import current_language

DateStyle = Literal["short", "medium", "long", "full"]


def format_date(day: dt.date, style: DateStyle = "long", *, language: str | None = None) -> str:
    """28-11-2026 (short), 28 nov 2026 (medium), 28 november 2026, zaterdag 28 november 2026."""
    language = language or current_language()
    if style == "short" and language == "nl":
        return day.strftime("%d-%m-%Y")  # as Dutch forms and Excel write it
    return _babel_format_date(day, format=style, locale=language)


def format_moment(moment: dt.datetime, *, language: str | None = None) -> str:
    """28 nov 2026 14:05: a date with a 24-hour time, as both languages here write it.
    A moment with its zone (as the data keep them, in UTC) is shown in local time."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{format_date(moment.date(), 'medium', language=language)} {moment:%H:%M}"


def format_number(value: int, *, language: str | None = None) -> str:
    """1.059 in Dutch, 1,059 in English."""
    return _babel_format_decimal(value, locale=language or current_language())


def format_list(items: list[str], *, language: str | None = None) -> str:
    """B en F, or B, C en F: a list as a sentence in the reader's language."""
    return _babel_format_list(items, locale=language or current_language())
