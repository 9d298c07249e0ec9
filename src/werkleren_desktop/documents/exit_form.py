"""The conversation when someone leaves, on paper: the four questions with the answers
written down (or lines to write on), what their knowledge is tied to in the program, and
two signatures."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from werkleren_desktop.documents.pdf import (
    Letterhead,
    WritingLines,
    fact_table,
    fill_in_line,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.exit_conversation import QUESTIONS
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.i18n import _
from werkleren_desktop.services.exit_conversation import ExitView


def exit_pdf(view: ExitView, organisation: str, logo_png: bytes | None, made_on: dt.date) -> bytes:
    s = styles()
    title = _("Exit conversation")
    head = Letterhead(organisation, logo_png, title, view.person_name)
    record = view.record
    story: list[Flowable] = [
        title_block(head, _("Exit conversation with {name}").format(name=view.person_name)),
        fact_table(
            [
                (_("Last day"), format_date(view.out_of_service) if view.out_of_service else "—"),
                (_("Held on"), format_date(record.held_on) if record else ""),
                (_("With"), view.manager_name or "—"),
            ]
        ),
        Spacer(0, 4 * mm),
    ]
    for key, question in QUESTIONS:
        answer = getattr(record, key) if record is not None else ""
        story.append(Paragraph(text(_(question)), s["heading"]))
        story.append(Paragraph(text(answer), s["body"]) if answer else WritingLines(4))
        story.append(Spacer(0, 3 * mm))
    story.append(Paragraph(text(_("Knowledge to hand over")), s["heading"]))
    tied = [
        _("The one to ask about “{title}”").format(title=title) for title in view.agreements
    ] + [_("Expert on call for the learning group “{name}”").format(name=g) for g in view.groups]
    if tied:
        for line in tied:
            story.append(Paragraph(text("• " + line), s["body"]))
    else:
        story.append(
            Paragraph(text(_("No work agreement or learning group names them.")), s["body"])
        )
    story.append(
        Paragraph(
            text(_("Choose who takes each over; the work agreements are changed in the "
                   "program (Werkafspraken).")),
            s["small"],
        )
    )  # fmt: skip
    signatures: list[Flowable] = [Spacer(0, 6 * mm)]
    for who in (view.person_name, view.manager_name or _("Manager")):
        signatures.append(
            fill_in_line([(who, 50 * mm, 60 * mm), (_("Date"), 20 * mm, 35 * mm)], height=12 * mm)
        )
    story.append(KeepTogether(signatures))
    return render(head, story, made_on)
