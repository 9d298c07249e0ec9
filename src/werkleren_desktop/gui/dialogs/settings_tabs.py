"""The tabs of File › Settings, one class each with its own fields, and what it puts
into the settings (as Picard's options pages do). The dialog (settings.py) holds them
together, checks the whole and stores it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from babel.dates import get_month_names
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.calendar import HOLIDAYS, WEEKDAY_NAMES, WorkCalendar
from werkleren_desktop.domain.certificates import MAX_WARNING_MONTHS
from werkleren_desktop.domain.constants import LiberationDayPolicy
from werkleren_desktop.domain.cycles import default_outline
from werkleren_desktop.domain.formatting import format_date, format_moment
from werkleren_desktop.domain.groups import MIXED_AGE_SPAN_MAX, MIXED_AGE_SPAN_MIN
from werkleren_desktop.domain.money import format_euro_plain, parse_euro
from werkleren_desktop.domain.organisation import (
    ALARM_CHOICES,
    ClosingPeriodInput,
    OrganisationSettings,
    describe_alarm,
    prepare_logo,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.dialogs.closing_periods_model import ClosingPeriodsTableModel
from werkleren_desktop.gui.widgets import date_edit, from_qdate, hint, paragraph
from werkleren_desktop.i18n import LANGUAGES, N_, _, current_language, n_
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.backups import backup_folder, list_backups, set_backup_folder

LIBERATION_CHOICES = (
    (LiberationDayPolicy.NEVER, N_("Open (a normal working day)")),
    (LiberationDayPolicy.LUSTRUM, N_("Closed in lustrum years only (2025, 2030, …)")),
    (LiberationDayPolicy.EVERY_YEAR, N_("Closed every year")),
)


def _with_hint(field: QHBoxLayout, text: str) -> QVBoxLayout:
    column = QVBoxLayout()
    column.setSpacing(4)
    column.addLayout(field)
    column.addWidget(hint(text))
    return column


class Messages(Protocol):
    """Where a tab says what went wrong: the dialog's error line."""

    def show_error(self, error: UserError) -> None: ...

    def clear_error(self) -> None: ...


class SettingsTab(QWidget):
    """One tab: its fields, filled from the settings; ``apply`` puts what they hold into
    settings (a ValidationError for what cannot be read); ``fields`` names the field a
    rule's error points at, to show it."""

    title = ""  # the English msgid of the tab's name

    def __init__(self, messages: Messages) -> None:
        super().__init__()
        self.messages = messages
        self.fields: dict[str, QWidget] = {}

    def apply(self, settings: OrganisationSettings) -> OrganisationSettings:
        return settings


class OrganisationTab(SettingsTab):
    title = N_("Organisation")

    def __init__(self, messages: Messages, settings: OrganisationSettings) -> None:
        super().__init__(messages)
        self.logo_png = settings.logo_png
        self.name_edit = QLineEdit(settings.name)
        self.name_edit.setMaxLength(250)
        self.email_edit = QLineEdit(settings.email)
        self.email_edit.setMaxLength(300)
        self.email_edit.setPlaceholderText(_("for example info@organisation.nl"))

        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(200, 90)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setStyleSheet(
            "#logoPreview { border: 1px dashed palette(mid); background: palette(base); }"
        )
        self.choose_logo_button = QPushButton(_("Choose logo…"))
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button = QPushButton(_("Remove logo"))
        self.remove_logo_button.clicked.connect(self._remove_logo)
        logo_buttons = QVBoxLayout()
        logo_buttons.setAlignment(Qt.AlignmentFlag.AlignTop)
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        self._show_logo()

        self.budget_edit = QLineEdit(format_euro_plain(settings.default_training_budget_cents))
        self.budget_edit.setMaximumWidth(160)
        budget_row = QHBoxLayout()
        budget_row.addWidget(QLabel("€"))
        budget_row.addWidget(self.budget_edit)
        budget_row.addStretch(1)

        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(settings.language))
        self.language_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        form.addRow(_("Name"), self.name_edit)
        email_row = QHBoxLayout()
        email_row.addWidget(self.email_edit)
        form.addRow(
            _("E-mail address"),
            _with_hint(
                email_row,
                _(
                    "The organiser of the sessions in the calendar file. With it, members "
                    "with an e-mail address are in the invitation; without it, the sessions "
                    "only name them."
                ),
            ),
        )
        form.addRow(
            _("Logo"),
            _with_hint(logo_row, _("The logo is printed at the top of forms and reports.")),
        )
        self.required_on_budget = QCheckBox(_("Required training counts against it too"))
        self.required_on_budget.setChecked(settings.required_training_on_budget)
        self.required_on_budget.setToolTip(
            _(
                "Training required for the job (art. 7:611a BW) is the employer's to pay "
                "and counts as working time; by default it is not charged to the "
                "personal development budget."
            )
        )
        budget_column = _with_hint(
            budget_row,
            _(
                "The default for everyone; it can be changed per person and year. Dutch "
                "employers typically make EUR 500 to 1,000 available. Required training (art. "
                "7:611a BW) is the employer's to pay: by default it does not count."
            ),
        )
        budget_column.addWidget(self.required_on_budget)
        form.addRow(_("Training budget per person per year"), budget_column)
        self.warning_box = QSpinBox()
        self.warning_box.setRange(1, MAX_WARNING_MONTHS)
        self.warning_box.setValue(settings.certificate_warning_months)
        self.warning_box.setSuffix(" " + _("months ahead"))
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning_box)
        warning_row.addStretch(1)
        form.addRow(
            _("Warn of expiring certificates"),
            _with_hint(
                warning_row,
                _(
                    "A certificate that expires within this many months is listed on the "
                    "home page and the training page."
                ),
            ),
        )
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_box)
        language_row.addStretch(1)
        form.addRow(_("Language"), language_row)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addStretch(1)
        self.fields = {
            "name": self.name_edit,
            "email": self.email_edit,
            "logo": self.choose_logo_button,
            "budget": self.budget_edit,
            "certificate_warning_months": self.warning_box,
            "language": self.language_box,
        }

    def apply(self, settings: OrganisationSettings) -> OrganisationSettings:
        return replace(
            settings,
            name=self.name_edit.text(),
            email=self.email_edit.text(),
            logo_png=self.logo_png,
            default_training_budget_cents=parse_euro(self.budget_edit.text(), field="budget"),
            required_training_on_budget=self.required_on_budget.isChecked(),
            certificate_warning_months=self.warning_box.value(),
            language=self.language_box.currentData(),
        )

    def _show_logo(self) -> None:
        if self.logo_png:
            pixmap = QPixmap()
            pixmap.loadFromData(self.logo_png)
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    self.logo_preview.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo"))
        self.remove_logo_button.setEnabled(self.logo_png is not None)

    def _choose_logo(self) -> None:
        path = prompts.choose_image_file(self)
        if path is None:
            return
        try:
            self.logo_png = prepare_logo(path.read_bytes())
        except ValidationError as error:
            self.messages.show_error(error)
            return
        except OSError as error:
            self.messages.show_error(
                UserError(
                    _("The file could not be read: {reason}").format(reason=error.strerror or error)
                )
            )
            return
        self.messages.clear_error()
        self._show_logo()

    def _remove_logo(self) -> None:
        self.logo_png = None
        self._show_logo()


class CalendarTab(SettingsTab):
    title = N_("Working days and holidays")
    changed = Signal()  # the closing days' preview follows every change

    def __init__(self, messages: Messages, settings: OrganisationSettings) -> None:
        super().__init__(messages)
        days_box = QGroupBox(_("Working days"))
        days_layout = QHBoxLayout(days_box)
        self.day_checks: dict[int, QCheckBox] = {}
        for number, name in WEEKDAY_NAMES.items():
            check = QCheckBox(_(name))
            check.setChecked(number in settings.working_days)
            check.toggled.connect(self.changed)
            self.day_checks[number] = check
            days_layout.addWidget(check)

        holidays_box = QGroupBox(_("Public holidays on which the organisation is closed"))
        grid = QGridLayout(holidays_box)
        self.holiday_checks: dict[str, QCheckBox] = {}
        for i, (key, (_package_name, label)) in enumerate(HOLIDAYS.items()):
            check = QCheckBox(_(label))
            check.setChecked(key in settings.closed_holidays)
            check.toggled.connect(self.changed)
            self.holiday_checks[key] = check
            grid.addWidget(check, i // 2, i % 2)
        self.liberation_box = QComboBox()
        for policy, label in LIBERATION_CHOICES:
            self.liberation_box.addItem(_(label), policy)
        self.liberation_box.setCurrentIndex(self.liberation_box.findData(settings.liberation_day))
        self.liberation_box.currentIndexChanged.connect(self.changed)
        row = len(HOLIDAYS) // 2 + 1
        grid.addWidget(QLabel(_("Liberation Day (5 May)")), row, 0)
        grid.addWidget(self.liberation_box, row, 1)
        grid.addWidget(
            hint(
                _(
                    "Your collective agreement (cao) decides which holidays people are off. Most "
                    "give every holiday except Good Friday; many give 5 May only every fifth year."
                )
            ),
            row + 1,
            0,
            1,
            2,
        )

        layout = QVBoxLayout(self)
        layout.addWidget(days_box)
        layout.addWidget(holidays_box)
        layout.addStretch(1)
        self.fields = {"working_days": days_box, "closed_holidays": holidays_box}

    def calendar(self, periods: tuple[ClosingPeriodInput, ...]) -> WorkCalendar:
        return WorkCalendar(
            working_days=frozenset(n for n, c in self.day_checks.items() if c.isChecked()),
            closed_holidays=frozenset(k for k, c in self.holiday_checks.items() if c.isChecked()),
            liberation_day=LiberationDayPolicy(self.liberation_box.currentData()),
            closing_periods=tuple(p.span() for p in periods),
        )

    def apply(self, settings: OrganisationSettings) -> OrganisationSettings:
        calendar = self.calendar(())
        return replace(
            settings,
            working_days=calendar.working_days,
            closed_holidays=calendar.closed_holidays,
            liberation_day=calendar.liberation_day,
        )


class ClosingDaysTab(SettingsTab):
    title = N_("Closing days")

    def __init__(
        self,
        messages: Messages,
        settings: OrganisationSettings,
        today: dt.date,
        calendar: Callable[[tuple[ClosingPeriodInput, ...]], WorkCalendar],
    ) -> None:
        super().__init__(messages)
        self.calendar = calendar  # the working days and holidays of the tab beside it
        self.periods_model = ClosingPeriodsTableModel(settings.closing_periods)
        self.periods_view = QTableView()
        self.periods_view.setModel(self.periods_model)
        self.periods_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.periods_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.periods_view.verticalHeader().hide()
        header = self.periods_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.first_day_edit = date_edit(today)
        self.last_day_edit = date_edit(today)
        self.first_day_edit.dateChanged.connect(self._first_day_changed)
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText(_("For example: company outing"))
        self.add_period_button = QPushButton(_("Add"))
        self.add_period_button.clicked.connect(self._add_period)
        self.remove_period_button = QPushButton(_("Remove selected"))
        self.remove_period_button.clicked.connect(self._remove_period)
        self.remove_period_button.setEnabled(False)
        self.periods_view.selectionModel().selectionChanged.connect(
            lambda: self.remove_period_button.setEnabled(
                self.periods_view.selectionModel().hasSelection()
            )
        )

        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(_("From")))
        add_row.addWidget(self.first_day_edit)
        add_row.addWidget(QLabel(_("to")))
        add_row.addWidget(self.last_day_edit)
        add_row.addWidget(self.description_edit, 1)
        add_row.addWidget(self.add_period_button)

        self.preview_year = QSpinBox()
        self.preview_year.setRange(2000, 2100)
        self.preview_year.setValue(today.year)
        self.preview_year.valueChanged.connect(self.update_preview)
        self.preview_list = QListWidget()
        preview_header = QHBoxLayout()
        preview_header.addWidget(QLabel(_("All days the organisation is closed in")))
        preview_header.addWidget(self.preview_year)
        preview_header.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                _(
                    "Extra days on which the organisation is closed, such as a company outing or "
                    "the week between Christmas and New Year. No week cycle is planned on them."
                )
            )
        )
        layout.addWidget(self.periods_view, 2)
        layout.addLayout(add_row)
        layout.addWidget(self.remove_period_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(preview_header)
        layout.addWidget(self.preview_list, 2)
        self.fields = {"closing_periods": self.first_day_edit}

    def apply(self, settings: OrganisationSettings) -> OrganisationSettings:
        return replace(settings, closing_periods=self.periods_model.periods)

    def _first_day_changed(self, value: QDate) -> None:
        if self.last_day_edit.date() < value:
            self.last_day_edit.setDate(value)

    def _add_period(self) -> None:
        period = ClosingPeriodInput(
            from_qdate(self.first_day_edit.date()),
            from_qdate(self.last_day_edit.date()),
            self.description_edit.text(),
        )
        try:
            period = period.validated()
        except ValidationError as error:
            self.messages.show_error(error)
            return
        self.messages.clear_error()
        row = self.periods_model.add(period)
        self.periods_view.selectRow(row)
        self.description_edit.clear()
        self.preview_year.setValue(period.first_day.year)
        self.update_preview()

    def _remove_period(self) -> None:
        rows = self.periods_view.selectionModel().selectedRows()
        if rows:
            self.periods_model.remove(rows[0].row())
            self.update_preview()

    def update_preview(self) -> None:
        year = self.preview_year.value()
        self.preview_list.clear()
        calendar = self.calendar(self.periods_model.periods)
        days = list(calendar.closed_days(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        for closed in days:
            self.preview_list.addItem(f"{format_date(closed.day, 'full')} — {closed.reason}")
        if not days:
            self.preview_list.addItem(_("No closing days on working days in this year."))


class WeekCycleTab(SettingsTab):
    title = N_("Week cycle")

    def __init__(self, messages: Messages, settings: OrganisationSettings) -> None:
        super().__init__(messages)
        themes = settings.cycle_outline or tuple(default_outline())
        self.outline_edits = [QLineEdit(theme) for theme in themes]
        self.default_outline_button = QPushButton(_("Restore the program's outline"))
        self.default_outline_button.clicked.connect(self._restore_outline)
        form = QFormLayout()
        for number, edit in enumerate(self.outline_edits, start=1):
            form.addRow(_("Theme of day {n}").format(n=number), edit)
        # the item data are minutes, 0 for none (a QVariant holds no None)
        self.alarm_box = QComboBox()
        stored = settings.calendar_alarm_minutes or 0
        for minutes in sorted({0, *ALARM_CHOICES, stored}):
            self.alarm_box.addItem(describe_alarm(minutes or None), minutes)
        self.alarm_box.setCurrentIndex(self.alarm_box.findData(stored))
        self.alarm_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        alarm_row = QHBoxLayout()
        alarm_row.addWidget(self.alarm_box)
        alarm_row.addStretch(1)
        calendar_box = QGroupBox(_("Calendar file"))
        calendar_form = QFormLayout(calendar_box)
        calendar_form.addRow(
            _("Reminder"),
            _with_hint(
                alarm_row,
                _("Outlook, Google Calendar and Thunderbird remind the members of each session."),
            ),
        )
        column = QVBoxLayout(self)
        column.addWidget(
            paragraph(
                _(
                    "The themes a new week cycle starts with; they can still be changed per cycle. "
                    "Every day leaves room for meaning and vitality."
                )
            )
        )
        self.span_box = QSpinBox()
        self.span_box.setRange(MIXED_AGE_SPAN_MIN, MIXED_AGE_SPAN_MAX)
        self.span_box.setValue(settings.mixed_age_span)
        self.span_box.setSuffix(" " + _("years"))
        span_row = QHBoxLayout()
        span_row.addWidget(self.span_box)
        span_row.addStretch(1)
        groups_box = QGroupBox(_("Learning groups of young and old"))
        groups_form = QFormLayout(groups_box)
        groups_form.addRow(
            _("Mixed when"),
            _with_hint(
                span_row,
                _(
                    "A group mixes generations when its youngest and its oldest member are at "
                    "least this many years apart. The groups page counts who is in such a group."
                ),
            ),
        )
        column.addLayout(form)
        column.addWidget(self.default_outline_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addSpacing(8)
        column.addWidget(calendar_box)
        column.addWidget(groups_box)
        column.addStretch(1)
        self.fields = {
            "cycle_outline": self.outline_edits[0],
            "calendar_alarm": self.alarm_box,
            "mixed_age_span": self.span_box,
        }

    def apply(self, settings: OrganisationSettings) -> OrganisationSettings:
        return replace(
            settings,
            cycle_outline=self._outline(),
            calendar_alarm_minutes=self.alarm_box.currentData() or None,
            mixed_age_span=self.span_box.value(),
        )

    def _restore_outline(self) -> None:
        for edit, theme in zip(self.outline_edits, default_outline(), strict=True):
            edit.setText(theme)

    def _outline(self) -> tuple[str, ...] | None:
        themes = tuple(edit.text() for edit in self.outline_edits)
        return None if list(themes) == default_outline() else themes


class ConversationsTab(SettingsTab):
    title = N_("Conversations")

    def __init__(self, messages: Messages, settings: OrganisationSettings) -> None:
        super().__init__(messages)
        months = settings.conversation_months
        self.from_service_radio = QRadioButton(
            _("Every six months, counted from each person's date in service")
        )
        self.fixed_months_radio = QRadioButton(_("In fixed months for everyone:"))
        names = get_month_names("wide", locale=current_language())
        self.month_boxes = (QComboBox(), QComboBox())
        for box, default in zip(self.month_boxes, months or (3, 9), strict=True):
            for number in range(1, 13):
                box.addItem(names[number], number)
            box.setCurrentIndex(default - 1)
            box.setEnabled(months is not None)
        for box in self.month_boxes:
            self.fixed_months_radio.toggled.connect(box.setEnabled)
        (self.fixed_months_radio if months else self.from_service_radio).setChecked(True)
        fixed_row = QHBoxLayout()
        fixed_row.addWidget(self.fixed_months_radio)
        fixed_row.addWidget(self.month_boxes[0])
        fixed_row.addWidget(QLabel(_("and")))
        fixed_row.addWidget(self.month_boxes[1])
        fixed_row.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(
            paragraph(
                _(
                    "Twice a year each professional holds a talent-development conversation "
                    "with the direct manager. When are they due?"
                )
            )
        )
        column.addWidget(self.from_service_radio)
        column.addLayout(fixed_row)
        column.addWidget(
            hint(
                _(
                    "With fixed months a conversation is due by the end of the month; the "
                    "conversations page and the home page show who is due and overdue."
                )
            )
        )
        column.addStretch(1)
        self.fields = {"conversation_months": self.month_boxes[0]}

    def apply(self, settings: OrganisationSettings) -> OrganisationSettings:
        return replace(settings, conversation_months=self._conversation_months())

    def _conversation_months(self) -> tuple[int, int] | None:
        if not self.fixed_months_radio.isChecked():
            return None
        first, second = (box.currentData() for box in self.month_boxes)
        return (first, second)


class DataTab(SettingsTab):
    """Where the data live, where backups go, and how to keep a laptop safe."""

    title = N_("Data and backups")

    def __init__(
        self, messages: Messages, settings: OrganisationSettings, paths: DataPaths
    ) -> None:
        super().__init__(messages)
        self.paths = paths
        """Where the data live, where backups go, and how to keep a laptop safe."""
        self.data_folder_label = paragraph(str(paths.root))
        self.data_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_folder_label = paragraph("")
        self.backup_folder_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.last_backup_label = paragraph("")
        self.retention_box = QSpinBox()
        self.retention_box.setRange(6, 120)
        self.retention_box.setSuffix(" " + _("months"))
        self.retention_box.setValue(settings.retention_months)
        self.choose_backup_button = QPushButton(_("Choose a folder…"))
        self.choose_backup_button.clicked.connect(self._choose_backup_folder)
        self.default_backup_button = QPushButton(_("Back to the data folder"))
        self.default_backup_button.clicked.connect(lambda: self._set_backup_folder(None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_backup_button)
        buttons.addWidget(self.default_backup_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Data folder"), self.data_folder_label)
        form.addRow(_("Backups"), self.backup_folder_label)
        form.addRow("", buttons)
        form.addRow(_("Last backup"), self.last_backup_label)
        form.addRow(_("Review leavers after"), self.retention_box)
        column = QVBoxLayout(self)
        column.addWidget(paragraph(self._where_text()))
        column.addLayout(form)
        column.addWidget(hint(self._backups_text()))
        column.addStretch(1)
        self.show_backups()
        self.fields = {"retention_months": self.retention_box}

    def apply(self, settings: OrganisationSettings) -> OrganisationSettings:
        return replace(settings, retention_months=self.retention_box.value())

    def _where_text(self) -> str:
        from werkleren_desktop.storage.server import described_url

        if self.paths.server_url:
            return _(
                "The data are on the shared server {server} (File › Shared server). This "
                "computer keeps the drafts of open forms and the window's layout in the data "
                "folder, and on the administrator's computer a daily backup of the server's "
                "data: switch on disk encryption (BitLocker on Windows, FileVault on a Mac)."
            ).format(server=described_url(self.paths.server_url))
        return _(
            "Everything is stored in one file in the data folder on this computer; "
            "nothing is sent anywhere. It holds personnel data and conversation "
            "notes: switch on disk encryption (BitLocker on Windows, FileVault on "
            "a Mac), because a lost laptop without it is a data breach."
        )

    def _backups_text(self) -> str:
        if self.paths.on_server:
            return _(
                "On the administrator's computer a backup of the server's data is made "
                "when the program starts (once a day), before an update of the server and "
                "before an import; on any computer with File › Back up now. They are kept "
                "as on a laptop: the last two days, then one a day, a week and a month for "
                "about a year. A backup is restored into a new database on the server "
                "(werkleren server move), never over the data in use."
            )
        return _(
            "A backup is made when the program starts (once a day, when something "
            "changed), before an import, an update or a restore, and with File › "
            "Back up now. Backups of the last two days stay, then one a day, a week "
            "and a month for about a year. A folder on a USB stick or an encrypted "
            "drive keeps them apart from the laptop."
        )

    def show_backups(self) -> None:
        folder = backup_folder(self.paths)
        self.backup_folder_label.setText(str(folder))
        self.default_backup_button.setEnabled(folder != self.paths.backups)
        backups = list_backups(folder)
        self.last_backup_label.setText(
            n_(
                "{moment} ({n} backup in the folder)",
                "{moment} ({n} backups in the folder)",
                len(backups),
            ).format(moment=format_moment(backups[0].made_at), n=len(backups))
            if backups
            else _("No backup yet.")
        )

    def _choose_backup_folder(self) -> None:
        folder = prompts.choose_folder(
            self, _("Choose the backup folder"), backup_folder(self.paths)
        )
        if folder is not None:
            self._set_backup_folder(folder)

    def _set_backup_folder(self, folder: Path | None) -> None:
        try:
            set_backup_folder(self.paths, folder)
        except UserError as error:
            self.messages.show_error(error)
            return
        self.messages.clear_error()
        self.show_backups()
