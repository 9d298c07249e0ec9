"""The evidence of a claim on a fund, in one PDF: the fund and what its rule asks (with
where the rule comes from), the claim's dates and amounts, each of the rule's checks
with its verdict, the participants with their hours, cost and presence, and the presence
on each day. The signed attendance lists of the days go with it on paper."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from werkleren_desktop.documents.pdf import (
    FRAME_WIDTH,
    Letterhead,
    fact_table,
    render,
    styles,
    text,
    text_table,
    title_block,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.funds import VERDICT_LABELS, format_hours, hours_figure
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.funds import ClaimDetail

DAYS_PER_TABLE = 8  # day columns side by side; a longer course continues in a next table


def claim_evidence_pdf(
    detail: ClaimDetail, organisation: str, logo_png: bytes | None, made_on: dt.date
) -> bytes:
    s = styles()
    claim, course, rule = detail.claim, detail.course, detail.rule
    head = Letterhead(
        organisation, logo_png, _("Evidence for a claim"), f"{rule.name} · {course.title}"
    )
    story: list[Flowable] = [
        title_block(head, _("Evidence for a claim on {fund}").format(fund=rule.name))
    ]

    def day_or_dash(day: dt.date | None) -> str:
        return format_date(day) if day is not None else "—"

    period = (
        format_date(course.starts_on)
        if course.starts_on == course.ends_on
        else _("{first} to {last}").format(
            first=format_date(course.starts_on), last=format_date(course.ends_on)
        )
    )
    facts = [
        (_("Organisation"), organisation),
        (_("Fund"), f"{rule.name} ({rule.description})" if rule.description else rule.name),
        (_("The fund asks"), rule.describe()),
        (_("Reference"), claim.reference or "—"),
        (_("Training course"), course.title),
        (_("Trainer's organisation"), course.provider or "—"),
        (
            _("Days"),
            n_("{period}; {n} day", "{period}; {n} days", len(course.days)).format(
                period=period, n=len(course.days)
            ),
        ),
        (_("Hours per participant"), format_hours(course.minutes)),
        (_("Applied on"), day_or_dash(claim.applied_on)),
        (_("Claimed on"), day_or_dash(claim.claimed_on)),
        (_("Claimed"), format_euro(claim.amount_cents)),
        (
            _("Granted"),
            format_euro(claim.granted_cents) if claim.granted_cents is not None else "—",
        ),
    ]
    if detail.deadline is not None:
        facts.insert(10, (_("Last day to claim"), format_date(detail.deadline)))
    for label, day in (
        (_("Trainer signed on"), claim.trainer_signed_on),
        (_("Manager signed on"), claim.manager_signed_on),
        (_("Evidence asked on"), claim.evidence_requested_on),
        (_("Evidence sent on"), claim.evidence_sent_on),
    ):
        if day is not None:
            facts.append((label, format_date(day)))
    story.append(fact_table(facts, label_width=46 * mm))

    story.append(Paragraph(text(_("The fund's conditions")), s["heading"]))
    if detail.checks:
        story.append(
            text_table(
                [_("Verdict"), _("What the program found")],
                [(_(VERDICT_LABELS[c.verdict]), c.text) for c in detail.checks],
                [28 * mm, FRAME_WIDTH - 28 * mm],
            )
        )
    else:
        story.append(Paragraph(text(_("No conditions recorded for this fund.")), s["body"]))

    story.append(Paragraph(text(_("Participants")), s["heading"]))
    rows = []
    for p in detail.participants:
        present = sum(1 for d in course.days if p.marks.get(d))
        marked = sum(1 for d in course.days if d in p.marks)
        share = f"{round(present / len(course.days) * 100)}%" if course.days else "—"
        rows.append(
            (
                p.name,
                hours_figure(p.minutes),
                format_euro(p.cost_cents),
                _("{present} of {days} ({marked} marked)").format(
                    present=present, days=len(course.days), marked=marked
                ),
                share,
            )
        )
    rows.append((_("Total"), hours_figure(detail.minutes), format_euro(detail.cost_cents), "", ""))
    widths = [56 * mm, 18 * mm, 26 * mm, 48 * mm]
    story.append(
        text_table(
            [_("Participant"), _("Hours"), _("Cost"), _("Days present"), _("Share")],
            rows,
            [*widths, FRAME_WIDTH - sum(widths)],
            right=(1, 2, 4),
        )
    )

    story.append(Paragraph(text(_("Presence per day")), s["heading"]))
    marks: dict[bool | None, str] = {True: _("present"), False: _("absent"), None: "—"}
    for start in range(0, len(course.days), DAYS_PER_TABLE):
        days = course.days[start : start + DAYS_PER_TABLE]
        name_width = 52 * mm
        day_width = (FRAME_WIDTH - name_width) / len(days)
        story.append(
            text_table(
                [_("Participant"), *(format_date(d, "short") for d in days)],
                [(p.name, *(marks[p.marks.get(d)] for d in days)) for p in detail.participants],
                [name_width, *([min(day_width, 30 * mm)] * len(days))],
            )
        )
        story.append(Spacer(0, 3 * mm))
    story.append(
        Paragraph(
            text(
                _(
                    "“—”: not marked. The attendance lists signed on each day by the "
                    "participants, the trainer and the manager go with this evidence."
                )
            ),
            s["small"],
        )
    )
    if claim.note:
        story.append(Paragraph(text(_("Note")), s["heading"]))
        story.append(Paragraph(text(claim.note), s["body"]))
    if rule.source:
        story.append(Paragraph(text(_("Where the rule comes from")), s["heading"]))
        story.append(Paragraph(text(rule.source), s["small"]))
    return render(head, story, made_on)
