"""The printed talent-development conversation: a preparation form, and the record
with its agreements and signature blocks.

A4, black-and-white friendly, the person's name in every page header, marked
confidential. Long answers are paragraphs that flow onto the next page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from werkleren_desktop.documents.pdf import (
    CELL_PADDING,
    CELL_SIDE_PADDING,
    EMPTY_BOX,
    FRAME_WIDTH,
    INK,
    RULE,
    TICKED_BOX,
    Letterhead,
    WritingLines,
    fact_table,
    grid,
    plain_style,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.constants import (
    AgreementOwner,
    AgreementStatus,
    SignMark,
)
from werkleren_desktop.domain.conversations import (
    AGREEMENT_STATUS_LABELS,
    MARK_LABELS,
    OWNER_LABELS,
    SECTIONS,
    Section,
    Signature,
)
from werkleren_desktop.domain.formatting import format_date, format_moment
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.people import format_hours
from werkleren_desktop.domain.requests import KIND_LABELS as REQUEST_KINDS
from werkleren_desktop.domain.requests import RequestLine
from werkleren_desktop.domain.situations import KIND_SHORT_LABELS
from werkleren_desktop.domain.training import describe_budget_use
from werkleren_desktop.i18n import _, current_language, n_
from werkleren_desktop.services.conversations import (
    AgreementView,
    ConversationView,
    PeriodFacts,
)

BLANK = "_" * 28


@dataclass(frozen=True)
class Organisation:
    name: str
    logo_png: bytes | None


def _hours(minutes: int) -> str:
    shown = format_hours(round(minutes / 6) * 6, current_language())  # to a tenth of an hour
    return n_("{n} hour", "{n} hours", 1 if minutes == 60 else 2).format(n=shown)


def _day(day: dt.date | None) -> str:
    return format_date(day) if day is not None else ""


def _when(view: ConversationView | None, record: bool) -> str:
    if view is None or view.planned_on is None:
        return BLANK
    day = view.held_on if record and view.held_on else view.planned_on
    when = format_date(day, "full")
    if view.starts_at is not None and not (record and view.held_on):
        when += " " + _("at {time}").format(time=view.starts_at.strftime("%H:%M"))
    if view.place:
        when += f", {view.place}"
    return when


def _facts_table(view: ConversationView | None, record: bool, blank: bool = False) -> Flowable:
    if view is None or blank:
        rows = [
            (_("Professional"), view.person_name if view else BLANK),
            (_("Job title"), (view.job_title or "—") if view else BLANK),
            (_("Manager"), (view.manager_name or "—") if view else BLANK),
            (_("Conversation on"), BLANK),
            (_("Period"), BLANK),
        ]
    else:
        rows = [
            (_("Professional"), view.person_name),
            (_("Job title"), view.job_title or "—"),
            (_("Manager"), view.manager_name or "—"),
            (_("Held on") if record else _("Conversation on"), _when(view, record)),
            (
                _("Period"),
                _("{start} to {end}").format(
                    start=format_date(view.period_start), end=format_date(view.period_end)
                ),
            ),
        ]
    return fact_table(rows)


def _period_facts(facts: PeriodFacts) -> list[Flowable]:
    s = styles()
    kinds = ", ".join(
        f"{_(KIND_SHORT_LABELS[kind])} {count}" for kind, count in facts.situations_by_kind.items()
    )
    situations = n_("{n} situation", "{n} situations", facts.situations).format(n=facts.situations)
    if facts.situations:
        situations += f" ({kinds})"
    rows = [
        (_("Learning situations logged"), situations),
        (_("Time spent on them"), _hours(facts.situation_minutes)),
        (
            _("With help from AI"),
            n_("{n} situation", "{n} situations", facts.situations_with_ai).format(
                n=facts.situations_with_ai
            ),
        ),
        (
            _("Consulted by colleagues"),
            n_("{n} time", "{n} times", facts.times_consulted).format(n=facts.times_consulted),
        ),
        (
            _("Week cycles"),
            n_("{n} cycle", "{n} cycles", facts.cycles_attended).format(n=facts.cycles_attended)
            + ", "
            + n_("{n} session attended", "{n} sessions attended", facts.sessions_attended).format(
                n=facts.sessions_attended
            )
            + f" ({_hours(facts.session_minutes)})",
        ),
        (
            _("Formal training followed"),
            n_("{n} training", "{n} trainings", facts.trainings_done).format(n=facts.trainings_done)
            + f" ({_hours(facts.training_minutes)}, {format_euro(facts.training_cents)})",
        ),
        (
            _("Training budget {year}").format(year=facts.budget_year),
            describe_budget_use(
                facts.budget_spent_cents, facts.budget_cents, facts.budget_reserved_cents
            ),
        ),
    ]
    return [
        Paragraph(_("Facts of the period"), s["heading"]),
        Paragraph(
            _("From what was logged in Werkleren Desktop between {start} and {end}.").format(
                start=format_date(facts.first_day), end=format_date(facts.last_day)
            ),
            s["small"],
        ),
        Spacer(0, 1.5 * mm),
        fact_table(rows, 60 * mm),
    ]


def _long_text(value: str) -> list[Flowable]:
    """A long answer as paragraphs, so it can break across pages between lines."""
    s = styles()
    return [Paragraph(text(part), s["answer"]) for part in value.split("\n\n") if part.strip()]


def _section(section: Section, written: str, lines: int) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        CondPageBreak(30 * mm),
        Paragraph(text(_(section.title)), s["subheading"]),
        Paragraph(text(_(section.prompt)), s["small"]),
        Spacer(0, 1.5 * mm),
    ]
    story += _long_text(written)
    if lines:
        story.append(WritingLines(lines))
    return story


def _boxes(status: AgreementStatus | None) -> str:
    choices = (AgreementStatus.DONE, AgreementStatus.PARTLY, AgreementStatus.NOT_DONE)
    return "   ".join(
        f"{TICKED_BOX if status is choice else EMPTY_BOX} {_(AGREEMENT_STATUS_LABELS[choice])}"
        for choice in choices
    )


def _requests(requests: Sequence[RequestLine]) -> list[Flowable]:
    """What the professional asked for since the last conversation, and the answers:
    they come up in this one. Nothing printed when there are none."""
    if not requests:
        return []
    s = styles()
    story: list[Flowable] = [
        Paragraph(_("Learning requests since the last conversation"), s["heading"])
    ]
    for request in requests:
        story.append(
            KeepTogether(
                [
                    Spacer(0, 1.5 * mm),
                    Paragraph(text(request.question), s["body_bold"]),
                    Paragraph(
                        text(
                            f"{_(REQUEST_KINDS[request.kind])} · "
                            + _("asked on {date}").format(date=format_date(request.asked_on))
                        ),
                        s["small"],
                    ),
                    Paragraph(text(request.state()), s["body"]),
                ]
            )
        )
    return story


def _earlier(agreements: Sequence[AgreementView], record: bool) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph(_("Agreements of earlier conversations"), s["heading"]),
    ]
    if not agreements:
        story.append(Paragraph(_("No agreements to account for."), s["body"]))
        return story
    story.append(
        Paragraph(
            _("How did each agreement go? Done, partly or not, and why.")
            if not record
            else _("How each agreement went, as discussed in this conversation."),
            s["small"],
        )
    )
    for agreement in agreements:
        meta = _("{owner} · agreed on {made}").format(
            owner=_(OWNER_LABELS[agreement.owner]).capitalize(), made=format_date(agreement.made_on)
        )
        if agreement.due_on is not None:
            meta += " · " + _("due {date}").format(date=format_date(agreement.due_on))
        reviewed = record and agreement.status is not AgreementStatus.OPEN
        block: list[Flowable] = [
            Spacer(0, 2 * mm),
            Paragraph(text(agreement.what), s["body_bold"]),
            Paragraph(text(meta), s["small"]),
            Paragraph(_boxes(agreement.status if reviewed else None), s["body"]),
        ]
        if reviewed and agreement.review_note:
            block.append(Paragraph(text(agreement.review_note), s["body"]))
        elif not record:
            block.append(Paragraph(_("Why:"), s["small"]))
            block.append(WritingLines(2))
        story.append(KeepTogether(block))
    return story


def _agreement_table(agreements: Sequence[AgreementView], empty_rows: int) -> Flowable:
    s = styles()
    rows: list[list[object]] = [
        [Paragraph(h, s["cell_bold"]) for h in (_("What"), _("Who"), _("Due"))]
    ]
    for agreement in agreements:
        rows.append(
            [
                Paragraph(text(agreement.what), s["cell"]),
                Paragraph(_(OWNER_LABELS[agreement.owner]), s["cell"]),
                Paragraph(_day(agreement.due_on) or "—", s["cell"]),
            ]
        )
    rows += [["", "", ""]] * empty_rows
    table = Table(
        rows,
        colWidths=[None, 32 * mm, 34 * mm],
        rowHeights=[None] * (len(rows) - empty_rows) + [10 * mm] * empty_rows,
        repeatRows=1,
    )
    table.setStyle(grid())
    return table


SIGNATURE_FIELD = 54 * mm  # the width of the name, date and signature lines


def _signature_block(title: str, signature: Signature | None) -> Table:
    s = styles()
    marks = "   ".join(
        f"{TICKED_BOX if signature and signature.mark is mark else EMPTY_BOX} "
        + _(MARK_LABELS[mark])
        for mark in (SignMark.SEEN, SignMark.AGREED)
    )
    name = Paragraph(text(signature.name) if signature else "", s["cell"])
    # a long name wraps and its row grows, above the line it stands on
    name_height = name.wrap(SIGNATURE_FIELD - 2 * CELL_SIDE_PADDING, 1000)[1] + 2 * CELL_PADDING
    rows = [
        [Paragraph(text(title), s["cell_bold"]), ""],
        [Paragraph(_("Name"), s["cell"]), name],
        [
            Paragraph(_("Date"), s["cell"]),
            Paragraph(format_date(signature.signed_on) if signature else "", s["cell"]),
        ],
        [Paragraph(marks, s["cell"]), ""],
        [Paragraph(_("Signature"), s["cell"]), ""],
    ]
    table = Table(
        rows,
        colWidths=[28 * mm, SIGNATURE_FIELD],
        rowHeights=[None, max(9 * mm, name_height), 9 * mm, 8 * mm, 18 * mm],
    )
    table.setStyle(
        plain_style(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("SPAN", (0, 3), (1, 3)),
                ("LINEBELOW", (1, 1), (1, 2), 0.5, RULE),
                ("LINEBELOW", (1, 4), (1, 4), 0.8, INK),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("VALIGN", (0, 0), (-1, 0), "TOP"),
            ]
        )
    )
    return table


def _signatures(view: ConversationView | None) -> list[Flowable]:
    s = styles()
    blocks = Table(
        [
            [
                _signature_block(_("Professional"), view.professional_signature if view else None),
                _signature_block(_("Manager"), view.manager_signature if view else None),
            ]
        ],
        colWidths=[FRAME_WIDTH / 2] * 2,
    )
    blocks.setStyle(
        plain_style([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [
        KeepTogether(
            [
                Paragraph(_("Signatures"), s["heading"]),
                Paragraph(
                    _(
                        "Both sign for having seen (voor gezien) or for agreeing with (voor "
                        "akkoord) this record. The professional receives a copy."
                    ),
                    s["small"],
                ),
                Spacer(0, 2 * mm),
                blocks,
            ]
        )
    ]


def _letterhead(
    organisation: Organisation, view: ConversationView | None, title: str
) -> Letterhead:
    return Letterhead(
        organisation.name,
        organisation.logo_png,
        title,
        view.person_name if view is not None else "",
        confidential=True,
    )


def preparation_pdf(
    organisation: Organisation,
    view: ConversationView | None,
    made_on: dt.date,
    blank: bool = False,
) -> bytes:
    """The form both prepare the conversation with. ``view`` None gives a blank form
    for anyone; with ``blank`` the person's name is filled in and the rest left open."""
    s = styles()
    head = _letterhead(organisation, view, _("Talent conversation · preparation"))
    if blank and view is not None:
        view = replace(
            view,
            id=None,
            planned_on=None,
            preparation={},
            earlier=(),
            agreements=(),
            requests=(),
        )
    story: list[Flowable] = [
        title_block(head, _("Talent-development conversation")),
        Paragraph(_("Preparation"), s["subtitle"]),
        Spacer(0, 2 * mm),
        _facts_table(view, record=False, blank=blank),
        Spacer(0, 3 * mm),
        Paragraph(
            _(
                "The conversation belongs to the professional: you lead it, and together you "
                "own the outcome. Both prepare their part and bring this form."
            ),
            s["body"],
        ),
    ]
    if view is not None and not blank:
        story += _period_facts(view.facts)
        story += _requests(view.requests)
        story += _earlier(view.earlier, record=False)
    else:
        story += [Paragraph(_("Agreements of earlier conversations"), s["heading"])]
        story += [WritingLines(5)]
    # a part's heading stays with its first section (never alone at a page's foot)
    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph(_("The professional's part"), s["heading"]))
    if view is not None and not blank and view.preparation_brought_in:
        story.append(
            Paragraph(text(_("Brought in by {name}.").format(name=view.person_name)), s["small"])
        )
    for section in SECTIONS:
        if section.side is AgreementOwner.PROFESSIONAL:
            written = view.preparation.get(section.key, "") if view else ""
            story += _section(section, written, 2 if written else 5)
    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph(_("The manager's part"), s["heading"]))
    for section in SECTIONS:
        if section.side is AgreementOwner.MANAGER:
            written = view.preparation.get(section.key, "") if view else ""
            story += _section(section, written, 2 if written else 4)
    story += [
        CondPageBreak(50 * mm),
        Paragraph(_("New agreements"), s["heading"]),
        Paragraph(_("What, who keeps it (professional, manager or both) and by when."), s["small"]),
        Spacer(0, 1.5 * mm),
        _agreement_table((), 5),
    ]
    return render(head, story, made_on)


def record_pdf(organisation: Organisation, view: ConversationView, made_on: dt.date) -> bytes:
    """The record of a conversation that was held, with signature blocks."""
    s = styles()
    head = _letterhead(organisation, view, _("Talent conversation · record"))
    story: list[Flowable] = [
        title_block(head, _("Talent-development conversation")),
        Paragraph(_("Record"), s["subtitle"]),
        Spacer(0, 2 * mm),
        _facts_table(view, record=True),
    ]
    story += _period_facts(view.facts)
    story += _requests(view.requests)
    story += _earlier(view.earlier, record=True)
    story.append(Paragraph(_("What was discussed"), s["heading"]))
    noted = [section for section in SECTIONS if view.notes.get(section.key)]
    if not noted:
        story.append(Paragraph(_("No notes were recorded."), s["body"]))
    for section in noted:
        story += [
            CondPageBreak(20 * mm),
            Paragraph(text(_(section.title)), s["subheading"]),
            *_long_text(view.notes[section.key]),
        ]
    # the agreements, any corrections and the signatures as one block: the signatures
    # never stand alone on a page, away from what they sign
    closing: list[Flowable] = [
        Paragraph(_("Agreements"), s["heading"]),
        _agreement_table(view.agreements, 0 if view.agreements else 2),
    ]
    if view.corrections:
        closing.append(Paragraph(_("Corrections after signing"), s["heading"]))
        for correction in view.corrections:
            closing.append(
                KeepTogether(
                    [
                        Paragraph(
                            text(
                                _("{moment} · {part}").format(
                                    moment=format_moment(correction.made_at),
                                    part=correction.part,
                                )
                            ),
                            s["body_bold"],
                        ),
                        Paragraph(
                            text(_("Reason: {reason}").format(reason=correction.reason)), s["body"]
                        ),
                        Paragraph(
                            text(_("Earlier text: {text}").format(text=correction.before)),
                            s["small"],
                        ),
                        Spacer(0, 2 * mm),
                    ]
                )
            )
    story.append(KeepTogether([*closing, *_signatures(view)]))
    return render(head, story, made_on)
