"""A person's talent conversations on the person page, each a link to open it."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.widgets import link_paragraph
from werkleren_desktop.i18n import _
from werkleren_desktop.services.conversations import ConversationRow, list_conversations

SHOWN = 4
PLAN_LINK = "#plan"


def conversation_state(row: ConversationRow) -> str:
    if row.locked:
        return _("signed")
    if row.held_on is not None:
        return _("held, to be signed")
    return _("planned")


def conversations_label(open_link: Callable[[int | None], None]) -> QLabel:
    """Links open a conversation (its id) or plan a new one (None)."""
    return link_paragraph(
        lambda link: open_link(None if link == PLAN_LINK else int(link.removeprefix("#")))
    )


def show_conversations(label: QLabel, sessions: SessionFactory, person_id: int) -> None:
    rows = list_conversations(sessions, person_id)
    lines = [
        f'<a href="#{row.id}">{format_date(row.held_on or row.planned_on)}</a> · '
        + html.escape(conversation_state(row))
        for row in rows[:SHOWN]
    ]
    if not rows:
        lines.append(html.escape(_("No talent conversation yet.")))
    plan = _("Plan a conversation…")  # outside the f-string (extraction)
    lines.append(f'<a href="{PLAN_LINK}">{html.escape(plan)}</a>')
    label.setText("<br>".join(lines))
