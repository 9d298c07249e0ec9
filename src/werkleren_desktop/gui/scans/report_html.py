"""The scan panel's texts as HTML: the facts line, the summary of the four questions,
what the data measured, where to start and the remarks. Escaped here, once."""

from __future__ import annotations

import html

from werkleren_desktop.documents.scan_rows import (
    ScanReport,
    changed_text,
    period_text,
    question_cells,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.scans import (
    BY_KEY,
    CHARACTERISTICS,
    QUESTION_SHORT,
    Characteristic,
    Question,
    format_score,
    format_share,
)
from werkleren_desktop.i18n import _, current_language, n_

MUTED = "#5f6b76"  # secondary text beside a figure


def facts_html(report: ScanReport) -> str:
    """ "12 mei 2026 · 8 forms · compared with …", and the scan's note."""
    result = report.result
    scan = result.scan
    previous = result.previous
    compared = (
        _("compared with “{title}” of {date}").format(
            title=html.escape(previous.title), date=format_date(previous.held_on)
        )
        if previous
        else _("the first scan: the next one is compared with it")
    )
    forms = n_("{n} form", "{n} forms", scan.responses).format(n=scan.responses)
    version = _("questionnaire version {n}").format(n=scan.questionnaire)
    note = f"<br>{html.escape(scan.note)}" if scan.note else ""
    return f"{format_date(scan.held_on)} · {forms} · {version} · {compared}{note}"


def summary_html(report: ScanReport) -> str:
    """The four questions' averages, with the change since the scan before."""
    rows = [question_cells(report, q) for q in Question]
    heads = "".join(
        f"<td style='padding-right:16px'><b>{html.escape(_(QUESTION_SHORT[q]))}</b></td>"
        for q in Question
    )
    scores = "".join(
        f"<td style='padding-right:16px'>{cells[1]}"
        + (f" <span style='color:{MUTED}'>({cells[3]})</span>" if cells[3] else "")
        + "</td>"
        for cells in rows
    )
    table = f"<table cellspacing='0' cellpadding='1'><tr>{heads}</tr><tr>{scores}</tr></table>"
    changed = changed_text(report)
    return table + (f"<p style='color:{MUTED}'>{html.escape(changed)}</p>" if changed else "")


def measured_html(report: ScanReport) -> str:
    """What the program's own data say, next to the felt score."""
    language = current_language()
    lines = [
        "<p>"
        + html.escape(
            _(
                "What the program's own data says about {period}, next to the average "
                "felt score. “No data” means there was nothing to count, not 0 %."
            ).format(period=period_text(report.period))
        )
        + "</p><table cellspacing='0' cellpadding='4'>"
    ]
    felt_label = _("felt")
    for key, indicator in report.indicators.items():
        c = BY_KEY[key]
        felt = format_score(report.result.items[key].mean, language)
        counted = indicator.counted() if indicator.whole else ""
        note = f"<br><b>{html.escape(indicator.note)}</b>" if indicator.note else ""
        lines.append(
            f"<tr><td valign='top'><b>{key}</b></td>"
            f"<td valign='top'><b>{html.escape(c.label())}</b><br>"
            f"<span style='color:{MUTED}'>{html.escape(indicator.how)}</span>{note}</td>"
            f"<td valign='top' align='right'><b>{format_share(indicator.share)}</b><br>"
            f"{html.escape(counted)}</td>"
            f"<td valign='top' align='right'>{html.escape(felt_label)} {felt}</td></tr>"
        )
    return "".join(lines) + "</table>"


def start_html(report: ScanReport, c: Characteristic, advice: str) -> str:
    """A low characteristic, its average and what helps."""
    mean = format_score(report.result.items[c.key].mean, current_language())
    return f"<b>{c.key} {html.escape(c.label())}</b> ({mean})<br>{html.escape(advice)}"


def remarks_html(report: ScanReport) -> str:
    parts = []
    for c in CHARACTERISTICS:
        said = report.result.items[c.key].remarks
        if said:
            parts.append(
                f"<p><b>{c.key} {html.escape(c.label())}</b><br>"
                + "<br>".join("– " + html.escape(r) for r in said)
                + "</p>"
            )
    return "".join(parts) or html.escape(_("No remarks were written."))
