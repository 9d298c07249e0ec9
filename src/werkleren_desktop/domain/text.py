"""Text from outside (a file, a paste) made safe to show and to store.

A staff list may carry bytes no person typed: NUL, the escape codes that recolour or
clear a terminal, or the invisible marks that reverse the direction of text. They are
refused where they would be stored and replaced where such text is quoted back.
"""

from __future__ import annotations

import re

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
# C0 and C1 control characters except tab, line feed and carriage return (which a
# multi-line cell may hold and which tidying turns into spaces), DEL, and the marks
# that embed, override or isolate the direction of text.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")


def unsafe_character(text: str) -> str | None:
    """The first character of ``text`` that must not be stored, or None."""
    match = _UNSAFE.search(text)
    return match.group() if match else None


def character_name(character: str) -> str:
    """U+001B for the escape character: how a message names an invisible character."""
    return f"U+{ord(character):04X}"


def printable(text: str) -> str:
    """``text`` on one line, every unsafe character replaced by �."""
    return _WHITESPACE.sub(" ", _UNSAFE.sub(REPLACEMENT, text)).strip()


def shortened(text: object, limit: int = 60) -> str:
    """``text`` as a message may quote it: printable, and cut with … after ``limit``."""
    shown = printable(str(text))
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"
