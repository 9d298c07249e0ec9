"""File › Settings: the organisation, working days and holidays, closing days, the
week cycle, the guiding questions, the conversations and the data folder. Each tab is
a class of its own (settings_tabs.py); the dialog checks the whole and stores it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.cycles import clean_methods
from werkleren_desktop.domain.organisation import SETTING_FIELDS, OrganisationSettings
from werkleren_desktop.domain.situations import QuestionRow, clean_questions
from werkleren_desktop.errors import EditConflictError, UserError, ValidationError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.dialogs.conflict import Choice, ConflictDialog, PartChange
from werkleren_desktop.gui.dialogs.methods_editor import MethodsEditor
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
from werkleren_desktop.i18n import N_, _, n_
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.organisation import read_settings, save_settings
from werkleren_desktop.services.situations import list_questions
from werkleren_desktop.services.versions import Stamp, my_login
from werkleren_desktop.services.workbook import list_methods


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
        stamp: Stamp | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.paths = paths
        self.today = today
        self.original = settings
        # the organisation's version as read (None: not compared, a save goes over it)
        self.version = stamp.version if stamp is not None and stamp.version else None
        self.conflict: ConflictDialog | None = None
        self.took_theirs = False  # the other's settings were taken: nothing of ours saved
        self.setWindowTitle(_("Settings"))
        self.setMinimumSize(720, 560)
        self.error_label = ErrorLabel()
        self.questions_editor = QuestionsEditor(list_questions(sessions, include_retired=True))
        self.methods_editor = MethodsEditor(list_methods(sessions, include_retired=True))
        self.tabs = QTabWidget()
        self._build_tabs(settings)
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
        self.organisation_tab.name_edit.setFocus()  # the keyboard starts at the first field
        # every tab in sight, no scroll arrows (the screen caps it: see gui/screen_fit.py)
        self.resize(max(720, self.tabs.tabBar().sizeHint().width() + 40), 600)

    def _build_tabs(self, settings: OrganisationSettings) -> None:
        """The tabs, filled with ``settings`` (again, when the other's are taken)."""
        current = self.tabs.currentIndex()
        while self.tabs.count():
            old = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if old is not None and old not in (self.questions_editor, self.methods_editor):
                old.deleteLater()
        self.organisation_tab = OrganisationTab(self, settings)
        self.calendar_tab = CalendarTab(self, settings)
        self.closing_tab = ClosingDaysTab(self, settings, self.today(), self.calendar_tab.calendar)
        self.calendar_tab.changed.connect(self.closing_tab.update_preview)
        self.cycle_tab = WeekCycleTab(self, settings)
        self.conversations_tab = ConversationsTab(self, settings)
        self.data_tab = DataTab(self, settings, self.paths) if self.paths is not None else None
        self.setting_tabs: list[SettingsTab] = [
            self.organisation_tab,
            self.calendar_tab,
            self.closing_tab,
            self.cycle_tab,
            self.conversations_tab,
        ]
        if self.data_tab is not None:
            self.setting_tabs.append(self.data_tab)
        for tab in self.setting_tabs[:4]:
            self.tabs.addTab(tab, _(tab.title))
        self.tabs.addTab(self.questions_editor, _("Guiding questions"))
        self.tabs.addTab(self.methods_editor, _("Working methods"))
        for tab in self.setting_tabs[4:]:
            self.tabs.addTab(tab, _(tab.title))
        self.tabs.setCurrentIndex(max(current, 0))
        self.closing_tab.update_preview()

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
        if field == "methods":
            self.tabs.setCurrentWidget(self.methods_editor)
            self.methods_editor.name.setFocus()
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
        if self.conflict is not None:
            return True
        if self.questions_editor.has_changes() or self.methods_editor.has_changes():
            return True
        try:
            return self.settings_from_form().validated() != self.original.validated()
        except ValidationError:
            return True

    def accept(self) -> None:
        try:
            # both checked before either is stored
            questions = clean_questions(self.questions_editor.rows())
            clean_methods(self.methods_editor.rows())
            settings = self.settings_from_form().validated()
            self._store(settings, questions)
        except EditConflictError:
            self.resolve_conflict()
        except ValidationError as error:
            self.show_error(error)
        except UserError as error:
            self.error_label.show_message(str(error))
        except Exception as error:  # the dialog stays open with what was entered
            self.error_label.show_message(
                _("Not saved: {what} What you entered is still here.").format(
                    what=errors.unexpected_sentence(error, errors.log_unexpected(error))
                )
            )

    def _store(self, settings: OrganisationSettings, questions: list[QuestionRow]) -> None:
        stored = save_settings(
            self.sessions,
            settings,
            questions if self.questions_editor.has_changes() else None,
            self.version,
            self.methods_editor.rows() if self.methods_editor.has_changes() else None,
        )
        self.original = stored
        self.saved.emit(stored)
        super().accept()

    # --- someone else saved the settings meanwhile -----------------------------------

    def resolve_conflict(self) -> None:
        """Show, field by field, what the user and the other changed; a field only one
        of them changed keeps that one's, where both did the user chooses."""
        mine = self.settings_from_form().validated()
        theirs, stamp = read_settings(self.sessions)
        if theirs is None:
            self.error_label.show_message(_("There is no organisation yet; start one first."))
            return
        changes = [
            PartChange(
                name,
                _(SETTING_LABELS.get(name, name)),
                describe_setting(name, getattr(mine, name)),
                describe_setting(name, getattr(theirs, name)),
                mine_changed=getattr(mine, name) != getattr(self.original, name),
                theirs_changed=getattr(theirs, name) != getattr(self.original, name),
            )
            for name in SETTING_FIELDS
            if getattr(mine, name) != getattr(theirs, name)
        ]
        if not any(change.theirs_changed for change in changes):
            self.version = stamp.version  # nothing of theirs differs from the form
            self.accept()
            return
        self.conflict = ConflictDialog(
            _("the settings"), stamp, changes, my_login(self.sessions), self
        )
        self.conflict.finished.connect(lambda _result: self._conflict_chosen(mine, theirs, stamp))
        self.conflict.open()

    def _conflict_chosen(
        self, mine: OrganisationSettings, theirs: OrganisationSettings, stamp: Stamp
    ) -> None:
        conflict, self.conflict = self.conflict, None
        if conflict is None or conflict.choice is Choice.BACK:
            return
        conflict.deleteLater()
        self.version = stamp.version  # the other's version is the one built on now
        if conflict.choice is Choice.THEIRS:
            self.original = theirs
            self.took_theirs = True
            self._build_tabs(theirs)
            self.error_label.show_message(
                _("The form now shows the other's version; nothing of yours was saved.")
            )
            return
        chosen = conflict.chosen_theirs() if conflict.choice is Choice.MERGE else set()
        merged = replace(mine, **{name: getattr(theirs, name) for name in chosen})
        self.original = theirs  # what a later conflict compares with
        try:
            questions = clean_questions(self.questions_editor.rows())
            self._store(merged, questions)
        except EditConflictError:
            self.resolve_conflict()  # yet another save came between: the choice again
        except UserError as error:
            self.error_label.show_message(str(error))

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


# --- the settings as the choice between two versions shows them -----------------------

SETTING_LABELS: dict[str, str] = {
    "name": N_("Name"),
    "logo_png": N_("Logo"),
    "working_days": N_("Working days"),
    "closed_holidays": N_("Public holidays on which the organisation is closed"),
    "liberation_day": N_("Liberation Day (5 May)"),
    "default_training_budget_cents": N_("Training budget per person per year"),
    "required_training_on_budget": N_("Required training counts against it too"),
    "language": N_("Language"),
    "closing_periods": N_("Closing days"),
    "cycle_outline": N_("Week cycle"),
    "conversation_months": N_("Talent conversations"),
    "retention_months": N_("Months after leaving before review"),
    "email": N_("E-mail address"),
    "calendar_alarm_minutes": N_("Reminder"),
    "mixed_age_span": N_("Years between youngest and oldest"),
    "certificate_warning_months": N_("Warn of expiring certificates"),
}


def describe_setting(name: str, value: object) -> str:
    """A setting's value in words, for the choice between the user's and the other's."""
    from babel.dates import get_month_names

    from werkleren_desktop.domain.calendar import HOLIDAYS, WEEKDAY_NAMES
    from werkleren_desktop.domain.formatting import format_date, format_list
    from werkleren_desktop.domain.money import format_euro
    from werkleren_desktop.domain.organisation import ClosingPeriodInput, describe_alarm
    from werkleren_desktop.gui.dialogs.settings_tabs import LIBERATION_CHOICES
    from werkleren_desktop.i18n import LANGUAGES, current_language

    if name == "logo_png":
        return _("A logo") if value else _("No logo")
    if name == "working_days" and isinstance(value, frozenset):
        return ", ".join(_(WEEKDAY_NAMES[day]) for day in sorted(value))
    if name == "closed_holidays" and isinstance(value, frozenset):
        closed = [_(label) for key, (_name, label) in HOLIDAYS.items() if key in value]
        return ", ".join(closed) or _("None")
    if name == "liberation_day":
        return next((_(label) for policy, label in LIBERATION_CHOICES if policy == value), "")
    if name == "default_training_budget_cents" and isinstance(value, int):
        return format_euro(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if name == "language" and isinstance(value, str):
        return LANGUAGES.get(value, value)
    if name == "closing_periods" and isinstance(value, tuple):
        periods = [p for p in value if isinstance(p, ClosingPeriodInput)]
        return "; ".join(
            f"{format_date(p.first_day, 'short')}–{format_date(p.last_day, 'short')}"
            + (f" {p.description}" if p.description else "")
            for p in periods
        ) or _("None")
    if name == "cycle_outline":
        return " · ".join(value) if isinstance(value, tuple) else _("The program's outline")
    if name == "conversation_months":
        if not isinstance(value, tuple):
            return _("Every six months, counted from each person's date in service")
        months = get_month_names("wide", locale=current_language())
        return format_list([str(months[m]) for m in value])
    if name == "retention_months" and isinstance(value, int):
        return n_("{n} month", "{n} months", value).format(n=value)
    if name == "calendar_alarm_minutes":
        return describe_alarm(value if isinstance(value, int) else None)
    if name == "mixed_age_span" and isinstance(value, int):
        return n_("{n} year", "{n} years", value).format(n=value)
    if name == "certificate_warning_months" and isinstance(value, int):
        return n_("{n} month ahead", "{n} months ahead", value).format(n=value)
    return str(value) if value else "—"
