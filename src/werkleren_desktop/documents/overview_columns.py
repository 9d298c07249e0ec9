"""The columns of the yearly overview, defined once: the screen, the PDF, the
spreadsheet and the CSV all take their figures from here, so they always agree."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from werkleren_desktop.domain.constants import (
    SituationKind,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.situations import KIND_SHORT_LABELS
from werkleren_desktop.domain.training import SPLIT_FRAME, PersonYear
from werkleren_desktop.i18n import N_, _, current_language

if TYPE_CHECKING:
    from werkleren_desktop.services.overview import YearOverview

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
    Column("session_hours", N_("Hours in cycles"), Kind.HOURS, lambda r: hours(r.session_minutes)),
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
    Column(
        "budget_spent",
        N_("Charged to budget"),
        Kind.EURO,
        lambda r: euros(r.budget_spent_cents),
        False,
    ),
    Column(
        "budget_reserved",
        N_("Reserved on budget"),
        Kind.EURO,
        lambda r: euros(r.budget_reserved_cents),
        False,
    ),
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


DUTCH_SEPARATORS = str.maketrans(",.", ".,")


def _grouped(value: int | Decimal, decimals: int, language: str) -> str:
    """1.234,5 in Dutch, 1,234.5 in English: the thousands grouped, as amounts are."""
    text = f"{value:,.{decimals}f}"
    if language == "nl":
        text = text.translate(DUTCH_SEPARATORS)
    return text


def shown(value: Value, kind: Kind, language: str | None = None) -> str:
    """A value as the reader's language writes it: € 1.250,50 · 1.234,5 · 67,5 % · 1.234."""
    language = language or current_language()
    if value is None:
        return ""
    if kind is Kind.DATE and isinstance(value, dt.date):
        return format_date(value, "short", language=language)
    if kind is Kind.EURO and isinstance(value, Decimal):
        return format_euro(int(value * 100), language=language)
    if kind in (Kind.HOURS, Kind.PERCENT) and isinstance(value, Decimal):
        text = _grouped(value, 1, language)
        return f"{text} %" if kind is Kind.PERCENT else text
    if kind is Kind.COUNT and isinstance(value, int):
        return str(value) if -1000 < value < 1000 else _grouped(value, 0, language)
    return str(value)


def title(column: Column) -> str:
    return _(column.title)


# --- the organisation's figures, for the screen, the PDF and the workbook -------------


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str  # translated
    value: Value
    kind: Kind


def key_figures(overview: YearOverview) -> list[KeyFigure]:
    """The organisation's figures of the year, each defined once. Counts of things
    count each thing once; hours are person-hours."""
    total = overview.total
    shares = overview.split.shares()
    figures = [
        KeyFigure("people", _("People employed in the year"), len(overview.rows), Kind.COUNT),
        KeyFigure("situations", _("Learning situations logged"), total.situations, Kind.COUNT),
    ]
    figures += [
        KeyFigure(
            kind.value,
            "   · " + _(KIND_SHORT_LABELS[kind]),
            total.situations_by_kind.get(kind, 0),
            Kind.COUNT,
        )
        for kind in SituationKind
    ]
    figures += [
        KeyFigure(
            "situation_hours",
            _("Person-hours learning at work"),
            hours(total.situation_minutes),
            Kind.HOURS,
        ),
        KeyFigure("sessions", _("Week-cycle sessions held"), total.sessions_attended, Kind.COUNT),
        KeyFigure(
            "session_hours",
            _("Person-hours in week cycles"),
            hours(total.session_minutes),
            Kind.HOURS,
        ),
        KeyFigure(
            "in_and_around_hours",
            _("Person-hours learning in and around the work"),
            hours(overview.split.in_and_around_work_minutes),
            Kind.HOURS,
        ),
        KeyFigure(
            "consultations",
            _("Colleagues and experts consulted"),
            total.consultations,
            Kind.COUNT,
        ),
        KeyFigure("trainings", _("Trainings"), total.trainings, Kind.COUNT),
        KeyFigure(
            "required_hours",
            _("Person-hours of training, required"),
            hours(total.required_minutes),
            Kind.HOURS,
        ),
        KeyFigure(
            "voluntary_hours",
            _("Person-hours of training, voluntary"),
            hours(total.voluntary_minutes),
            Kind.HOURS,
        ),
        KeyFigure("cost", _("Training cost"), euros(total.cost_cents), Kind.EURO),
        KeyFigure(
            "required_cost", _("Training cost, required"), euros(total.required_cents), Kind.EURO
        ),
        KeyFigure(
            "voluntary_cost",
            _("Training cost, voluntary"),
            euros(total.voluntary_cents),
            Kind.EURO,
        ),
        KeyFigure("budget", _("Training budget"), euros(total.budget_cents), Kind.EURO),
        KeyFigure("budget_used", _("Budget used"), percent(total.budget_used), Kind.PERCENT),
        KeyFigure(
            "conversations",
            _("Talent conversations held"),
            total.conversations_held,
            Kind.COUNT,
        ),
        KeyFigure("open_agreements", _("Agreements still open"), total.open_agreements, Kind.COUNT),
        KeyFigure(
            "certificates",
            _("Certificates expiring next year"),
            total.certificates_expiring,
            Kind.COUNT,
        ),
    ]
    in_and_around = shares[0] + shares[1] if shares else None
    for key, label, share in zip(
        ("share_work", "share_cycles", "share_in_and_around", "share_formal"),
        (
            _("Share in work situations"),
            _("Share in week cycles"),
            _("Share in and around the work"),
            _("Share formal"),
        ),
        (shares[0], shares[1], in_and_around, shares[2]) if shares else (None,) * 4,
        strict=True,
    ):
        figures.append(KeyFigure(key, label, percent(share), Kind.PERCENT))
    return figures


def split_sentence(overview: YearOverview, shown: Callable[[float], str]) -> str:
    """The learning split in a sentence, each share written by ``shown``; the same on
    the page and in the printed overview."""
    shares = overview.split.shares()
    if shares is None:
        return _("No learning hours were logged in this year.")
    sentence = _(
        "Of the logged learning hours {a} % was in work situations and {b} % in vital week "
        "cycles, together {ab} % in and around the work; {c} % was formal training."
    ).format(
        a=shown(shares[0]), b=shown(shares[1]), ab=shown(shares[0] + shares[1]), c=shown(shares[2])
    )
    warning = overview.split.formal_dominates()
    return f"{sentence} {warning}" if warning else sentence


def split_caption(overview: YearOverview) -> str:
    """The split in short, with the frame it is read against: the page's caption."""
    shares = overview.split.shares()
    if shares is None:
        return _("No learning hours were logged in this year.")
    caption = _(
        "{a} : {b} : {c} against the indicative 70 : 20 : 10, with the work situations as "
        "experience, the week cycles as learning with others and training as formal; in "
        "and around the work {ab} %."
    ).format(
        a=f"{shares[0]:.0f}",
        b=f"{shares[1]:.0f}",
        c=f"{shares[2]:.0f}",
        ab=f"{shares[0] + shares[1]:.0f}",
    )
    warning = overview.split.formal_dominates()
    return f"{caption} {warning}" if warning else caption


def split_frame() -> str:
    """How the three parts map onto the 70:20:10 frame."""
    return _(SPLIT_FRAME)


def totals_note() -> str:
    """Why the totals row can differ from adding up the rows above it."""
    return _(
        "In the totals row each situation, consultation and session counts once, also "
        "when it was logged for several people, so it can be less than the rows added up. "
        "Hours are person-hours (an hour two people learned together counts twice); each "
        "row is rounded to a tenth and the total is rounded from the minutes, so adding up "
        "the rows can differ by a few tenths."
    )


SPLIT_COLOUR = "#52606d"  # the learning split's bars, on screen and on paper


def split_bars(overview: YearOverview) -> tuple[list[str], list[float]]:
    """The learning split as bars: work situations, week cycles, formal, in hours; the
    same on the page and in the printed overview."""
    split = overview.split
    labels = [_("Work situations"), _("Week cycles"), _("Formal")]
    values = [
        float(hours(split.work_minutes)),
        float(hours(split.cycle_minutes)),
        float(hours(split.formal_minutes)),
    ]
    return labels, values
