"""The columns of the yearly overview, defined once: the screen, the PDF, the
spreadsheet and the CSV all take their figures from here, so they always agree."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from werkleren_desktop.db.models import SituationKind
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.training import PersonYear
from werkleren_desktop.i18n import N_, _, current_language

Value = str | int | Decimal | dt.date | None


class Kind(enum.Enum):
    TEXT = "text"
    DATE = "date"
    COUNT = "count"
    HOURS = "hours"  # Decimal hours, one decimal
    EURO = "euro"  # Decimal euros, two decimals
    PERCENT = "percent"  # Decimal per cent, one decimal; None when there is no budget


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English msgid
    kind: Kind
    value: Callable[[PersonYear], Value]
    on_screen: bool = True  # also in the compact table of the page and the PDF


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)


def euros(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def percent(value: float | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _kind(kind: SituationKind) -> Callable[[PersonYear], Value]:
    return lambda r: r.situations_by_kind.get(kind, 0)


COLUMNS: tuple[Column, ...] = (
    Column("name", N_("Name"), Kind.TEXT, lambda r: r.name),
    Column("job", N_("Job title"), Kind.TEXT, lambda r: r.job_title, False),
    Column("manager", N_("Manager"), Kind.TEXT, lambda r: r.manager_name, False),
    Column("in", N_("In service"), Kind.DATE, lambda r: r.in_service, False),
    Column("out", N_("Out of service"), Kind.DATE, lambda r: r.out_of_service, False),
    Column("analyse", N_("Analysing"), Kind.COUNT, _kind(SituationKind.ANALYSE), False),
    Column("improve", N_("Improving"), Kind.COUNT, _kind(SituationKind.IMPROVE), False),
    Column("innovate", N_("Innovating"), Kind.COUNT, _kind(SituationKind.INNOVATE), False),
    Column("perform", N_("Performing better"), Kind.COUNT, _kind(SituationKind.PERFORM), False),
    Column("situations", N_("Situations"), Kind.COUNT, lambda r: r.situations),
    Column(
        "situation_hours", N_("Hours at work"), Kind.HOURS, lambda r: hours(r.situation_minutes)
    ),
    Column("sessions", N_("Cycle sessions"), Kind.COUNT, lambda r: r.sessions_attended),
    Column("session_hours", N_("Hours together"), Kind.HOURS, lambda r: hours(r.session_minutes)),
    Column("consultations", N_("Consultations"), Kind.COUNT, lambda r: r.consultations),
    Column("trainings", N_("Trainings"), Kind.COUNT, lambda r: r.trainings),
    Column(
        "required_hours",
        N_("Hours required"),
        Kind.HOURS,
        lambda r: hours(r.required_minutes),
        False,
    ),
    Column(
        "voluntary_hours",
        N_("Hours voluntary"),
        Kind.HOURS,
        lambda r: hours(r.voluntary_minutes),
        False,
    ),
    Column("training_hours", N_("Hours training"), Kind.HOURS, lambda r: hours(r.training_minutes)),
    Column(
        "required_cost", N_("Cost required"), Kind.EURO, lambda r: euros(r.required_cents), False
    ),
    Column(
        "voluntary_cost", N_("Cost voluntary"), Kind.EURO, lambda r: euros(r.voluntary_cents), False
    ),
    Column("cost", N_("Cost"), Kind.EURO, lambda r: euros(r.cost_cents)),
    Column("budget", N_("Budget"), Kind.EURO, lambda r: euros(r.budget_cents)),
    Column("budget_used", N_("Budget used %"), Kind.PERCENT, lambda r: percent(r.budget_used)),
    Column("conversations", N_("Conversations (of 2)"), Kind.COUNT, lambda r: r.conversations_held),
    Column("open_agreements", N_("Open agreements"), Kind.COUNT, lambda r: r.open_agreements),
    Column(
        "certificates",
        N_("Certificates expiring next year"),
        Kind.COUNT,
        lambda r: r.certificates_expiring,
        False,
    ),
)
SCREEN_COLUMNS = tuple(c for c in COLUMNS if c.on_screen)


def shown(value: Value, kind: Kind, language: str | None = None) -> str:
    """A value as the reader's language writes it: 1.250,50 · 12,5 · 67,5 %."""
    language = language or current_language()
    if value is None:
        return ""
    if kind is Kind.DATE and isinstance(value, dt.date):
        return format_date(value, "short", language=language)
    if kind is Kind.EURO and isinstance(value, Decimal):
        return format_euro(int(value * 100), language=language)
    if kind in (Kind.HOURS, Kind.PERCENT) and isinstance(value, Decimal):
        text = f"{value:.1f}"
        text = text.replace(".", ",") if language == "nl" else text
        return f"{text} %" if kind is Kind.PERCENT else text
    return str(value)


def title(column: Column) -> str:
    return _(column.title)
