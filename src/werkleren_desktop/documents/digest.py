"""Wat we leerden: a learning group's lessons of a period on paper, to hang up or hand
out: what came of its week cycles and of the work situations it learned from."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from werkleren_desktop.documents.pdf import Letterhead, render, styles, text, title_block
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.lessons import Digest
from werkleren_desktop.domain.situations import KIND_LABELS
from werkleren_desktop.domain.work_agreements import KIND_LABELS as WORK_AGREEMENT_KINDS
from werkleren_desktop.i18n import _


def digest_pdf(digest: Digest, made_on: dt.date) -> bytes:
    s = styles()
    head = Letterhead(digest.organisation, digest.logo_png, _("What we learned"), digest.group)
    period = _("{start} to {end}").format(
        start=format_date(digest.first), end=format_date(digest.last)
    )
    story: list[Flowable] = [
        title_block(head, _("What we learned: {group}").format(group=digest.group)),
        Paragraph(text(period), s["subtitle"]),
        Spacer(0, 3 * mm),
    ]
    if digest.empty:
        story.append(
            Paragraph(
                text(_("Nothing was noted as learned in this period: no outcomes yet.")),
                s["body"],
            )
        )
        return render(head, story, made_on)
    outcome_label, next_label = _("What came of it"), _("Next step")
    if digest.cycles:
        story.append(Paragraph(_("From the week cycles"), s["heading"]))
        for cycle in digest.cycles:
            when = _("{start} to {end}").format(
                start=format_date(cycle.first_day, "short"),
                end=format_date(cycle.last_day, "short"),
            )
            block: list[Flowable] = [
                Paragraph(text(cycle.question or _("Week cycle")), s["subheading"]),
                Paragraph(text(when), s["small"]),
            ]
            for label, value in ((outcome_label, cycle.outcome), (next_label, cycle.next_step)):
                if value:
                    block.append(Paragraph(f"<b>{text(label)}:</b> {text(value)}", s["body"]))
            story.append(KeepTogether(block))
    if digest.situations:
        story.append(Paragraph(_("From the work"), s["heading"]))
        for situation in digest.situations:
            facts = (
                f"{format_date(situation.occurred_on, 'short')} · {_(KIND_LABELS[situation.kind])}"
            )
            if situation.people:
                facts += f" · {situation.people}"
            block = [
                Paragraph(text(situation.title), s["subheading"]),
                Paragraph(text(facts), s["small"]),
            ]
            for label, value in (
                (outcome_label, situation.outcome),
                (next_label, situation.next_step),
            ):
                if value:
                    block.append(Paragraph(f"<b>{text(label)}:</b> {text(value)}", s["body"]))
            story.append(KeepTogether(block))
    if digest.agreements:
        story.append(Paragraph(_("What we agreed"), s["heading"]))
        ask_label = _("Whom to ask")
        for agreement in digest.agreements:
            block = [
                Paragraph(text(agreement.title), s["subheading"]),
                Paragraph(text(_(WORK_AGREEMENT_KINDS[agreement.kind])), s["small"]),
                Paragraph(text(agreement.text), s["body"]),
            ]
            if agreement.contact:
                block.append(
                    Paragraph(f"<b>{text(ask_label)}:</b> {text(agreement.contact)}", s["body"])
                )
            story.append(KeepTogether(block))
    return render(head, story, made_on)
