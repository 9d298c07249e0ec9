"""Reminders as a calendar file, from the home page: how many days ahead the alarms go
off, then where the file goes (services.reminders)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QSpinBox, QWidget

from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.reminders import DEFAULT_DAYS, MAX_DAYS, check_days


class RemindersDialog(FormDialog):
    """The alarms' days ahead; Save asks where the file goes (the page writes it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Reminders in your calendar"), parent)
        self.save_button.setText(_("Save as…"))
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(" " + _("days before"))
        self.days.setMinimumWidth(170)
        self.days.setMaximumWidth(220)
        self.fields = {"days": self.days}
        self.chosen_days: int | None = None
        form = QFormLayout()
        explanation = hint(
            _(
                "A calendar file with a whole-day reminder for each talent conversation that "
                "is planned or due this half year, and each certificate that expires within "
                "a year or may still be renewed by a refresher; each with an alarm at 09:00. "
                "Open it in Outlook, Thunderbird or Apple Calendar. A newer file updates "
                "the reminders and takes out those no longer due. (Google Calendar takes "
                "the reminders but not their alarms.)"
            )
        )
        explanation.setMinimumWidth(440)  # (a form sizes a wrapped line by its narrow width)
        form.addRow(explanation)
        form.addRow(_("Alarm"), self.days)
        self.setMinimumWidth(500)
        self.finish_layout(form)
        self.days.setFocus()

    def save(self) -> None:
        self.chosen_days = check_days(self.days.value())
