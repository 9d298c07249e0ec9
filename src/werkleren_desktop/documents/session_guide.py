"""The session guide of a week cycle: one page per day for the group, with the
question it works on, the day's working method and room for notes by hand.

The group takes the page to the session; what it writes goes into the cycle's
workbook afterwards. It prints well in black and white.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from werkleren_desktop.documents.pdf import (
    Letterhead,
    WritingLines,
    fact_table,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.cycles import GuideDay, SessionGuideData
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.i18n import _

LAST_DAY = 4


def session_guide_pdf(data: SessionGuideData, made_on: dt.date) -> bytes:
    head = Letterhead(data.organisation, data.logo_png, _("Session guide"), data.group)
    story: list[Flowable] = []
    for index, day in enumerate(data.days):
        if index:
            story.append(PageBreak())
        story += _page(head, data, day)
    return render(head, story, made_on)


def _page(head: Letterhead, data: SessionGuideData, day: GuideDay) -> list[Flowable]:
    s = styles()
    end = day.starts_at + dt.timedelta(minutes=day.duration_minutes)
    title = _("Vital week cycle, day {n} of 4").format(n=day.day_number)
    facts = [
        (_("Learning group"), data.group),
        (
            _("When"),
            f"{format_date(day.starts_at.date(), 'full')}, {day.starts_at:%H:%M}–{end:%H:%M}",
        ),
    ]
    if day.location:
        facts.append((_("Location"), day.location))
    if data.expert:
        facts.append((_("On call"), data.expert))
    if day.theme:
        facts.append((_("Theme of the day"), day.theme))
    page: list[Flowable] = [title_block(head, title), Spacer(0, 2 * mm), fact_table(facts)]
    if day.cancelled:
        page.append(Spacer(0, 6 * mm))
        page.append(Paragraph(text(_("This session was cancelled.")), s["body_bold"]))
        return page

    page.append(Paragraph(_("Our question"), s["heading"]))
    if data.question:
        page.append(Paragraph(text(data.question), s["body"]))
    else:
        page.append(Paragraph(text(_("Write down the question the group works on.")), s["small"]))
        page.append(WritingLines(2))
    if data.situations:
        page.append(Spacer(0, 2 * mm))
        label = _("From the learning log")  # outside the f-string, for the catalog
        listed = "; ".join(text(title) for title in data.situations)
        page.append(Paragraph(f"<b>{text(label)}:</b> {listed}", s["body"]))

    page.append(Paragraph(_("What we do"), s["heading"]))
    if day.method is None:
        page.append(
            Paragraph(
                text(_("No working method chosen yet: agree on one at the start.")), s["small"]
            )
        )
        page.append(WritingLines(2))
    else:
        method = day.method
        block: list[Flowable] = [Paragraph(text(method.name), s["subheading"])]
        if method.description:
            block.append(Paragraph(text(method.description), s["body"]))
        ways = {
            (True, True): _("With AI as a tool, and with the colleague or expert on call."),
            (True, False): _("With AI as a tool."),
            (False, True): _("With the colleague or expert on call."),
        }.get((method.uses_ai, method.with_others))
        if ways:
            block.append(Paragraph(text(ways), s["body"]))
        if method.vitality:
            label = _("Vitality and meaning")
            block.append(Paragraph(f"<b>{text(label)}:</b> {text(method.vitality)}", s["body"]))
        page.append(KeepTogether(block))
    if day.notes:
        page.append(Paragraph(_("Noted before"), s["subheading"]))
        page.append(Paragraph(text(day.notes), s["body"]))

    page.append(Paragraph(_("Notes"), s["heading"]))
    if day.day_number < LAST_DAY:
        page.append(WritingLines(11))
        page.append(Paragraph(_("For tomorrow"), s["subheading"]))
        page.append(WritingLines(3))
    else:
        page.append(WritingLines(8))
        page.append(Paragraph(_("What came of it"), s["subheading"]))
        page.append(WritingLines(3))
        page.append(Paragraph(_("The next step, and who takes it"), s["subheading"]))
        page.append(WritingLines(3))
    return page
