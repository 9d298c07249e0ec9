"""Leervragen in Mijn leren: one's own requests, asked and followed; for a manager also
the requests addressed to them, the waiting ones first, to answer."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from werkleren_desktop.domain.constants import RequestStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.requests import KIND_LABELS, answer_text
from werkleren_desktop.gui.mine.base import MinePage, fill_table, own_table
from werkleren_desktop.gui.requests.dialog import RequestDialog
from werkleren_desktop.gui.widgets import hint, section
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.requests import RequestRow, list_requests


class MyRequestsPage(MinePage):
    area_key = "my_requests"

    def build(self) -> None:
        self.mine: list[RequestRow] = []
        self.to_me: list[RequestRow] = []
        self.ask_button = QPushButton(_("Ask for something…"))
        self.ask_button.clicked.connect(lambda: self.open_request(None))
        layout = self.start_layout(self.ask_button)
        layout.addWidget(section(_("My learning requests")))
        self.mine_table = own_table(
            [_("Asked on"), _("Asks for"), _("The question"), _("Answer"), _("What came of it")],
            2,
            self.open_request,
        )
        self.mine_empty = hint(_("You have not asked for anything yet."))
        layout.addWidget(self.mine_empty)
        layout.addWidget(self.mine_table, 3)
        self.to_me_title = section(_("Addressed to you"))
        self.to_me_table = own_table(
            [_("Asked on"), _("Who"), _("Asks for"), _("The question"), _("Answer")],
            3,
            self.answer_request,
        )
        self.to_me_empty = hint(_("Nobody in your team has asked you for anything yet."))
        for widget in (self.to_me_title, self.to_me_empty, self.to_me_table):
            widget.setVisible(self.seat.manages)
        layout.addWidget(self.to_me_title)
        layout.addWidget(self.to_me_empty)
        layout.addWidget(self.to_me_table, 3)
        layout.addStretch(1)  # what is left when a list is short or empty
        self.use_keys(new=self.ask_button)

    def refresh(self) -> None:
        me = self.seat.person_id
        manages = self.seat.manages

        def work() -> tuple[list[RequestRow], list[RequestRow]]:
            mine = list_requests(self.sessions, me)
            to_me = list_requests(self.sessions, addressed_to=me) if manages else []
            return mine, [r for r in to_me if r.person_id != me]

        self.load(work, self._show)

    def _show(self, found: tuple[list[RequestRow], list[RequestRow]]) -> None:
        self.error_label.clear()
        self.mine, to_me = found
        # the waiting ones first, then the newest
        self.to_me = sorted(to_me, key=lambda r: r.status is not RequestStatus.OPEN)
        fill_table(
            self.mine_table,
            [
                (
                    r.id,
                    (
                        format_date(r.asked_on, "short"),
                        _(KIND_LABELS[r.kind]),
                        r.question,
                        answer_text(r.status, r.answer, r.answered_on, r.answered_by_name),
                        r.outcome,
                    ),
                )
                for r in self.mine
            ],
        )
        self.mine_table.setVisible(bool(self.mine))
        self.mine_empty.setVisible(not self.mine)
        if self.seat.manages:
            waiting = sum(r.status is RequestStatus.OPEN for r in self.to_me)
            self.to_me_title.setText(
                n_(
                    "Addressed to you: {n} waits for your answer",
                    "Addressed to you: {n} wait for your answer",
                    waiting,
                ).format(n=waiting)
                if waiting
                else _("Addressed to you")
            )
            fill_table(
                self.to_me_table,
                [
                    (
                        r.id,
                        (
                            format_date(r.asked_on, "short"),
                            r.person_name,
                            _(KIND_LABELS[r.kind]),
                            r.question,
                            answer_text(r.status, r.answer, r.answered_on, r.answered_by_name),
                        ),
                    )
                    for r in self.to_me
                ],
            )
            self.to_me_table.setVisible(bool(self.to_me))
            self.to_me_empty.setVisible(not self.to_me)

    def open_request(self, request_id: int | None) -> None:
        """One's own request to follow, or (None) a new one to ask."""
        request = next((r for r in self.mine if r.id == request_id), None)
        if request_id is not None and request is None:
            return
        dialog = RequestDialog(
            self.sessions,
            self.today(),
            self.seat.person_id,
            self.seat.name,
            request,
            parent=self,
            own=True,
        )
        self.open_form(
            dialog, _("Your learning request was sent.") if request is None else _("Changes saved.")
        )

    def answer_request(self, request_id: int) -> None:
        """A request of someone in one's team, to answer."""
        request = next((r for r in self.to_me if r.id == request_id), None)
        if request is None:
            return
        dialog = RequestDialog(
            self.sessions,
            self.today(),
            request.person_id,
            request.person_name,
            request,
            parent=self,
            answering_as=self.seat.person_id,
        )
        self.open_form(dialog, _("Your answer was saved."))
