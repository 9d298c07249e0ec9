"""The scan's result as rows and texts, made once for the window and the printed report
alike (as ``overview_columns`` does for the overview), without reportlab."""

from __future__ import annotations

from dataclasses import dataclass

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.scans import (
    CHARACTERISTICS,
    QUESTION_TITLES,
    QUESTIONNAIRE_NAMES,
    Characteristic,
    Indicator,
    ItemResult,
    Period,
    Question,
    difference,
    format_difference,
    format_score,
    format_share,
    of_question,
    question_mean,
)
from werkleren_desktop.i18n import N_, _, current_language
from werkleren_desktop.services.scans import ScanResult

NOW_COLOUR = "#3e6b89"
BEFORE_COLOUR = "#b8c4ce"
LABEL_LENGTH = 52  # characters of a label beside a chart bar
CHANGED_MARK = "*"  # a row worded differently in the previous scan's questionnaire


@dataclass(frozen=True)
class ScanReport:
    """A scan's results, the scan before it, and what the data measured in a period."""

    result: ScanResult
    period: Period
    indicators: dict[str, Indicator]

    def previous_item(self, key: str) -> ItemResult | None:
        items = self.result.previous_items
        return items[key] if items is not None else None

    def changed(self, key: str) -> bool:
        """Whether the row's change since the previous scan crosses a change of its
        wording (the two scans used different questionnaire versions)."""
        return key in self.result.changed

    def low(self) -> list[Characteristic]:
        """The characteristics whose average is below LOW_BELOW, lowest first."""
        low = [c for c in CHARACTERISTICS if self.result.items[c.key].is_low]
        return sorted(low, key=lambda c: self.result.items[c.key].mean or 0.0)


ITEM_COLUMNS = (
    N_("No."),
    N_("Characteristic"),
    N_("Average"),
    N_("Spread"),
    N_("Scores"),
    N_("n/a"),
    N_("Previous"),
    N_("Change"),
    N_("Measured"),
)


def spread(item: ItemResult, language: str) -> str:
    """ "2–4 (±0,8)": the lowest and highest score and the standard deviation."""
    if item.lowest is None or item.highest is None:
        return ""
    if item.lowest == item.highest:
        return str(item.lowest)
    shown = f"{item.lowest}–{item.highest}"
    if item.deviation is not None:
        shown += f" (±{format_score(item.deviation, language)})"
    return shown


def item_cells(report: ScanReport, c: Characteristic) -> tuple[str, ...]:
    """One characteristic's row of the result table, in ITEM_COLUMNS order."""
    language = current_language()
    item = report.result.items[c.key]
    before = report.previous_item(c.key)
    before_mean = before.mean if before else None
    measured = report.indicators.get(c.key)
    change = format_difference(difference(item.mean, before_mean), language)
    if before is not None and report.changed(c.key):
        change = f"{change} {CHANGED_MARK}".strip()
    return (
        c.key,
        c.label(),
        format_score(item.mean, language),
        spread(item, language),
        str(len(item.scores)) if item.scores else "",
        str(item.not_applicable) if item.not_applicable else "",
        format_score(before_mean, language) if before is not None else "",
        change,
        format_share(measured.share) if measured else "",
    )


def question_cells(report: ScanReport, question: Question) -> tuple[str, str, str, str]:
    """A question's title, its average now, before, and the change."""
    language = current_language()
    now = question_mean(report.result.items, question)
    previous = report.result.previous_items
    before = question_mean(previous, question) if previous is not None else None
    change = format_difference(difference(now, before), language)
    if change and any(report.changed(c.key) for c in of_question(question)):
        change = f"{change} {CHANGED_MARK}"
    return (
        _(QUESTION_TITLES[question]),
        format_score(now, language),
        format_score(before, language) if previous is not None else "",
        change,
    )


def chart_rows(report: ScanReport, question: Question) -> list[tuple[str, float, float | None]]:
    """The bars of a question's chart: label, average now (0 if unscored) and before
    (None without an earlier scan); characteristics nobody scored either time are left
    out."""
    rows = []
    for c in of_question(question):
        now = report.result.items[c.key].mean
        before_item = report.previous_item(c.key)
        before = before_item.mean if before_item else None
        if now is None and before is None:
            continue
        # the mark beside the number, where no shortening of a long label cuts it off
        mark = CHANGED_MARK if before is not None and report.changed(c.key) else ""
        label = f"{c.key}{mark} {c.label()}"
        if len(label) > LABEL_LENGTH:
            label = label[: LABEL_LENGTH - 1].rstrip() + "…"
        has_previous = report.result.previous_items is not None
        rows.append((label, now or 0.0, (before or 0.0) if has_previous else None))
    return rows


def changed_text(report: ScanReport) -> str:
    """What the mark beside a change means; "" when both scans used one version."""
    result = report.result
    if result.previous is None or not result.changed:
        return ""
    return _(
        "{mark} Worded differently in the previous scan: it used questionnaire version "
        "{before}, this scan version {now}. Read the change of these rows with care; the "
        "others were asked in the same words."
    ).format(mark=CHANGED_MARK, before=result.previous.questionnaire, now=result.scan.questionnaire)


def version_text(version: int) -> str:
    """ "Questionnaire version 2: both ends of a row describe the same thing"."""
    return _("Questionnaire {name}").format(name=_(QUESTIONNAIRE_NAMES[version]))


def period_text(period: Period) -> str:
    return _("{first} to {last}").format(
        first=format_date(period.first, "short"), last=format_date(period.last, "short")
    )
