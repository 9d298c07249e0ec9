"""The evidence of an apprentice's placement for one study year, as the subsidy for
practical learning (praktijkleren) asks it: the apprentice, the programme and school,
the workplace trainer (praktijkopleider), the weeks of the placement and of guidance, and
every week of guidance and progress talk dated, with what was done, the trainer's
initials as written down and a box to initial on paper; the trainer signs below."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from werkleren_desktop.documents.pdf import (
    FRAME_WIDTH,
    Letterhead,
    fact_table,
    fill_in_line,
    render,
    styles,
    text,
    text_table,
    title_block,
)
from werkleren_desktop.domain.apprenticeship import KIND_LABELS, YearSummary
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.funds import FundRule, format_hours, hours_figure, study_year_label
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.apprenticeship import PlacementView

COLUMNS = (24 * mm, 32 * mm, 14 * mm, None, 16 * mm, 20 * mm)  # None: what remains


def placement_evidence_pdf(
    placement: PlacementView,
    year: YearSummary,
    scheme: FundRule | None,
    organisation: str,
    logo_png: bytes | None,
    made_on: dt.date,
) -> bytes:
    s = styles()
    label = study_year_label(year.start_year)
    head = Letterhead(
        organisation, logo_png, _("Practical learning"), f"{placement.apprentice} · {label}"
    )
    story: list[Flowable] = [
        title_block(head, _("Evidence of practical learning, study year {year}").format(year=label))
    ]
    facts = [
        (_("Organisation"), organisation),
        (_("Apprentice"), placement.apprentice),
        (_("Programme"), placement.programme or "—"),
        (_("School"), placement.school or "—"),
        (_("Workplace trainer"), placement.trainer or _("not recorded")),
        (
            _("Placement this study year"),
            _("{first} to {last}").format(
                first=format_date(year.first), last=format_date(year.last)
            ),
        ),
        (
            _("Weeks"),
            _("{weeks} weeks, of which {guided} with guidance written down").format(
                weeks=year.weeks, guided=year.weeks_guided
            ),
        ),
        (_("Hours of guidance"), format_hours(year.guidance_minutes)),
        (_("Progress talks"), str(year.progress_talks)),
    ]
    if scheme is not None:
        said = []
        if scheme.max_cents is not None:
            said.append(
                _("at most {amount} per placement per study year").format(
                    amount=format_euro(scheme.max_cents)
                )
            )
        if scheme.runs_until is not None:
            said.append(_("runs until {day}").format(day=format_date(scheme.runs_until)))
        facts.append((_("Scheme"), f"{scheme.name}: {', '.join(said)}" if said else scheme.name))
    story.append(fact_table(facts, label_width=48 * mm))
    if scheme is not None and scheme.runs_until is not None and year.first > scheme.runs_until:
        story.append(Spacer(0, 2 * mm))
        story.append(
            Paragraph(
                text(
                    _(
                        "This study year lies after the scheme's last day: check whether "
                        "it still pays."
                    )
                ),
                s["body_bold"],
            )
        )

    story.append(Paragraph(text(_("Guidance and progress")), s["heading"]))
    widths = [w if w is not None else FRAME_WIDTH - sum(x for x in COLUMNS if x) for w in COLUMNS]
    rows = [
        (
            format_date(e.held_on, "short"),
            _(KIND_LABELS[e.kind]),
            hours_figure(e.minutes) if e.minutes else "",
            e.summary,
            e.initials,
            "",
        )
        for e in year.entries
    ]
    if rows:
        story.append(
            text_table(
                [
                    _("Date"),
                    _("What"),
                    _("Hours"),
                    _("What was done or discussed"),
                    _("Initials"),
                    _("Initial here"),
                ],
                rows,
                widths,
            )
        )
    else:
        story.append(Paragraph(text(_("Nothing written down in this study year yet.")), s["body"]))
    if year.not_initialled:
        story.append(
            Paragraph(
                text(
                    n_(
                        "{n} entry without the trainer's initials: the workplace trainer "
                        "initials it here, by hand.",
                        "{n} entries without the trainer's initials: the workplace trainer "
                        "initials them here, by hand.",
                        year.not_initialled,
                    ).format(n=year.not_initialled)
                ),
                s["small"],
            )
        )
    story.append(
        KeepTogether(
            [
                Spacer(0, 8 * mm),
                Paragraph(
                    text(
                        _(
                            "The workplace trainer declares that the guidance and talks "
                            "above took place."
                        )
                    ),
                    s["body"],
                ),
                fill_in_line(
                    [(_("Workplace trainer"), 34 * mm, 56 * mm), (_("Date"), 18 * mm, 30 * mm)],
                    height=10 * mm,
                ),
                fill_in_line([(_("Signature"), 34 * mm, 56 * mm)], height=14 * mm),
            ]
        )
    )
    if scheme is not None and scheme.source:
        story.append(Paragraph(text(_("Where the rule comes from")), s["heading"]))
        story.append(Paragraph(text(scheme.source), s["small"]))
    return render(head, story, made_on)
