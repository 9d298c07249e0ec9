"""Werkafspraken: a lesson that travels. What a learning group or a colleague found out
in a work situation or a week cycle becomes a short record everyone can find: what is
agreed (or how a task is done, an instruction), where it came from, and whom to ask.
An agreement that no longer holds is withdrawn, not deleted, so that it stays findable
with the day it stopped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from werkleren_desktop.domain.constants import WorkAgreementKind
from werkleren_desktop.domain.people import folded
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

TITLE_MAX = 200
TEXT_MAX = 4000
ORIGIN_MAX = 300

KIND_LABELS: dict[WorkAgreementKind, str] = {
    WorkAgreementKind.AGREEMENT: N_("Work agreement"),
    WorkAgreementKind.INSTRUCTION: N_("Instruction"),
}


@dataclass(frozen=True)
class WorkAgreementInput:
    """A work agreement as a form gives it. It comes from a work situation or a week
    cycle (``situation_id``, ``cycle_id``), or from elsewhere, said in ``origin``."""

    kind: WorkAgreementKind
    title: str
    text: str
    contact_id: int | None  # whom to ask
    agreed_on: dt.date
    situation_id: int | None = None
    cycle_id: int | None = None
    origin: str = ""

    def validated(self, today: dt.date) -> WorkAgreementInput:
        title, text, origin = self.title.strip(), self.text.strip(), self.origin.strip()
        if not title:
            raise ValidationError(_("Give the work agreement a short title."), "title")
        if len(title) > TITLE_MAX:
            raise ValidationError(
                _("The title is too long (at most {n} characters).").format(n=TITLE_MAX),
                "title",
            )
        if not text:
            raise ValidationError(_("Write down what is agreed, or how the task is done."), "text")
        if len(text) > TEXT_MAX:
            raise ValidationError(
                _("The text is too long (at most {n} characters).").format(n=TEXT_MAX),
                "text",
            )
        if self.contact_id is None:
            raise ValidationError(_("Choose whom colleagues can ask about it."), "contact")
        if self.situation_id is None and self.cycle_id is None and not origin:
            raise ValidationError(
                _("Say where it came from: a meeting, a client's question, an incident."),
                "origin",
            )
        if len(origin) > ORIGIN_MAX:
            raise ValidationError(
                _("Where it came from is too long (at most {n} characters).").format(n=ORIGIN_MAX),
                "origin",
            )
        if self.agreed_on > today:
            raise ValidationError(_("The day it was agreed lies in the future."), "agreed_on")
        return replace(self, title=title, text=text, origin=origin)


def check_withdrawal(agreed_on: dt.date, day: dt.date, today: dt.date) -> None:
    """A work agreement stops holding on a day between the day it was agreed and today."""
    if day > today:
        raise ValidationError(_("The day it stops holding lies in the future."), "withdrawn_on")
    if day < agreed_on:
        raise ValidationError(
            _("A work agreement cannot stop before it was agreed."), "withdrawn_on"
        )


def opening_title(text: str) -> str:
    """A title to start from, made of a text (an outcome): its first sentence, cut
    at a word when it is long."""
    first = text.strip().split("\n", 1)[0]
    for stop in (". ", "; ", "! ", "? "):
        first = first.split(stop, 1)[0]
    first = first.rstrip(".;!? ")
    if len(first) <= 80:
        return first
    return first[:80].rsplit(" ", 1)[0] + "…"


def search_text(*parts: str) -> str:
    """What a search looks in, folded as searches compare (accents and case aside)."""
    return folded(" ".join(parts))


def matches(found_in: str, words: list[str]) -> bool:
    """Whether every searched word stands in ``found_in`` (made by ``search_text``)."""
    return all(word in found_in for word in words)


@dataclass(frozen=True)
class PrintedAgreement:
    """A work agreement as the printed list shows it."""

    kind: WorkAgreementKind
    title: str
    text: str
    contact: str  # whom to ask, "" when nobody is
    source: str  # where it came from
    agreed_on: dt.date


@dataclass(frozen=True)
class AgreementBook:
    """The work agreements that hold on ``day``, to hang up or hand out."""

    organisation: str
    logo_png: bytes | None
    day: dt.date
    agreements: tuple[PrintedAgreement, ...]
