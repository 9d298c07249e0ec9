"""The latest learning situations of a person or a group, for their pages."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.widgets import link_paragraph
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.situations import (
    SituationFilter,
    count_situations,
    list_situations,
)

LATEST = 5


def situations_label(show_all: Callable[[], None]) -> QLabel:
    """The label ends with a link that opens the learning log filtered on them."""
    return link_paragraph(lambda _link: show_all())


def show_situations(label: QLabel, sessions: SessionFactory, where: SituationFilter) -> None:
    total = count_situations(sessions, where)
    if not total:
        label.setText(html.escape(_("No learning situations logged yet.")))
        return
    lines = [html.escape(n_("{n} situation", "{n} situations", total).format(n=total))]
    lines += [
        f"{format_date(row.occurred_on, 'short')} · {html.escape(row.title)}"
        for row in list_situations(sessions, where, limit=LATEST)
    ]
    show_all = _("Show them all in the learning log")  # outside the f-string (extraction)
    lines.append(f'<a href="#all">{html.escape(show_all)}</a>')
    label.setText("<br>".join(lines))
