"""Onze werkafspraken: the work agreements and instructions that hold, on paper, to hang
up or hand out: what is agreed, whom to ask, and where it came from."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from werkleren_desktop.documents.pdf import Letterhead, render, styles, text, title_block
from werkleren_desktop.domain.constants import WorkAgreementKind
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.work_agreements import AgreementBook
from werkleren_desktop.i18n import _


def agreement_book_pdf(book: AgreementBook, made_on: dt.date) -> bytes:
    s = styles()
    head = Letterhead(book.organisation, book.logo_png, _("Our work agreements"), "")
    story: list[Flowable] = [
        title_block(head, _("Our work agreements")),
        Paragraph(
            text(_("As they hold on {day}.").format(day=format_date(book.day))), s["subtitle"]
        ),
        Spacer(0, 3 * mm),
    ]
    if not book.agreements:
        story.append(Paragraph(text(_("No work agreements hold yet.")), s["body"]))
        return render(head, story, made_on)
    ask_label = _("Whom to ask")  # outside the f-string (extraction)
    for kind, title in (
        (WorkAgreementKind.AGREEMENT, _("Work agreements")),
        (WorkAgreementKind.INSTRUCTION, _("Instructions")),
    ):
        of_kind = [a for a in book.agreements if a.kind is kind]
        if not of_kind:
            continue
        story.append(Paragraph(text(title), s["heading"]))
        for agreement in of_kind:
            ask = agreement.contact or _("nobody yet: ask the owner")
            block: list[Flowable] = [
                Paragraph(text(agreement.title), s["subheading"]),
                Paragraph(text(agreement.text), s["body"]),
                Paragraph(f"<b>{text(ask_label)}:</b> {text(ask)}", s["body"]),
                Paragraph(
                    text(
                        _("Since {day} · comes from: {source}").format(
                            day=format_date(agreement.agreed_on), source=agreement.source
                        )
                    ),
                    s["small"],
                ),
                Spacer(0, 2 * mm),
            ]
            story.append(KeepTogether(block))
    return render(head, story, made_on)
