"""The learning and development plan of a year as one printed plan, ready to go with a
SLIM application: where the organisation stands (the latest scan), the formal training
planned, the learning during work in vital week cycles, and what the scheme pays (an
indication: the scheme decides which costs count)."""

from __future__ import annotations

import datetime as dt

from babel.numbers import format_decimal
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from werkleren_desktop.documents.pdf import (
    FRAME_WIDTH,
    Letterhead,
    fact_table,
    fill_in_line,
    render,
    styles,
    text,
    text_table,
    title_block,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.funds import hours_figure
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.scans import QUESTION_TITLES
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.services.learning_plan import LearningPlan


def _score(mean: float | None) -> str:
    """3,4 in Dutch, 3.4 in English; — where nobody scored."""
    if mean is None:
        return "—"
    return format_decimal(round(mean, 1), format="0.0", locale=current_language())


def learning_plan_pdf(plan: LearningPlan, made_on: dt.date) -> bytes:
    s = styles()
    year = str(plan.year)
    head = Letterhead(plan.organisation, plan.logo_png, _("Learning and development plan"), year)
    story: list[Flowable] = [
        title_block(head, _("Learning and development plan {year}").format(year=year)),
        Paragraph(
            text(
                _(
                    "What {organisation} plans to learn in {year}: where we stand on learning "
                    "(the latest scan), the formal training planned, and the learning during "
                    "work in vital week cycles: a group meets an hour a day on four "
                    "consecutive working days on situations from its own work."
                ).format(organisation=plan.organisation or _("the organisation"), year=year)
            ),
            s["body"],
        ),
    ]

    story.append(Paragraph(text(_("1. Where we stand: the scan")), s["heading"]))
    scan = plan.scan
    if scan is None:
        story.append(
            Paragraph(
                text(
                    _(
                        "No scan held yet. A scan of the learning perspective and culture "
                        "(Scan) shows where to start; SLIM pays for such an audit too."
                    )
                ),
                s["body"],
            )
        )
    else:
        story.append(
            fact_table(
                [
                    (_("Scan"), scan.title),
                    (_("Held on"), format_date(scan.held_on)),
                    (_("Respondents"), str(scan.responses)),
                    (
                        _("Learning perspective"),
                        _("{score} on a scale of 1 to 5").format(score=_score(scan.mean)),
                    ),
                ],
                label_width=46 * mm,
            )
        )
        story.append(Spacer(0, 3 * mm))
        story.append(
            text_table(
                [_("Question"), _("Average (1 to 5)")],
                [(_(QUESTION_TITLES[q]), _score(mean)) for q, mean in scan.questions],
                [FRAME_WIDTH - 48 * mm, 48 * mm],
                right=(1,),
            )
        )
        if scan.weakest:
            story.append(
                Paragraph(text(_("Where to grow: the lowest characteristics")), s["subheading"])
            )
            story.append(
                text_table(
                    [_("Characteristic"), _("Average")],
                    [(label, _score(mean)) for label, mean in scan.weakest],
                    [FRAME_WIDTH - 30 * mm, 30 * mm],
                    right=(1,),
                )
            )

    story.append(Paragraph(text(_("2. Formal training planned")), s["heading"]))
    if plan.trainings:
        rows: list[tuple[str, ...]] = [
            (
                t.title,
                str(t.courses),
                str(t.participants),
                str(t.required) if t.required else "",
                hours_figure(t.minutes),
                format_euro(t.cost_cents),
            )
            for t in plan.trainings
        ]
        rows.append(
            (
                _("Total"),
                "",
                str(sum(t.participants for t in plan.trainings)),
                "",
                hours_figure(plan.training_minutes),
                format_euro(plan.training_cost_cents),
            )
        )
        widths = [22 * mm, 24 * mm, 24 * mm, 26 * mm, 28 * mm]
        story.append(
            text_table(
                [
                    _("Training course"),
                    _("Start days"),
                    _("Participants"),
                    _("Of them required"),
                    _("Hours"),
                    _("Cost"),
                ],
                rows,
                [FRAME_WIDTH - sum(widths), *widths],
                right=(1, 2, 3, 4, 5),
            )
        )
    else:
        story.append(Paragraph(text(_("No formal training in this year yet.")), s["body"]))

    story.append(Paragraph(text(_("3. Learning during work: vital week cycles")), s["heading"]))
    if plan.cycles:
        rows = [
            (
                c.group,
                str(c.cycles),
                str(c.sessions),
                hours_figure(c.session_minutes),
                hours_figure(c.member_minutes),
            )
            for c in plan.cycles
        ]
        rows.append(
            (
                _("Total"),
                str(sum(c.cycles for c in plan.cycles)),
                str(sum(c.sessions for c in plan.cycles)),
                hours_figure(sum(c.session_minutes for c in plan.cycles)),
                hours_figure(plan.cycle_member_minutes),
            )
        )
        widths = [24 * mm, 24 * mm, 28 * mm, 36 * mm]
        story.append(
            text_table(
                [
                    _("Learning group"),
                    _("Cycles"),
                    _("Sessions"),
                    _("Session hours"),
                    _("Hours of all members"),
                ],
                rows,
                [FRAME_WIDTH - sum(widths), *widths],
                right=(1, 2, 3, 4),
            )
        )
        story.append(
            Paragraph(
                text(
                    _(
                        "Hours of all members: each session's length times the members of "
                        "the group on its day; the hours are working time."
                    )
                ),
                s["small"],
            )
        )
    else:
        story.append(Paragraph(text(_("No week cycles planned in this year yet.")), s["body"]))

    scheme = plan.scheme
    story.append(Paragraph(text(_("4. The SLIM scheme")), s["heading"]))
    if scheme is not None and scheme.share_percent is not None:
        share = plan.training_cost_cents * scheme.share_percent // 100
        story.append(
            fact_table(
                [
                    (
                        _("Scheme"),
                        f"{scheme.name} ({scheme.description})"
                        if scheme.description
                        else scheme.name,
                    ),
                    (_("Pays"), _("{p}% of the eligible costs").format(p=scheme.share_percent)),
                    (_("Training costs in this plan"), format_euro(plan.training_cost_cents)),
                    (
                        _("Of which {p}%").format(p=scheme.share_percent),
                        _("{amount} (an indication)").format(amount=format_euro(share)),
                    ),
                    (_("Runs until"), format_date(scheme.runs_until) if scheme.runs_until else "—"),
                ],
                label_width=52 * mm,
            )
        )
        story.append(
            Paragraph(
                text(
                    _(
                        "The scheme decides which costs count: an audit that ends in a "
                        "training plan, and methods to learn during work, among others; "
                        "the hours of the week cycles are working time, not a cost the "
                        "program knows."
                    )
                ),
                s["small"],
            )
        )
        if scheme.source:
            story.append(Paragraph(text(scheme.source), s["small"]))
    else:
        story.append(
            Paragraph(
                text(
                    _("No SLIM scheme in the list of funds (Training › Funds › Funds and schemes).")
                ),
                s["body"],
            )
        )

    story.append(
        KeepTogether(
            [
                Spacer(0, 8 * mm),
                Paragraph(text(_("Adopted by")), s["subheading"]),
                fill_in_line(
                    [(_("Name"), 26 * mm, 62 * mm), (_("Date"), 18 * mm, 34 * mm)], height=10 * mm
                ),
                fill_in_line([(_("Signature"), 26 * mm, 62 * mm)], height=14 * mm),
            ]
        )
    )
    return render(head, story, made_on)
