"""What the pages share (Page), and what the list pages share besides: a list of
records beside the panel of the chosen one (RecordListPage).

The page keeps following the chosen record when the list is reloaded or a filter hides
it, and keeps the open dialog at hand (tests reach it as ``page.dialog``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QTableView, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import DraftBanner, ErrorLabel, on_keys
from werkleren_desktop.i18n import _
from werkleren_desktop.services.undo import Deleted
from werkleren_desktop.storage.drafts import Draft, DraftStore


class RecordModel(Protocol):
    def row_at(self, row: int) -> Any: ...
    def row_of(self, record_id: int) -> int | None: ...


class Page(QWidget):
    """What every page of an area has: the data, background work, today, a line for
    what went wrong, and the status bar to tell what was done."""

    status_message = Signal(str)  # what the status bar should say after a change

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.tasks = tasks
        self.today = today
        self.error_label = ErrorLabel()

    def refresh(self) -> None:
        """Load the page's data again; every page implements it."""
        raise NotImplementedError

    def load(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        purpose: str = "list",
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work`` in the background and hand its result to ``done``; a failure is
        shown on the page (or handed to ``failed``). A newer load of the page for the
        same ``purpose`` replaces an older one: the older answer, should it come later,
        is dropped."""
        self.tasks.run(
            work,
            done,
            failed or (lambda error: self.error_label.show_message(errors.sentence_for(error))),
            owner=self,
            key=(id(self), purpose),
        )


class RecordListPage(Page):
    draft_banner: DraftBanner  # pages whose form keeps drafts (keep_form_drafts)
    # the learning log filtered on a person or a group: (person_id, group_id)
    situations_wanted = Signal(object, object)
    # a talent conversation to open (conversation_id), or to plan for a person (None, id)
    conversation_wanted = Signal(object, object)
    # a record deleted, with what brings it back (services.undo.Deleted)
    deleted = Signal(object)

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.dialog: QDialog | None = None
        self._selected_id: int | None = None
        self.drafts: DraftStore | None = None  # see keep_form_drafts
        self._draft_kind = ""
        self._draft_form: type[QDialog] = QDialog
        self._describe_draft: Callable[[Draft], str] = lambda _draft: ""
        self._discard_question = ("", "")
        self._selecting: int | None = None  # the record select_record is selecting now

    def follow_selection(
        self, table: QTableView, model: RecordModel, search: QLineEdit | None = None
    ) -> None:
        """Call once the table and its model (and the page's search field) exist."""
        self._table = table
        self._records = model
        self._search = search
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.model().modelReset.connect(self._restore_selection)

    def use_keys(
        self,
        new: QPushButton | None = None,
        search: QLineEdit | None = None,
        delete: Callable[[], None] | None = None,
    ) -> None:
        """The page's keys: Ctrl+N its new record, Ctrl+F its search, Delete (in the list)
        its delete, which asks first. They work while the page is the one shown."""
        if new is not None:
            new.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
            new.setToolTip(
                _("{what} ({key})").format(
                    what=new.text().rstrip("…"),
                    key=QKeySequence(QKeySequence.StandardKey.New).toString(
                        QKeySequence.SequenceFormat.NativeText
                    ),
                )
            )
        if search is not None:

            def go_to_search() -> None:
                search.setFocus()
                search.selectAll()

            find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
            find.activated.connect(go_to_search)
        if delete is not None:  # after follow_selection: the list it acts in
            on_keys(self._table, {Qt.Key.Key_Delete: delete})

    def show_record(self, record_id: int) -> None:
        """Fill the panel with the record; pages override it (a UserError is shown)."""

    def show_no_record(self) -> None:
        """Empty the panel (a search found nothing); pages with a panel override it."""

    def select_record(self, record_id: int) -> None:
        self._selected_id = record_id
        row = self._records.row_of(record_id)
        if row is not None and not self._table.selectionModel().isRowSelected(row):
            self._selecting = record_id  # the selection change below must not show it again
            try:
                self._table.selectRow(row)
            finally:
                self._selecting = None
        try:
            self.show_record(record_id)
        except UserError as error:
            self.error_label.show_message(str(error))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self._table.selectionModel().selectedRows()
        if rows:
            record_id = self._records.row_at(rows[0].row()).id
            if record_id != self._selecting:
                self.select_record(record_id)

    def _restore_selection(self) -> None:
        # the panel follows the chosen one, also when the filter now hides it from the list;
        # a search that finds nothing empties it (the chosen one returns with the list)
        searching = self._search is not None and bool(self._search.text().strip())
        if searching and not self._table.model().rowCount():
            self.show_no_record()
        elif self._selected_id is not None:
            self.select_record(self._selected_id)

    def act(self, action: Callable[[], object], message: str) -> bool:
        """Do a page action now (delete, cancel, reopen): when the service refuses (a rule,
        a locked file, a full disk) its sentence shows on the page, an unexpected error
        in a message box and the log; either way the page stays as it was. Done, the
        status bar says ``message`` and the page loads again."""
        try:
            result = action()
        except UserError as error:
            self.error_label.show_message(str(error))
            return False
        except Exception as error:  # every failure reaches the user
            errors.report(self, error)
            return False
        self.error_label.clear_message()
        self.status_message.emit(message)
        if isinstance(result, Deleted):  # a delete hands back what brings it back
            self.deleted.emit(result)
        self.refresh()
        return True

    def let_go(self, action: Callable[[], object], message: str) -> bool:
        """Do an action that takes the chosen record away (a delete, a removal from the
        list), as ``act`` does; done, the page lets go of it and its panel empties."""
        if not self.act(action, message):
            return False
        self.forget_record()
        return True

    def forget_record(self) -> None:
        """The chosen record is gone: nothing is chosen, the panel is empty."""
        self._selected_id = None
        self.show_no_record()

    def open_dialog(self, dialog: QDialog, done: Callable[[], None]) -> None:
        dialog.accepted.connect(done)
        dialog.open()
        self.dialog = dialog

    def open_form(self, dialog: QDialog, message: str) -> None:
        """Open a form; once it saved, follow the record it saved (its ``saved_id``),
        say so in the status bar and load the list again."""

        def done() -> None:
            saved_id = getattr(dialog, "saved_id", None)
            if saved_id is not None:
                self._selected_id = saved_id
            self.status_message.emit(message)
            self.refresh()

        self.open_dialog(dialog, done)

    # --- a form kept after a crash (pages whose form keeps drafts) --------------------

    def keep_form_drafts(
        self,
        drafts: DraftStore | None,
        kind: str,
        form: type[QDialog],
        describe: Callable[[Draft], str],
        resume: Callable[[], None],
        discard_question: tuple[str, str],
    ) -> None:
        """Call once: the page's ``form`` dialogs keep drafts of ``kind`` in ``drafts``;
        ``draft_banner`` offers a waiting one back, saying ``describe(draft)``, with
        ``resume`` to open it and ``discard_question`` (title, question) before throwing
        it away."""
        self.drafts = drafts
        self._draft_kind = kind
        self._draft_form = form
        self._describe_draft = describe
        self._discard_question = discard_question
        self.draft_banner = DraftBanner()
        self.draft_banner.resume_button.clicked.connect(resume)
        self.draft_banner.discard_button.clicked.connect(self.discard_draft)

    def waiting_draft(self) -> Draft | None:
        return self.drafts.load(self._draft_kind) if self.drafts is not None else None

    def show_draft_banner(self) -> None:
        draft = self.waiting_draft()
        open_form = isinstance(self.dialog, self._draft_form) and self.dialog.isVisible()
        self.draft_banner.offer(
            self._describe_draft(draft) if draft is not None and not open_form else None
        )

    def discard_draft(self) -> None:
        title, question = self._discard_question
        if self.drafts is not None and prompts.confirm(
            self, title, question, _("Discard"), _("Keep it")
        ):
            self.drop_draft(self._draft_kind)
        self.show_draft_banner()

    def drop_draft(self, kind: str) -> None:
        """Throw a draft away as the user asked; a file that will not go is said, once
        on the page, and the work goes on."""
        if self.drafts is None:
            return
        try:
            self.drafts.discard(kind)
        except OSError as error:
            self.error_label.show_message(
                _("The safety copy could not be removed ({kind}).").format(
                    kind=errors.kind_of(error)
                )
            )
