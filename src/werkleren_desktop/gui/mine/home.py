"""The first page of Mijn leren: what waits for the person signed in today, each with
the way to where it is done. For a manager also what waits for them: requests to
answer, and the conversations of their team that are due."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QVBoxLayout, QWidget

from werkleren_desktop.domain.conversations import DUE_LABELS
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.requests import KIND_LABELS, answer_text
from werkleren_desktop.gui.mine.base import MinePage
from werkleren_desktop.gui.widgets import Card, heading, paragraph, scrolling
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.mine import MyDay, my_day

SHOWN = 4  # lines of a card before "and n more"


def _lines(items: list[str], empty: str) -> str:
    """Rich text: the first few items, escaped, or ``empty``."""
    if not items:
        return html.escape(empty)
    shown = [html.escape(item) for item in items[:SHOWN]]
    if len(items) > SHOWN:
        more = len(items) - SHOWN
        shown.append(html.escape(n_("and {n} more", "and {n} more", more).format(n=more)))
    return "<br>".join(shown)


class _Part(Card):
    """A card with its text and a button to where it is done."""

    def __init__(self, title: str, button: str, go: Callable[[], None]) -> None:
        super().__init__(title)
        self.text = paragraph("")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(button)
        self.button.clicked.connect(go)
        self.body.addWidget(self.text)
        self.body.addStretch(1)
        self.body.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)


class MyHomePage(MinePage):
    area_key = "my_home"
    navigate = Signal(str)

    def build(self) -> None:
        self.day: MyDay | None = None
        self.title = heading("", 2.0)
        self.date_label = paragraph("")

        def go(key: str) -> Callable[[], None]:
            return lambda: self.navigate.emit(key)

        self.conversation_part = _Part(
            _("Your next conversation"), _("To my conversation"), go("my_conversation")
        )
        self.agreements_part = _Part(
            _("Your open agreements"), _("To my conversation"), go("my_conversation")
        )
        self.check_in_part = _Part(_("After a session"), _("To my groups"), go("my_groups"))
        self.requests_part = _Part(
            _("Your learning requests"), _("To the learning requests"), go("my_requests")
        )
        self.answer_part = _Part(
            _("Waiting for your answer"), _("To the learning requests"), go("my_requests")
        )
        self.team_part = _Part(
            _("Conversations of your team"),
            _("To the conversations"),
            go("team_conversations"),
        )
        for part in (self.answer_part, self.team_part):
            part.setVisible(self.seat.manages)

        grid = QGridLayout()
        grid.setSpacing(16)
        parts = [self.conversation_part, self.agreements_part, self.check_in_part]
        parts.append(self.requests_part)
        if self.seat.manages:
            parts = [self.answer_part, self.team_part, *parts]
        for index, part in enumerate(parts):
            grid.addWidget(part, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addWidget(self.date_label)
        column.addWidget(self.error_label)
        column.addLayout(grid)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content))

    def refresh(self) -> None:
        me, manages, today = self.seat.person_id, self.seat.manages, self.today()
        self.load(lambda: my_day(self.sessions, me, manages, today), self._show)

    def _show(self, day: MyDay) -> None:
        self.day = day
        self.error_label.clear()
        today = self.today()
        self.title.setText(_("Good to see you, {name}").format(name=self.seat.name))
        self.date_label.setText(format_date(today, "full").capitalize())
        self._show_conversation(day)
        self.agreements_part.text.setText(
            _lines(
                [
                    a.what
                    + (
                        " · " + _("by {day}").format(day=format_date(a.due_on, "short"))
                        if a.due_on
                        else ""
                    )
                    for a in day.open_agreements
                ],
                _("No open agreements."),
            )
        )
        self.check_in_part.text.setText(
            _lines(
                [
                    _("{group}, day {n} of 4, {day}").format(
                        group=s.group_name,
                        n=s.day_number,
                        day=format_date(s.starts_at.date(), "short"),
                    )
                    for s in day.to_check_in
                ],
                _("You have checked in after every recent session."),
            )
        )
        self.requests_part.text.setText(
            _lines(
                [
                    " · ".join(
                        (
                            _(KIND_LABELS[r.kind]),
                            r.question,
                            answer_text(r.status, r.answer, r.answered_on, r.answered_by_name),
                        )
                    )
                    for r in day.my_requests
                ],
                _("Ask for training, a learning group or an expert when you need one."),
            )
        )
        if self.seat.manages:
            self.answer_part.text.setText(
                _lines(
                    [
                        " · ".join((r.person_name, _(KIND_LABELS[r.kind]), r.question))
                        for r in day.to_answer
                    ],
                    _("No learning request waits for your answer."),
                )
            )
            self.team_part.text.setText(
                _lines(
                    [
                        " · ".join((r.person_name, _(DUE_LABELS[r.status])))
                        for r in sorted(day.team_due, key=lambda r: (r.status.value, r.person_name))
                    ],
                    _("Every conversation of this half year is planned or held."),
                )
            )

    def _show_conversation(self, day: MyDay) -> None:
        ahead, preparation = day.next_conversation, day.preparation
        if ahead is None:
            self.conversation_part.text.setText(
                html.escape(
                    _("No conversation has been planned yet; your manager plans it with you.")
                )
            )
            return
        when = format_date(ahead.planned_on, "full")
        if ahead.starts_at is not None:
            when = _("{day} at {time}").format(day=when, time=ahead.starts_at.strftime("%H:%M"))
        if preparation is not None and preparation.shared_at is not None:
            state = (
                _("You changed your preparation since you shared it.")
                if preparation.changed_since_shared
                else _("You shared your preparation.")
            )
        elif preparation is not None and any(preparation.texts.values()):
            state = _("Your preparation is not shared yet.")
        else:
            state = _("Prepare it in your own words.")
        self.conversation_part.text.setText(f"<b>{html.escape(when)}</b><br>{html.escape(state)}")
