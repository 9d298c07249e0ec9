"""A new colleague's onboarding plan on paper: every step with its day and whose it is,
a box to tick and a line for the day it was done, and the three signatures at the end."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from werkleren_desktop.documents.pdf import (
    EMPTY_BOX,
    FRAME_WIDTH,
    TICKED_BOX,
    Letterhead,
    fact_table,
    fill_in_line,
    grid,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.onboarding import OWNER_LABELS
from werkleren_desktop.i18n import _
from werkleren_desktop.services.onboarding import PlanView


def checklist_pdf(
    plan: PlanView, organisation: str, logo_png: bytes | None, made_on: dt.date
) -> bytes:
    s = styles()
    title = _("Onboarding plan")
    head = Letterhead(organisation, logo_png, title, plan.person_name)
    story: list[Flowable] = [
        title_block(head, _("Onboarding plan of {name}").format(name=plan.person_name)),
        fact_table(
            [
                (_("First day"), format_date(plan.starts_on)),
                (_("Buddy"), plan.buddy_name or "—"),
                (_("Manager"), plan.manager_name or "—"),
            ]
        ),
        Spacer(0, 4 * mm),
    ]
    rows: list[list[object]] = [
        [Paragraph(text(h), s["cell_bold"]) for h in
         ("", _("Day"), _("Working day"), _("Step"), _("Whose"), _("Done on"))]
    ]  # fmt: skip
    for step in plan.steps:
        rows.append(
            [
                Paragraph(TICKED_BOX if step.done_on else EMPTY_BOX, s["cell"]),
                Paragraph(text(format_date(step.due_on, "short")), s["cell"]),
                Paragraph(str(step.working_day), s["cell"]),
                Paragraph(text(step.title), s["cell"]),
                Paragraph(text(_(OWNER_LABELS[step.owner])), s["cell"]),
                Paragraph(text(format_date(step.done_on, "short") if step.done_on else ""),
                          s["cell"]),
            ]
        )  # fmt: skip
    widths = [8 * mm, 25 * mm, 19 * mm, 0.0, 31 * mm, 25 * mm]
    widths[3] = FRAME_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(grid())
    story += [table, Spacer(0, 6 * mm)]
    story.append(
        Paragraph(
            text(
                _(
                    "Tick a step when it is done and write the day beside it. The buddy is "
                    "an experienced colleague to ask anything; the manager holds the first "
                    "talent conversation."
                )
            ),
            s["small"],
        )
    )
    signatures: list[Flowable] = [Spacer(0, 6 * mm)]
    for who in (_("New colleague"), _("Buddy"), _("Manager")):
        signatures.append(
            fill_in_line([(who, 32 * mm, 70 * mm), (_("Date"), 20 * mm, 40 * mm)], height=12 * mm)
        )
    story.append(KeepTogether(signatures))
    return render(head, story, made_on)
