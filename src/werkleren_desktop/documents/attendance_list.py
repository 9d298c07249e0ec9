"""The attendance list of a week cycle: names, dates, times and room for signatures.

Sector training funds ask for such proof; it prints well in black and white.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from werkleren_desktop.documents.pdf import (
    INK,
    Letterhead,
    fact_table,
    grid,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.i18n import _


@dataclass(frozen=True)
class ListSession:
    day_number: int
    starts_at: dt.datetime
    duration_minutes: int
    location: str
    theme: str
    cancelled: bool


@dataclass(frozen=True)
class AttendanceListData:
    organisation: str
    logo_png: bytes | None
    group: str
    expert: str
    sessions: tuple[ListSession, ...]
    members: tuple[str, ...]


def attendance_list_pdf(data: AttendanceListData, made_on: dt.date) -> bytes:
    s = styles()
    head = Letterhead(data.organisation, data.logo_png, _("Attendance list"), data.group)
    story: list[Flowable] = []
    story.append(title_block(head, _("Attendance list vital week cycle")))
    days = [x.starts_at.date() for x in data.sessions]
    facts = [
        (_("Organisation"), data.organisation),
        (_("Learning group"), data.group),
        (
            _("Period"),
            _("{start} to {end}").format(start=format_date(min(days)), end=format_date(max(days))),
        ),
    ]
    if data.expert:
        facts.append((_("On call"), data.expert))
    story += [Spacer(0, 3 * mm), fact_table(facts), Paragraph(_("Sessions"), s["heading"])]

    rows = [
        [
            Paragraph(h, s["cell_bold"])
            for h in (_("Day"), _("Date"), _("Time"), _("Location"), _("Theme"))
        ]
    ]
    for item in data.sessions:
        end = item.starts_at + dt.timedelta(minutes=item.duration_minutes)
        theme = _("cancelled") if item.cancelled else item.theme
        rows.append(
            [
                Paragraph(str(item.day_number), s["cell"]),
                Paragraph(format_date(item.starts_at.date(), "full"), s["cell"]),
                Paragraph(f"{item.starts_at:%H:%M}–{end:%H:%M}", s["cell"]),
                Paragraph(text(item.location or "—"), s["cell"]),
                Paragraph(text(theme), s["cell"]),
            ]
        )
    sessions = Table(rows, colWidths=[12 * mm, 44 * mm, 27 * mm, 32 * mm, None], repeatRows=1)
    sessions.setStyle(grid())
    story.append(sessions)

    story.append(Paragraph(_("Signatures"), s["heading"]))
    story.append(
        Paragraph(
            _(
                "Each participant signs for every session attended. Leave the box empty when "
                "absent."
            ),
            s["small"],
        )
    )
    story.append(Spacer(0, 2 * mm))
    header = [Paragraph(_("Name"), s["cell_bold"])] + [
        Paragraph(
            _("Day {n}").format(n=x.day_number)
            + "<br/>"
            + format_date(x.starts_at.date(), "short"),
            s["cell_bold"],
        )
        for x in data.sessions
    ]
    signature_rows = [header] + [
        [Paragraph(text(name), s["cell"])] + [""] * len(data.sessions) for name in data.members
    ]
    signature_rows += [[Paragraph("", s["cell"])] + [""] * len(data.sessions)] * 2  # guests
    signatures = Table(
        signature_rows,
        colWidths=[58 * mm] + [29 * mm] * len(data.sessions),
        rowHeights=[None] + [11 * mm] * (len(signature_rows) - 1),
        repeatRows=1,
    )
    signatures.setStyle(grid())
    story.append(signatures)

    story.append(Spacer(0, 8 * mm))
    closing = Table(
        [
            [
                Paragraph(_("Signature of the supervisor or manager"), s["cell"]),
                "",
                Paragraph(_("Date"), s["cell"]),
                "",
            ]
        ],
        colWidths=[55 * mm, 60 * mm, 15 * mm, 40 * mm],
        rowHeights=[14 * mm],
    )
    closing.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, 0), 0.6, INK),
                ("LINEBELOW", (3, 0), (3, 0), 0.6, INK),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        )
    )
    story.append(closing)
    return render(head, story, made_on)
