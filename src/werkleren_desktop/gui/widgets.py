"""Small building blocks shared by pages and dialogs."""

from __future__ import annotations

import datetime as dt
import heapq
import html
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import folded, found_spans
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import _


def heading(text: str, size: float = 1.6, selectable: bool = True) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * size)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def link_paragraph(on_link: Callable[[str], None]) -> QLabel:
    """A paragraph of rich text whose links do something (open a record, start a new
    one): clicked, or reached with Tab and followed with Enter."""
    label = paragraph("")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.linkActivated.connect(on_link)
    label.installEventFilter(_LinkFocus(label))
    return label


class _LinkFocus(QObject):
    """Tab into a paragraph of links lands on its first link (Shift+Tab on its last),
    so that Enter follows it at once: QLabel alone takes the focus without a link
    and needs a second Tab before Enter does anything."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLabel)
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusIn
            and event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        ):
            forward = event.reason() == Qt.FocusReason.TabFocusReason
            # from the edge it is entered at: the label keeps its cursor from a visit before
            document = QTextDocument()
            document.setHtml(watched.text())
            watched.setSelection(0 if forward else document.characterCount() - 1, 0)
            watched.focusNextPrevChild(forward)
        return False


def hint(text: str) -> QLabel:
    """Explanation beside a field: smaller and quieter than the field itself."""
    label = paragraph(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 0.92)
    label.setFont(font)
    label.setObjectName("hint")
    label.setStyleSheet("#hint { color: palette(placeholder-text); }")
    return label


class ErrorLabel(QLabel):
    """A validation message near the form; empty and hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.setStyleSheet("#errorLabel { color: #b00020; font-weight: bold; }")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.show_message("")


class Card(QFrame):
    """A framed panel with a title, used on the home and welcome pages."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#card { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 8px; }"
        )
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 16, 18, 16)
        self.body.setSpacing(8)
        self.title_label = heading(title, 1.15)
        self.body.addWidget(self.title_label)


class Banner(QFrame):
    """A yellow strip with a notice and its buttons: the demo, a draft kept after a crash."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(
            "#banner { background: #fff4ce; border: 1px solid #e0c36a; }"
            "#banner QLabel { color: #4a3b00; }"
        )
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(16, 8, 16, 8)
        self.row.addWidget(self.label, 1)

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        self.row.addWidget(button)
        return button


class DraftBanner(Banner):
    """Offers back a form that was not saved when the program closed unexpectedly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.resume_button = self.add_button(_("Continue filling it in"))
        self.discard_button = self.add_button(_("Discard"))
        self.hide()

    def offer(self, text: str | None) -> None:
        """Show ``text`` (the waiting draft, described), or hide when there is none."""
        self.setVisible(text is not None)
        if text is not None:
            self.label.setText(text)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    """A date typed as it is written, 15-03-2021 or 1-3-2021: when a part is complete Qt
    moves on by itself, so the dash typed after it must not skip the next part too."""

    def __init__(self, day: QDate) -> None:
        super().__init__(day)
        self._moved_on = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in "-/." and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSectionIndex() != before

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.setCurrentSectionIndex(0)  # typing replaces the date from its first part
            self.setSelectedSection(self.sectionAt(0))
        self._moved_on = False


def date_edit(day: dt.date) -> QDateEdit:
    """A date field as Dutch forms write dates, with a calendar to pick from."""
    edit = DateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(QDate(1920, 1, 1))
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a check box switches the date field on."""

    def __init__(
        self, label: str, value: dt.date | None, default: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = date_edit(value or default)
        self.edit.setAccessibleName(label.replace("&", ""))
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))

    # as a part of a form (gui.form_parts)
    def part_value(self) -> dt.date | None:
        return self.value()

    def set_part_value(self, value: dt.date | None) -> None:
        self.set_value(value)

    def part_text(self) -> str:
        value = self.value()
        return format_date(value) if value is not None else ""


def section(title: str) -> QLabel:
    """A small bold heading inside a panel."""
    label = QLabel(title)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls when the window is small."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(content)
    return scroll


def list_table(model: QAbstractItemModel, widths: dict[int, int]) -> QTableView:
    """A read-only list of records: whole rows selected one at a time, compact lines."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Berg-IJz…erman, Zoë"
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    keyboard_table(table)
    fit_columns_to_content(table)
    return table


def fit_columns_to_content(table: QTableView) -> None:
    """Columns as wide as what they hold, each time the list is filled or resized; when
    that is wider than the list, the widest give way (their texts cut in the middle,
    whole in the tooltip) and no column gets narrower than its header."""
    fitter = _ColumnFitter(table)
    table.viewport().installEventFilter(fitter)
    model = table.model()
    model.modelReset.connect(fitter.fit)
    model.layoutChanged.connect(fitter.fit)
    table.setProperty("column_fitter", fitter)


_CELL_SLACK = 6  # pixels beyond the widest text, so that nothing touches the grid
_CELL_PADDING = 2 * 4 + _CELL_SLACK  # the cell's own margins, left and right, and the slack
_MEASURED = 12  # the longest texts of a column, by characters, whose width is measured
_FIRST_KEEPS = 18  # characters of the first column that stay readable however narrow


class _ColumnFitter(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _content_width(self, column: int) -> int:
        """The widest text of the column, measured on its longest texts only: asking Qt
        for every cell's size took 140 ms for 500 rows, on every keystroke of a search."""
        table, model = self.table, self.table.model()
        rows = model.rowCount()
        if not isinstance(model, RowsTableModel):  # not one of ours: Qt's own measure
            return table.sizeHintForColumn(column) + _CELL_SLACK
        longest = heapq.nlargest(_MEASURED, (model.texts(r)[column] for r in range(rows)), key=len)
        metrics = table.fontMetrics()
        return max((metrics.horizontalAdvance(t) for t in longest), default=0) + _CELL_PADDING

    def fit(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        columns = [c for c in range(table.model().columnCount()) if not header.isSectionHidden(c)]
        if not columns or not table.model().rowCount():
            return
        natural = {c: max(self._content_width(c), header.sectionSizeHint(c)) for c in columns}
        least = {c: min(natural[c], header.sectionSizeHint(c)) for c in columns}
        # the first column (a name, a title) keeps enough to be read: where the others
        # cannot make room, the list scrolls sideways rather than cut it to "Z…n"
        readable = table.fontMetrics().averageCharWidth() * _FIRST_KEEPS + _CELL_PADDING
        least[columns[0]] = min(natural[columns[0]], max(least[columns[0]], readable))
        widths = dict(natural)
        excess = sum(natural.values()) - table.viewport().width()
        if table.property("scrolls_sideways"):  # a matrix: every cell whole, scrolled
            excess = 0
        # the other columns give way first; the first (a name) only when they cannot
        for giving in ([c for c in columns if c != columns[0]], [columns[0]]):
            give = {c: widths[c] - least[c] for c in giving}
            if excess <= 0 or sum(give.values()) <= 0:
                continue
            share = min(1.0, excess / sum(give.values()))
            for c in giving:
                taken = int(give[c] * share + 0.5)
                widths[c] -= taken
                excess -= taken
        stretch = [
            c for c in columns if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch
        ]
        for column, width in widths.items():
            if column not in stretch:
                header.resizeSection(column, width)


def keyboard_table(table: QTableView) -> None:
    """A list used with the keyboard: Tab leaves it for the buttons beside it (instead of
    walking every cell), and Enter or F2 opens the chosen row as a double click does."""
    table.setTabKeyNavigation(False)

    def open_current() -> None:
        current = table.currentIndex()
        # Tab into a list gives it a current row without choosing it: Enter chooses it
        # first, so that the page opens that row and not nothing
        if not table.selectionModel().isRowSelected(current.row()):
            table.selectRow(current.row())
        table.doubleClicked.emit(current)

    on_keys(
        table, dict.fromkeys((Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2), open_current)
    )


def on_keys(table: QTableView, actions: dict[Qt.Key, Callable[[], None]]) -> None:
    """Keys the list itself receives act on its chosen row (a shortcut would take them
    from a dialog over the list too)."""
    keys = _ListKeys(table, actions)
    table.installEventFilter(keys)
    table.setProperty("list_keys", keys)  # held by the list, as long as it lives


_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class _ListKeys(QObject):
    def __init__(self, table: QTableView, actions: dict[Qt.Key, Callable[[], None]]) -> None:
        super().__init__(table)
        self.actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QTableView)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and event.key() in self.actions
            and watched.currentIndex().isValid()
        ):
            self.actions[Qt.Key(event.key())]()
            return True
        return False


def list_and_panel(table: QWidget, panel: QWidget, sizes: tuple[int, int]) -> QSplitter:
    """The list on the left and the chosen record on the right."""
    splitter = QSplitter()
    splitter.addWidget(table)
    splitter.addWidget(panel)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes(list(sizes))
    return splitter


def detail_table(headers: list[str], stretch_column: int) -> QTableWidget:
    """A short read-only table inside a panel (sessions, members): whole rows, one at a time."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab goes on to the buttons below
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


def searchable_combo(everything: str) -> QComboBox:
    """A filter choice among hundreds: type part of a name to find it.

    The first entry (``everything``, data None) means "no filter"; ``fill_choices`` puts
    the rest in.
    """
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setMinimumContentsLength(14)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.addItem(everything, None)
    find_by_any_part(box)
    return box


SEARCH_ROLE = Qt.ItemDataRole.UserRole + 7  # a choice's text and its folded form


def find_by_any_part(box: QComboBox) -> None:
    """Typing in ``box`` finds a choice by any part of it, with or without accents:
    "verh" finds "Henk Verhoeven", "sukru" finds "Şükrü Yılmaz". Call again after the
    choices changed (fill_choices does)."""
    for index in range(box.count()):
        text = box.itemText(index)
        box.setItemData(index, f"{text} \x1f {folded(text)}", SEARCH_ROLE)
    completer = box.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


def fill_choices(box: QComboBox, choices: list[tuple[str, object]], current: object) -> None:
    """Replace what a filter box offers after its first entry ("all ..."), keeping the
    choice when it is still there, without telling the page the filter changed."""
    box.blockSignals(True)
    while box.count() > 1:
        box.removeItem(box.count() - 1)
    for text, data in choices:
        box.addItem(text, data)
    if box.isEditable():
        find_by_any_part(box)
    box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
    box.blockSignals(False)


def page_layout(page: QWidget, title: str, *beside: QWidget) -> QVBoxLayout:
    """The layout every area page starts with: its margins and a title row, with
    ``beside`` (a count, buttons) on the right of the title."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 20, 24, 16)
    row = QHBoxLayout()
    title_label = heading(title, 2.0)
    title_label.setWordWrap(False)  # a short title on one line, never squeezed
    row.addWidget(title_label)
    row.addStretch(1)
    for widget in beside:
        row.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)
    layout.addLayout(row)
    return layout


def reading_panel(panel: QWidget, empty: QLabel, *parts: QWidget | QLayout) -> None:
    """The panel beside a list: ``empty`` (shown while nothing is chosen) and the parts
    of the chosen record, top-aligned in a scroll area."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(16, 8, 8, 8)
    column.addWidget(empty)
    for part in parts:
        if isinstance(part, QLayout):
            column.addLayout(part)
        else:
            column.addWidget(part)
    column.addStretch(1)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scrolling(content))


def name_for_screen_readers(root: QWidget, context: str) -> None:
    """Give the controls that Qt cannot name by themselves a name a screen reader can
    say: a search field its placeholder, a list the page or form it belongs to. (Buttons
    and check boxes say their text, fields in a form their label, combo boxes their
    choice.)"""
    for field in root.findChildren(QLineEdit):
        if not field.accessibleName() and field.placeholderText():
            field.setAccessibleName(field.placeholderText())
    for view in root.findChildren(QAbstractItemView):
        if not view.accessibleName() and not isinstance(view.parent(), QComboBox):
            view.setAccessibleName(_("{context}: list").format(context=context))


FOUND_COLOUR = "#fff0a0"  # a marker pen, readable under black text


def marked_html(text: str, words: list[str]) -> str:
    """``text`` as HTML, its lines kept, with the searched ``words`` marked where they
    were found (accents and case aside, as the search finds them)."""
    parts: list[str] = []
    done = 0
    for start, end in found_spans(text, words):
        parts.append(html.escape(text[done:start]))
        parts.append(
            f"<span style='background-color:{FOUND_COLOUR}'>{html.escape(text[start:end])}</span>"
        )
        done = end
    parts.append(html.escape(text[done:]))
    return "".join(parts).replace("\n", "<br>")
