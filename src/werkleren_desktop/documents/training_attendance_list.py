"""The attendance list of a formal training, as sector training funds ask for it: a page
per day with the course, the trainer's organisation, the day and its hours, a row for each
participant to sign in, and lines for the trainer and the manager to sign (names, not
ticks). Printed under the organisation's letterhead."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from werkleren_desktop.documents.pdf import (
    FRAME_WIDTH,
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
from werkleren_desktop.domain.people import format_hours
from werkleren_desktop.i18n import _
from werkleren_desktop.services.training_attendance import Course

SIGNATURE_ROW = 11 * mm
NAME_COLUMN = 70 * mm
GUEST_ROWS = 2  # empty rows for someone who joins on the day


def training_attendance_pdf(
    course: Course,
    days: tuple[dt.date, ...],
    organisation: str,
    logo_png: bytes | None,
    made_on: dt.date,
) -> bytes:
    s = styles()
    head = Letterhead(organisation, logo_png, _("Attendance list"), course.title)
    story: list[Flowable] = []
    for number, day in enumerate(days):
        if number:
            story.append(PageBreak())
        story.append(title_block(head, _("Attendance list training")))
        place = course.days.index(day) + 1 if day in course.days else 0
        story.append(
            fact_table(
                [
                    (_("Organisation"), organisation),
                    (_("Training course"), course.title),
                    (_("Trainer's organisation"), course.provider or "—"),
                    (
                        _("Day"),
                        _("{day} (day {n} of {total})").format(
                            day=format_date(day), n=place, total=len(course.days)
                        ),
                    ),
                    (_("Hours"), format_hours(course.minutes_per_day())),
                ]
            )
        )
        story.append(Spacer(0, 4 * mm))
        rows: list[list[object]] = [
            [Paragraph(text(_("Participant")), s["cell_bold"]),
             Paragraph(text(_("Signature")), s["cell_bold"])]
        ]  # fmt: skip
        rows += [[Paragraph(text(p.name), s["cell"]), ""] for p in course.participants]
        rows += [["", ""] for _guest in range(GUEST_ROWS)]
        table = Table(
            rows,
            colWidths=[NAME_COLUMN, FRAME_WIDTH - NAME_COLUMN],
            rowHeights=[None] + [SIGNATURE_ROW] * (len(rows) - 1),
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(grid())
        story.append(table)
        story.append(
            Paragraph(
                text(_("Each participant signs on the day itself; a tick is not a signature.")),
                s["small"],
            )
        )
        signatures: list[Flowable] = [Spacer(0, 6 * mm)]
        for who in (_("Trainer"), _("Manager")):
            signatures.append(
                fill_in_line(
                    [(who, 30 * mm, 60 * mm), (_("Signature"), 30 * mm, 46 * mm)],
                    height=12 * mm,
                )
            )
        story.append(KeepTogether(signatures))
    return render(head, story, made_on)
