"""Cards to fill in by hand: a work situation and a learning request, two to a page, to
lay out in the canteen or hand out. The article puts the professional in the director's
chair; on one laptop the owner types in what professionals bring in, and the situation
then says who brought it in ("ingebracht door"), a request is theirs anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from werkleren_desktop.documents.pdf import (
    EMPTY_BOX,
    FRAME_WIDTH,
    INK,
    Letterhead,
    WritingLines,
    fill_in_line,
    plain_style,
    render,
    styles,
    text,
)
from werkleren_desktop.domain.requests import KIND_LABELS as REQUEST_KINDS
from werkleren_desktop.domain.situations import KIND_SHORT_LABELS as SITUATION_KINDS
from werkleren_desktop.i18n import _

CARD_PADDING = 4 * mm
QUESTIONS_ON_A_CARD = 3  # the organisation's top guiding questions


def cards_pdf(
    organisation: str, logo_png: bytes | None, questions: Sequence[str], made_on: dt.date
) -> bytes:
    """Two situation cards on the first page, two learning-request cards on the second."""
    head = Letterhead(organisation, logo_png, _("Cards to fill in"), "")
    story: list[Flowable] = [
        _card_box(_situation_card(questions)),
        Spacer(0, 5 * mm),
        _card_box(_situation_card(questions)),
        PageBreak(),
        _card_box(_request_card()),
        Spacer(0, 5 * mm),
        _card_box(_request_card()),
    ]
    return render(head, story, made_on)


def _card_box(parts: list[Flowable]) -> Table:
    """A card: its parts inside a border, to cut out along it."""
    box = Table([[parts]], colWidths=[FRAME_WIDTH])
    box.setStyle(
        plain_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), CARD_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CARD_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), CARD_PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), CARD_PADDING),
            ]
        )
    )
    return box


def _who_and_when() -> Table:
    width = FRAME_WIDTH - 2 * CARD_PADDING
    return fill_in_line([(_("Your name"), 26 * mm, width - 88 * mm), (_("Date"), 20 * mm, 42 * mm)])


def _ticks(lead: str, labels: Sequence[str]) -> Paragraph:
    boxes = "&nbsp;&nbsp;&nbsp;".join(f"{EMPTY_BOX} {text(label)}" for label in labels)
    return Paragraph(f"<b>{text(lead)}</b>&nbsp;&nbsp;{boxes}", styles()["cell"])


def _signed() -> Table:
    """Where the manager writes the day of the answer and initials it."""
    return fill_in_line([(_("Date and initials of the manager"), 58 * mm, 50 * mm)], align="RIGHT")


def _asked(question: str, lines: int) -> list[Flowable]:
    return [Paragraph(text(question), styles()["cell_bold"]), WritingLines(lines)]


def _situation_card(questions: Sequence[str]) -> list[Flowable]:
    s = styles()
    parts: list[Flowable] = [
        Paragraph(text(_("A work situation to learn from")), s["subheading"]),
        Paragraph(
            text(
                _(
                    "Something at work worth learning from? Write it down and hand in the "
                    "card: it is entered as brought in by you."
                )
            ),
            s["small"],
        ),
        _who_and_when(),
        Spacer(0, 2 * mm),
        _ticks(_("Kind:"), [_(label) for label in SITUATION_KINDS.values()]),
        Paragraph(
            f"{EMPTY_BOX} "
            + text(
                _(
                    "It began with a mistake or a near miss: write what happened and what "
                    "made it possible, not who did it."
                )
            ),
            s["cell"],
        ),
        Spacer(0, 1 * mm),
    ]
    # the organisation's own first questions; the first, what happened, with most room
    for number, question in enumerate(list(questions)[:QUESTIONS_ON_A_CARD]):
        parts += _asked(question, 3 if number == 0 else 2)
    parts += _asked(_("Who helped, or whom would you like to ask?"), 1)
    return parts


def _request_card() -> list[Flowable]:
    s = styles()
    return [
        Paragraph(text(_("A learning request")), s["subheading"]),
        Paragraph(
            text(
                _(
                    "What would you like to learn? Ask for it: your manager answers, and the "
                    "request and the answer come up in your next talent conversation."
                )
            ),
            s["small"],
        ),
        _who_and_when(),
        Spacer(0, 2 * mm),
        _ticks(_("I ask for:"), [_(label) for label in REQUEST_KINDS.values()]),
        Spacer(0, 1 * mm),
        *_asked(_("What would you like to learn?"), 3),
        *_asked(_("Why now: what in your work asks for it?"), 3),
        *_asked(_("Answer of the manager (granted, planned, or not now and why)"), 2),
        _signed(),
    ]
