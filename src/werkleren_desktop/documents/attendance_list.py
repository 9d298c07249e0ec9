"""The attendance list of a week cycle: names, dates, times and room for signatures.

Sector training funds ask for such proof; it prints well in black and white.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from werkleren_desktop.documents.pdf import (
    CELL_PADDING,
    CELL_SIDE_PADDING,
    FRAME_WIDTH,
    INK,
    Letterhead,
    fact_table,
    fill_in_line,
    grid,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.documents.table_layout import widen_for_headers
from werkleren_desktop.domain.cycles import AttendanceListData as AttendanceListData
from werkleren_desktop.domain.cycles import ListSession as ListSession
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.i18n import _

SIGNATURE_ROW = 11 * mm  # room to sign in
NAME_COLUMN = 58 * mm
GUEST_ROWS = 2  # empty rows for someone who joins on the day


def attendance_list_pdf(data: AttendanceListData, made_on: dt.date) -> bytes:
    s = styles()
    head = Letterhead(data.organisation, data.logo_png, _("Attendance list"), data.group)
    # day n is the n-th meeting by date, whichever was planned first
    days = list(enumerate(sorted(data.sessions, key=lambda x: x.starts_at), start=1))
    story: list[Flowable] = []
    story.append(title_block(head, _("Attendance list vital week cycle")))
    dates = [x.starts_at.date() for _n, x in days]
    facts = [
        (_("Organisation"), data.organisation),
        (_("Learning group"), data.group),
        (
            _("Period"),
            _("{start} to {end}").format(
                start=format_date(min(dates)), end=format_date(max(dates))
            ),
        ),
    ]
    if data.expert:
        facts.append((_("On call"), data.expert))
    story += [Spacer(0, 3 * mm), fact_table(facts), Paragraph(_("Sessions"), s["heading"])]
    story.append(_sessions_table(days))

    story.append(Paragraph(_("Signatures"), s["heading"]))
    held = [(n, x) for n, x in days if not x.cancelled]
    for number, item in days:
        if item.cancelled and held:
            story.append(
                Paragraph(
                    text(
                        _("Day {n} ({date}) was cancelled; there is no column for it.").format(
                            n=number, date=format_date(item.starts_at.date(), "full")
                        )
                    ),
                    s["body"],
                )
            )
    if not held:
        story.append(
            Paragraph(
                text(_("This week cycle was cancelled; there is nothing to sign.")), s["body"]
            )
        )
        return render(head, story, made_on)
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
    story.append(signature_table(data.members, held, FRAME_WIDTH))
    story.append(Spacer(0, 8 * mm))
    story.append(_closing_signature())
    return render(head, story, made_on)


def _sessions_table(days: list[tuple[int, ListSession]]) -> Table:
    s = styles()
    titles = (_("Day"), _("Date"), _("Time"), _("Location"), _("Theme"))
    rows = [[Paragraph(h, s["cell_bold"]) for h in titles]]
    for number, item in days:
        end = item.starts_at + dt.timedelta(minutes=item.duration_minutes)
        theme = text(item.theme)
        if item.cancelled:
            word = _("cancelled")  # outside the f-string, for the catalog's extraction
            cancelled = f"<b>{text(word)}</b>"
            theme = f"{cancelled} – {theme}" if theme else cancelled
        rows.append(
            [
                Paragraph(str(number), s["cell"]),
                Paragraph(format_date(item.starts_at.date(), "full"), s["cell"]),
                Paragraph(f"{item.starts_at:%H:%M}–{end:%H:%M}", s["cell"]),
                Paragraph(text(item.location or "—"), s["cell"]),
                Paragraph(theme, s["cell"]),
            ]
        )
    # the longest date ("donderdag 30 september 2026") and time fit on one line, and
    # every header ("Leeromgeving") in its column; the theme takes what is left
    widths = widen_for_headers(
        titles,
        [12 * mm, 55 * mm, 25 * mm, 26 * mm, FRAME_WIDTH - 118 * mm],
        [4],
        total=FRAME_WIDTH,
    )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid())
    return table


def signature_table(
    members: tuple[str, ...], held: list[tuple[int, ListSession]], width: float
) -> Table:
    """A row per member (and two for guests), a column per session held. A long name
    wraps in its cell, and its row grows so that there is room to sign beside it."""
    s = styles()
    header = [Paragraph(_("Name"), s["cell_bold"])] + [
        Paragraph(
            _("Day {n}").format(n=number) + "<br/>" + format_date(item.starts_at.date(), "short"),
            s["cell_bold"],
        )
        for number, item in held
    ]
    names = [Paragraph(text(name), s["cell"]) for name in members]
    names += [Paragraph("", s["cell"]) for _guest in range(GUEST_ROWS)]
    text_width = NAME_COLUMN - 2 * CELL_SIDE_PADDING
    heights = [
        max(SIGNATURE_ROW, name.wrap(text_width, 1000)[1] + 2 * CELL_PADDING + 3 * mm)
        for name in names
    ]
    table = Table(
        [header] + [[name] + [""] * len(held) for name in names],
        colWidths=[NAME_COLUMN] + [(width - NAME_COLUMN) / len(held)] * len(held),
        rowHeights=[None, *heights],
        repeatRows=1,
    )
    table.setStyle(grid())
    return table


def _closing_signature() -> Table:
    return fill_in_line(
        [
            (_("Signature of the supervisor or manager"), 55 * mm, 60 * mm),
            (_("Date"), 15 * mm, 40 * mm),
        ],
        height=14 * mm,
        weight=0.6,
        colour=INK,
    )
