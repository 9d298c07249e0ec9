"""The sign-up sheet for forming learning groups around questions: professionals write
a question from their own work at the top of a block, and whoever wants to work on it
with them writes their name below. The article's groups are ones "die ze zelf
samenstellen": the sheet hangs in the canteen, the owner enters the groups afterwards.

A block may start with a question already asked (a learning request for a group);
the others are blank. Two blocks to a page; it prints well in black and white.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from werkleren_desktop.documents.pdf import (
    FRAME_WIDTH,
    INK,
    Letterhead,
    WritingLines,
    fill_in_line,
    grid,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.groups import ADVISED_MAX, ADVISED_MIN
from werkleren_desktop.i18n import _

BLOCKS_AT_LEAST = 4  # blocks on the sheet, with the questions given or blank
ROW_HEIGHT = 9 * mm


@dataclass(frozen=True)
class SignupQuestion:
    """A question a block starts with, and who asked it (empty: not said)."""

    question: str
    asked_by: str = ""


def signup_sheet_pdf(
    organisation: str,
    logo_png: bytes | None,
    questions: tuple[SignupQuestion, ...],
    made_on: dt.date,
    mixed_age_span: int,
) -> bytes:
    s = styles()
    head = Letterhead(organisation, logo_png, _("Sign-up sheet"), _("Learning groups"))
    story: list[Flowable] = [
        title_block(head, _("Form a learning group around a question")),
        Paragraph(
            text(
                _(
                    "Write a question from your own work that you would like to work on with "
                    "colleagues. Whoever wants to join writes their name below it. A learning "
                    "group has {low} to {high} members, young and old together: at least "
                    "{span} years between the youngest and the oldest. It meets in vital "
                    "week cycles: an hour a day on four consecutive working days, in working "
                    "time."
                ).format(low=ADVISED_MIN, high=ADVISED_MAX, span=mixed_age_span)
            ),
            s["body"],
        ),
        Spacer(0, 4 * mm),
    ]
    blank = max(0, BLOCKS_AT_LEAST - len(questions))
    blocks = [*questions, *(SignupQuestion("") for _n in range(blank))]
    if len(blocks) % 2:
        blocks.append(SignupQuestion(""))  # the last page full
    for number, block in enumerate(blocks, start=1):
        story.append(KeepTogether(_block(number, block)))
        story.append(Spacer(0, 6 * mm))
    return render(head, story, made_on)


def _block(number: int, block: SignupQuestion) -> list[Flowable]:
    s = styles()
    parts: list[Flowable] = [
        Paragraph(_("Question {n}").format(n=number), s["heading"]),
    ]
    if block.question:
        parts.append(Paragraph(text(block.question), s["body"]))
        if block.asked_by:
            label = _("asked by {name}").format(name=block.asked_by)
            parts.append(Paragraph(text(label), s["small"]))
    else:
        parts.append(WritingLines(2))
    parts.append(Spacer(0, 2 * mm))
    headers = (_("Name"), _("Year of birth"), _("Job"), _("Initials"))
    rows: list[list[object]] = [[Paragraph(h, s["cell_bold"]) for h in headers]]
    rows += [["", "", "", ""] for _row in range(ADVISED_MAX)]
    table = Table(
        rows,
        colWidths=[70 * mm, 28 * mm, FRAME_WIDTH - 128 * mm, 30 * mm],
        rowHeights=[None] + [ROW_HEIGHT] * ADVISED_MAX,
    )
    table.setStyle(grid())
    parts.append(table)
    parts.append(Spacer(0, 2 * mm))
    on_call = fill_in_line(
        [(_("Colleague or expert on call"), 55 * mm, FRAME_WIDTH - 55 * mm)],
        height=9 * mm,
        weight=0.6,
        colour=INK,
    )
    parts.append(on_call)
    return parts
