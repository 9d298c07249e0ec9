"""The scan on paper: a blank form for each respondent of a team session, and the
result report with the charts, the measured indicators, the remarks and where to start.

The rows of the result table come from ``scan_rows``, as the window's do.
"""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from werkleren_desktop.documents.pdf import (
    EMPTY_BOX,
    FONT,
    FRAME_WIDTH,
    SHADE,
    Letterhead,
    WritingLines,
    fact_table,
    grid,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.documents.scan_rows import (
    BEFORE_COLOUR,
    ITEM_COLUMNS,
    NOW_COLOUR,
    ScanReport,
    changed_text,
    chart_rows,
    item_cells,
    period_text,
    question_cells,
)
from werkleren_desktop.documents.table_layout import widen_for_headers
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.scans import (
    BY_KEY,
    CHARACTERISTICS,
    HIGHEST,
    LOW_BELOW,
    LOWEST,
    QUESTION_TITLES,
    QUESTIONNAIRE,
    QUESTIONNAIRE_NAMES,
    SOURCE,
    Characteristic,
    Question,
    format_score,
    format_share,
    of_question,
    pointer,
)
from werkleren_desktop.i18n import _, current_language


def _letterhead(organisation: str, logo_png: bytes | None, subject: str = "") -> Letterhead:
    return Letterhead(organisation, logo_png, _("Where do we stand?"), subject)


# --- the blank form --------------------------------------------------------------------


def _low_cell(c: Characteristic, version: int) -> Paragraph:
    """The traditional end of a scale, or a goal with what a 1 means beneath it."""
    s = styles()
    goal = c.goal(version)
    low = text(c.low_end(version))
    return Paragraph(f"<b>{text(goal)}</b><br/>{low}" if goal else low, s["cell"])


def _form_table(question: Question, version: int) -> Table:
    s = styles()
    culture = question is Question.CULTURE
    boxes = [str(n) for n in range(LOWEST, HIGHEST + 1)] + [_("n/a")]
    if culture:
        header = [_("No."), _("Characteristic"), *boxes]
        widths = widen_for_headers(
            header, [10 * mm, 100 * mm] + [10 * mm] * 5 + [14 * mm], [1], total=FRAME_WIDTH
        )
    else:
        header = [_("No."), _("Existing perspective (1)"), *boxes, _("Sustainable perspective (5)")]
        widths = widen_for_headers(
            header,
            [9 * mm, 55 * mm] + [8.5 * mm] * 5 + [11 * mm, 56.5 * mm],
            [1, 8],
            total=FRAME_WIDTH,
        )
    rows: list[list[object]] = [[Paragraph(text(h), s["cell_bold"]) for h in header]]
    for c in of_question(question):
        low = _low_cell(c, version)
        # a culture trait with the article's own description of it
        trait = [
            Paragraph(text(c.label()), s["cell_bold"]),
            Paragraph(text(c.description()), s["cell"]),
        ]
        cells: list[object] = [c.key, low if not culture else trait]
        cells += [EMPTY_BOX] * 6
        if not culture:
            cells.append(Paragraph(text(c.high_end(version)), s["cell"]))
        rows.append(cells)
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid()
    style.add("ALIGN", (2, 0), (7, -1), "CENTER")
    style.add("FONTSIZE", (2, 1), (7, -1), 13)
    style.add("FONTSIZE", (0, 1), (0, -1), 9)
    style.add("VALIGN", (0, 1), (-1, -1), "MIDDLE")
    table.setStyle(style)
    return table


def scan_form_pdf(
    organisation: str,
    logo_png: bytes | None,
    made_on: dt.date,
    scan_title: str = "",
    version: int = QUESTIONNAIRE,
) -> bytes:
    """The blank scan form one respondent fills in on paper, anonymously, in the
    questionnaire ``version`` of the scan it is for."""
    s = styles()
    head = _letterhead(organisation, logo_png, scan_title)
    story: list[Flowable] = [
        title_block(head, _("Where do we stand? Scan of the learning perspective and culture")),
        Paragraph(text(organisation), s["subtitle"]),
        Spacer(0, 3 * mm),
        fact_table(
            [
                (_("Scan"), scan_title or "_" * 28),
                (_("Date"), "_" * 28),
                (_("Questionnaire"), _(QUESTIONNAIRE_NAMES[version])),
            ]
        ),
        Spacer(0, 2 * mm),
        Paragraph(
            text(
                _(
                    "Score each characteristic from 1 to 5: 1 is how it goes in the existing "
                    "learning perspective (left), 5 how it goes in the sustainable one "
                    "(right); a goal (in bold) from 1, not reached yet, to 5, fully reached. "
                    "Tick “n/a” where a characteristic does not apply to your work. Do not "
                    "write your name: the scan is anonymous."
                )
            ),
            s["body"],
        ),
    ]
    for question in Question:
        block: list[Flowable] = [Paragraph(text(_(QUESTION_TITLES[question])), s["heading"])]
        if question is Question.CULTURE:
            block.append(
                Paragraph(
                    text(
                        _(
                            "How far do you recognise these characteristics of a learning "
                            "culture in our organisation? 1 = hardly, 5 = fully."
                        )
                    ),
                    s["small"],
                )
            )
            block.append(Spacer(0, 1.5 * mm))
        # the heading goes with the table's first rows (keepWithNext); a long table
        # continues on the next page under its repeated header, so no page is left
        # half empty before it
        story += [CondPageBreak(45 * mm), *block, _form_table(question, version)]
    story += [
        CondPageBreak(60 * mm),
        Paragraph(_("Remarks"), s["heading"]),
        Paragraph(
            text(_("Write the number of the characteristic before each remark.")), s["small"]
        ),
        Spacer(0, 2 * mm),
        WritingLines(8),
        Spacer(0, 4 * mm),
        Paragraph(text(_(SOURCE)), s["small"]),
    ]
    return render(head, story, made_on)


# --- the result report -----------------------------------------------------------------


def _chart(report: ScanReport, question: Question, width: float) -> Drawing | None:
    rows = chart_rows(report, question)
    if not rows:
        return None
    compared = rows[0][2] is not None
    per_row = (6.5 if compared else 4.5) * mm
    height = len(rows) * per_row + 14 * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 84 * mm, 10 * mm
    chart.width, chart.height = width - 92 * mm, height - 12 * mm
    chart.barSpacing = 0.5
    chart.groupSpacing = 2.5
    # the previous scan first, so that this scan's bar lies under it, as in the legend
    series = [[before or 0.0 for _l, _n, before in rows]] if compared else []
    series.append([now for _l, now, _b in rows])
    chart.data = series
    chart.categoryAxis.categoryNames = [label for label, _n, _b in rows]
    chart.categoryAxis.reverseDirection = True
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = HIGHEST
    chart.valueAxis.valueStep = 1
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    for index, colour in enumerate([BEFORE_COLOUR, NOW_COLOUR] if compared else [NOW_COLOUR]):
        chart.bars[index].fillColor = colors.HexColor(colour)
        chart.bars[index].strokeColor = None
    chart.barLabelFormat = lambda value: format_score(value, current_language()) if value else ""
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    if compared:
        legend = Legend()
        legend.x, legend.y = 84 * mm, 2 * mm
        legend.fontName = FONT
        legend.fontSize = 7
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx = legend.dy = 6
        legend.colorNamePairs = [
            (colors.HexColor(NOW_COLOUR), _("this scan")),
            (colors.HexColor(BEFORE_COLOUR), _("previous scan")),
        ]
        legend.deltax = 40 * mm
        drawing.add(legend)
    return drawing


def _items_table(report: ScanReport, question: Question) -> Table:
    s = styles()
    small_head = ParagraphStyle("small_head", parent=s["cell_bold"], fontSize=7.5, leading=9)
    header = [Paragraph(text(_(t)), small_head) for t in ITEM_COLUMNS]
    rows: list[list[object]] = [header]
    for c in of_question(question):
        cells = item_cells(report, c)
        rows.append([cells[0], Paragraph(text(cells[1]), s["cell"]), *cells[2:]])
    widths = widen_for_headers(
        [_(t) for t in ITEM_COLUMNS],
        [9 * mm, 40 * mm, 20 * mm, 21 * mm, 15 * mm, 14 * mm, 16 * mm, 17 * mm, 22 * mm],
        [1],
        size=7.5,
        total=FRAME_WIDTH,
    )
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid()
    style.add("FONTSIZE", (0, 1), (-1, -1), 8)
    style.add("ALIGN", (2, 1), (-1, -1), "RIGHT")
    style.add("VALIGN", (0, 0), (-1, 0), "BOTTOM")
    for index, c in enumerate(of_question(question), start=1):
        if report.result.items[c.key].is_low:
            style.add("BACKGROUND", (0, index), (-1, index), SHADE)
    table.setStyle(style)
    return table


def _summary_table(report: ScanReport) -> Table:
    s = styles()
    rows: list[list[object]] = [
        [
            Paragraph(text(t), s["cell_bold"])
            for t in (_("Question"), _("Average"), _("Previous"), _("Change"))
        ]
    ]
    for question in Question:
        cells = question_cells(report, question)
        rows.append([Paragraph(text(cells[0]), s["cell"]), *cells[1:]])
    titles = (_("Question"), _("Average"), _("Previous"), _("Change"))
    widths = widen_for_headers(titles, [95 * mm, 26 * mm, 22 * mm, 22 * mm], [0])
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style = grid()
    style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
    style.add("FONTSIZE", (1, 1), (-1, -1), 9)
    table.setStyle(style)
    return table


def _indicator_table(report: ScanReport) -> Table:
    s = styles()
    rows: list[list[object]] = [
        [
            Paragraph(text(t), s["cell_bold"])
            for t in (
                _("No."),
                _("Characteristic"),
                _("Measured"),
                _("Counted"),
                _("How it is computed"),
            )
        ]
    ]
    for key, indicator in report.indicators.items():
        rows.append(
            [
                key,
                Paragraph(text(BY_KEY[key].label()), s["cell"]),
                format_share(indicator.share),
                Paragraph(text(indicator.counted() if indicator.whole else ""), s["cell"]),
                Paragraph(
                    text(indicator.how)
                    + (f"<br/><b>{text(indicator.note)}</b>" if indicator.note else ""),
                    s["cell"],
                ),
            ]
        )
    titles = (_("No."), _("Characteristic"), _("Measured"), _("Counted"), _("How it is computed"))
    widths = widen_for_headers(
        titles, [10 * mm, 40 * mm, 22 * mm, 32 * mm, 70 * mm], [1, 4], total=FRAME_WIDTH
    )
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid()
    style.add("FONTSIZE", (0, 1), (-1, -1), 8)
    style.add("VALIGN", (0, 1), (-1, -1), "TOP")
    style.add("ALIGN", (2, 1), (2, -1), "RIGHT")
    table.setStyle(style)
    return table


def scan_report_pdf(report: ScanReport, made_on: dt.date) -> bytes:
    """The results of a scan next to the previous one, with what the data measured."""
    s = styles()
    result = report.result
    scan = result.scan
    head = _letterhead(result.organisation, result.logo_png, scan.title)
    previous = result.previous
    story: list[Flowable] = [
        title_block(head, _("Where do we stand? Results of the scan")),
        Paragraph(text(f"{scan.title} · {result.organisation}"), s["subtitle"]),
        Spacer(0, 3 * mm),
        fact_table(
            [
                (_("Date"), format_date(scan.held_on)),
                (_("Forms"), str(scan.responses)),
                (_("Questionnaire"), _(QUESTIONNAIRE_NAMES[scan.questionnaire])),
                (
                    _("Compared with"),
                    _("{title} of {date}").format(
                        title=previous.title, date=format_date(previous.held_on)
                    )
                    if previous
                    else _("no earlier scan"),
                ),
                (_("Measured over"), period_text(report.period)),
            ],
            label_width=34 * mm,
        ),
    ]
    if scan.note:
        story.append(Paragraph(text(scan.note), s["body"]))
    story += [
        Paragraph(_("Per question"), s["heading"]),
        Paragraph(
            text(
                _(
                    "Averages from 1 (the existing learning perspective) to 5 (the "
                    "sustainable one); each characteristic counts once in its question."
                )
            ),
            s["small"],
        ),
        Spacer(0, 1.5 * mm),
        _summary_table(report),
    ]
    changed = changed_text(report)
    if changed:
        story.append(Paragraph(text(changed), s["small"]))
    for question in Question:
        block: list[Flowable] = [Paragraph(text(_(QUESTION_TITLES[question])), s["heading"])]
        chart = _chart(report, question, 174 * mm)
        if chart is not None:
            block.append(chart)
        else:
            block.append(Paragraph(text(_("Nobody scored these characteristics.")), s["small"]))
        block += [Spacer(0, 1.5 * mm), _items_table(report, question)]
        if changed and any(report.changed(c.key) for c in of_question(question)):
            block.append(Paragraph(text(changed), s["small"]))
        story.append(KeepTogether(block))
    story += [
        CondPageBreak(50 * mm),
        Paragraph(_("Measured next to felt"), s["heading"]),
        Paragraph(
            text(
                _(
                    "What the program's own data says about {period}. “No data” means "
                    "there was nothing to count, which is not the same as 0 %."
                ).format(period=period_text(report.period))
            ),
            s["small"],
        ),
        Spacer(0, 1.5 * mm),
        _indicator_table(report),
    ]
    low = report.low()
    story.append(Paragraph(_("Where to start"), s["heading"]))
    if low:
        story.append(
            Paragraph(
                text(
                    _("Characteristics with an average below {n}, and what helps:").format(
                        n=format_score(LOW_BELOW, current_language())
                    )
                ),
                s["small"],
            )
        )
        for c in low:
            _area, advice = pointer(c.key)
            mean = format_score(result.items[c.key].mean, current_language())
            story.append(
                Paragraph(
                    f"<b>{text(c.key)} {text(c.label())}</b> ({mean}): {text(advice)}", s["answer"]
                )
            )
    else:
        story.append(
            Paragraph(
                text(
                    _("No characteristic has an average below {n}.").format(
                        n=format_score(LOW_BELOW, current_language())
                    )
                ),
                s["body"],
            )
        )
    remarks = [
        (c, result.items[c.key].remarks) for c in CHARACTERISTICS if result.items[c.key].remarks
    ]
    story.append(Paragraph(_("Remarks"), s["heading"]))
    if remarks:
        for c, said in remarks:
            # the remark's heading goes with its first remark, never alone at a page's foot
            story.append(Paragraph(f"<b>{text(c.key)} {text(c.label())}</b>", s["remark_heading"]))
            for remark in said:
                story.append(Paragraph("– " + text(remark), s["answer"]))
    else:
        story.append(Paragraph(text(_("No remarks were written.")), s["body"]))
    story += [Spacer(0, 4 * mm), Paragraph(text(_(SOURCE)), s["small"])]
    return render(head, story, made_on)
