"""A person's leervragen on their page: each a link that opens it to answer, and one
to record a new one."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import RequestStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.requests import KIND_LABELS, STATUS_LABELS
from werkleren_desktop.gui.widgets import link_paragraph
from werkleren_desktop.i18n import _
from werkleren_desktop.services.requests import RequestRow, list_requests

NEW_LINK = "#new"
SHOWN = 6


def requests_label(open_link: Callable[[int | None], None]) -> QLabel:
    """Links open a request (its id) or record a new one (None)."""
    return link_paragraph(
        lambda link: open_link(None if link == NEW_LINK else int(link.removeprefix("#")))
    )


def request_line(row: RequestRow) -> str:
    """One request as a line of rich text: when, what for, the question, where it stands."""
    state = _(STATUS_LABELS[row.status])
    if row.status is not RequestStatus.OPEN and row.answer:
        state = f"{state}: {row.answer}"
    return (
        f'<a href="#{row.id}">{format_date(row.asked_on, "short")}</a> · '
        f"{html.escape(_(KIND_LABELS[row.kind]))} · {html.escape(row.question)}"
        f"<br><i>{html.escape(state)}</i>"
    )


def show_requests(label: QLabel, sessions: SessionFactory, person_id: int) -> list[RequestRow]:
    rows = list_requests(sessions, person_id)
    lines = [request_line(row) for row in rows[:SHOWN]]
    if len(rows) > SHOWN:
        lines.append(html.escape(_("and {n} earlier").format(n=len(rows) - SHOWN)))
    if not rows:
        lines.append(html.escape(_("No learning requests yet.")))
    new = _("Record a learning request…")  # outside the f-string (extraction)
    lines.append(f'<a href="{NEW_LINK}">{html.escape(new)}</a>')
    label.setText("<br>".join(lines))
    return rows
