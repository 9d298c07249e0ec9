"""File › Settings: the organisation, working days and holidays, closing days, the
week cycle, the guiding questions, the conversations and the data folder. Each tab is
a class of its own (settings_tabs.py); the dialog checks the whole and stores it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.situations import clean_questions
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.dialogs.questions_editor import QuestionsEditor
from werkleren_desktop.gui.dialogs.settings_tabs import (
    CalendarTab,
    ClosingDaysTab,
    ConversationsTab,
    DataTab,
    OrganisationTab,
    SettingsTab,
    WeekCycleTab,
)
from werkleren_desktop.gui.widgets import ErrorLabel
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.organisation import save_settings
from werkleren_desktop.services.situations import list_questions


class _OnTab:
    """A field of one of the tabs, reached from the dialog (``dialog.name_edit``): the
    fields the keyboard and the tests address, listed once below."""

    def __init__(self, tab: str) -> None:
        self.tab = tab
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, dialog: Any, owner: type | None = None) -> Any:
        if dialog is None:
            return self  # asked of the class itself
        return getattr(getattr(dialog, self.tab), self.name)


class SettingsDialog(QDialog):
    saved = Signal(object)  # the OrganisationSettings as stored

    # the tabs' fields by their own names
    name_edit = _OnTab("organisation_tab")
    email_edit = _OnTab("organisation_tab")
    budget_edit = _OnTab("organisation_tab")
    required_on_budget = _OnTab("organisation_tab")
    language_box = _OnTab("organisation_tab")
    logo_preview = _OnTab("organisation_tab")
    choose_logo_button = _OnTab("organisation_tab")
    remove_logo_button = _OnTab("organisation_tab")
    day_checks = _OnTab("calendar_tab")
    holiday_checks = _OnTab("calendar_tab")
    liberation_box = _OnTab("calendar_tab")
    periods_model = _OnTab("closing_tab")
    periods_view = _OnTab("closing_tab")
    first_day_edit = _OnTab("closing_tab")
    last_day_edit = _OnTab("closing_tab")
    description_edit = _OnTab("closing_tab")
    add_period_button = _OnTab("closing_tab")
    remove_period_button = _OnTab("closing_tab")
    preview_year = _OnTab("closing_tab")
    preview_list = _OnTab("closing_tab")
    outline_edits = _OnTab("cycle_tab")
    default_outline_button = _OnTab("cycle_tab")
    alarm_box = _OnTab("cycle_tab")
    from_service_radio = _OnTab("conversations_tab")
    fixed_months_radio = _OnTab("conversations_tab")
    month_boxes = _OnTab("conversations_tab")
    data_folder_label = _OnTab("data_tab")
    backup_folder_label = _OnTab("data_tab")
    last_backup_label = _OnTab("data_tab")
    choose_backup_button = _OnTab("data_tab")
    default_backup_button = _OnTab("data_tab")
    retention_box = _OnTab("data_tab")

    def __init__(
        self,
        sessions: SessionFactory,
        settings: OrganisationSettings,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        paths: DataPaths | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.paths = paths
        self.original = settings
        self.setWindowTitle(_("Settings"))
        self.setMinimumSize(720, 560)
        self.error_label = ErrorLabel()

        self.organisation_tab = OrganisationTab(self, settings)
        self.calendar_tab = CalendarTab(self, settings)
        self.closing_tab = ClosingDaysTab(self, settings, today(), self.calendar_tab.calendar)
        self.calendar_tab.changed.connect(self.closing_tab.update_preview)
        self.cycle_tab = WeekCycleTab(self, settings)
        self.questions_editor = QuestionsEditor(list_questions(sessions, include_retired=True))
        self.conversations_tab = ConversationsTab(self, settings)
        self.data_tab = DataTab(self, settings, paths) if paths is not None else None
        self.setting_tabs: list[SettingsTab] = [
            self.organisation_tab,
            self.calendar_tab,
            self.closing_tab,
            self.cycle_tab,
            self.conversations_tab,
        ]
        if self.data_tab is not None:
            self.setting_tabs.append(self.data_tab)

        self.tabs = QTabWidget()
        for tab in self.setting_tabs[:4]:
            self.tabs.addTab(tab, _(tab.title))
        self.tabs.addTab(self.questions_editor, _("Guiding questions"))
        for tab in self.setting_tabs[4:]:
            self.tabs.addTab(tab, _(tab.title))
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.closing_tab.update_preview()
        self.organisation_tab.name_edit.setFocus()  # the keyboard starts at the first field
        # every tab in sight, no scroll arrows (the screen caps it: see gui/screen_fit.py)
        self.resize(max(720, self.tabs.tabBar().sizeHint().width() + 40), 600)

    def _show_backups(self) -> None:
        if self.data_tab is not None:
            self.data_tab.show_backups()

    def settings_from_form(self) -> OrganisationSettings:
        """What the form says, as settings; raises ValidationError for a bad amount."""
        settings = self.original
        for tab in self.setting_tabs:
            settings = tab.apply(settings)
        return settings

    # --- the tabs' messages -----------------------------------------------------------

    def show_error(self, error: UserError) -> None:
        """Say what is wrong; for a rule of a field, show its tab and the field."""
        self.error_label.show_message(str(error))
        field = getattr(error, "field", None) or ""
        if field == "questions":
            self.tabs.setCurrentWidget(self.questions_editor)
        for tab in self.setting_tabs:
            widget = tab.fields.get(field)
            if widget is not None:
                self.tabs.setCurrentWidget(tab)
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                return

    def clear_error(self) -> None:
        self.error_label.clear_message()

    def has_unsaved_changes(self) -> bool:
        if self.questions_editor.has_changes():
            return True
        try:
            return self.settings_from_form().validated() != self.original.validated()
        except ValidationError:
            return True

    def accept(self) -> None:
        try:
            # both checked before either is stored
            questions = clean_questions(self.questions_editor.rows())
            settings = self.settings_from_form().validated()
            stored = save_settings(
                self.sessions, settings, questions if self.questions_editor.has_changes() else None
            )
        except ValidationError as error:
            self.show_error(error)
            return
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        except Exception as error:  # the dialog stays open with what was entered
            self.error_label.show_message(
                _("Not saved: {what} What you entered is still here.").format(
                    what=errors.unexpected_sentence(error, errors.log_unexpected(error))
                )
            )
            return
        self.original = stored
        self.saved.emit(stored)
        super().accept()

    def discard(self) -> None:
        """Close without saving and without asking (the user already chose to)."""
        super().reject()

    def reject(self) -> None:
        if self.has_unsaved_changes() and not prompts.confirm(
            self,
            _("Unsaved changes"),
            _("Discard the changes to the settings?"),
            _("Discard changes"),
            _("Keep editing"),
            destructive=True,
        ):
            return
        super().reject()
