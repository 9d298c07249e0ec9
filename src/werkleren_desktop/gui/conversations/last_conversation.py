"""Noting for many people at once when their last talent conversation was held: the
first day with real data, before the program kept records of them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import date_edit, from_qdate, hint
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.conversations import DueRow
from werkleren_desktop.services.people import note_last_conversation

NAMES_SHOWN = 12


class LastConversationDialog(FormDialog):
    """One date for the chosen people; a date that does not fit someone names them and
    the dialog stays open."""

    def __init__(
        self,
        sessions: SessionFactory,
        rows: list[DueRow],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Note the last conversation"), parent)
        self.sessions = sessions
        self.rows = rows
        self.today = today
        self.noted = 0
        names = ", ".join(r.person_name for r in rows[:NAMES_SHOWN])
        if len(rows) > NAMES_SHOWN:
            names += " " + _("and {n} more").format(n=len(rows) - NAMES_SHOWN)
        who = QLabel(names)
        who.setWordWrap(True)
        known = [r.last_held_on for r in rows if r.last_held_on is not None]
        self.held_on = date_edit(max(known) if len(known) == len(rows) and known else today)
        self.forget = QCheckBox(_("Forget the noted date (no conversation known)"))
        self.forget.toggled.connect(lambda on: self.held_on.setEnabled(not on))
        self.fields = {"last_conversation_on": self.held_on}

        form = QFormLayout()
        form.addRow(n_("For {n} person", "For {n} people", len(rows)).format(n=len(rows)), who)
        form.addRow(_("Held on"), self.held_on)
        form.addRow("", self.forget)
        form.addRow(
            "",
            hint(
                _(
                    "For the time before this program kept records. A conversation held "
                    "in this half year counts as held; one recorded later under "
                    "Conversations counts by itself."
                )
            ),
        )
        self.setMinimumWidth(480)
        self.finish_layout(form)
        self.held_on.setFocus()

    def snapshot(self) -> object:
        return (self.held_on.date(), self.forget.isChecked())

    def save(self) -> None:
        day = None if self.forget.isChecked() else from_qdate(self.held_on.date())
        self.noted = note_last_conversation(
            self.sessions, [r.person_id for r in self.rows], day, self.today
        )
