"""Werkleersituaties: the log of learning from real work, searched and filtered."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.cards import cards_pdf
from werkleren_desktop.domain.constants import (
    SituationKind,
    SituationStatus,
)
from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.formatting import format_date, format_moment, format_number
from werkleren_desktop.domain.people import list_name, sort_key
from werkleren_desktop.domain.situations import (
    KIND_LABELS,
    STATUS_LABELS,
    SituationInput,
    search_words,
)
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.agreements.dialog import WorkAgreementDialog, made_list
from werkleren_desktop.gui.cycles.plan_dialog import PlanCycleDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.situations.ai_prompt_dialog import AiPromptDialog
from werkleren_desktop.gui.situations.know_how_dialog import KnowHowDialog
from werkleren_desktop.gui.situations.situation_dialog import SituationDialog
from werkleren_desktop.gui.situations.table_model import SituationsTableModel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    fill_choices,
    heading,
    hint,
    list_and_panel,
    list_table,
    marked_html,
    page_layout,
    paragraph,
    reading_panel,
    searchable_combo,
)
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.cycles import cycle_outline
from werkleren_desktop.services.groups import GroupRow, list_groups
from werkleren_desktop.services.know_how import KnowHow, who_knows_what
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.people import PersonRow, list_people
from werkleren_desktop.services.situations import (
    COUNT_CAP,
    SituationFilter,
    SituationRow,
    find_situations,
    get_situation,
    list_questions,
    read_situation,
    roles_of_people,
    situation_years,
)
from werkleren_desktop.services.versions import Stamp
from werkleren_desktop.services.work_agreements import (
    MadeFrom,
    from_situation,
    made_from,
    source_of,
)
from werkleren_desktop.storage.drafts import SITUATION_DRAFT, Draft, DraftStore

DRAFT_KIND = SITUATION_DRAFT
SHOWN = 500  # the list shows the newest matches; searching narrows fifty thousand quickly


class SituationPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.situation: SituationInput | None = None
        self.situation_id: int | None = None
        self.title = heading("", 1.3)
        self.facts = paragraph("")
        self.body = paragraph("")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(_("Edit…"))
        self.ai_button = QPushButton(_("Ask an AI assistant…"))
        self.cycle_button = QPushButton(_("Start a week cycle…"))
        self.cycle_button.setToolTip(
            _("When the work gives cause: a learning group takes this situation up in a week cycle")
        )
        self.agreement_button = QPushButton(_("Make a work agreement…"))
        self.agreement_button.setToolTip(
            _("What came of it as an agreement or instruction everyone can find")
        )
        # a manager's or a professional's login plans no cycles and writes no agreements
        self.may_plan = True
        self.empty = hint(_("Choose a situation in the list to read it."))
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.ai_button)
        row.addStretch(1)
        second = QHBoxLayout()  # beside the others it would not fit a laptop's panel
        second.addWidget(self.cycle_button)
        second.addWidget(self.agreement_button)
        second.addStretch(1)
        buttons = QVBoxLayout()
        buttons.addLayout(row)
        buttons.addLayout(second)
        reading_panel(self, self.empty, self.title, self.facts, buttons, self.body)
        self.show_situation(None, None, {})

    def show_situation(
        self,
        situation_id: int | None,
        situation: SituationInput | None,
        names: dict[int, str],
        searched: list[str] | None = None,
        made: Sequence[MadeFrom] = (),
    ) -> None:
        """Show the situation; the ``searched`` words are marked where they were found
        (an answer may be the only place that holds them)."""
        self.situation, self.situation_id = situation, situation_id
        for widget in (self.title, self.facts, self.edit_button, self.ai_button, self.body):
            widget.setVisible(situation is not None)
        self.empty.setVisible(situation is None)
        self.cycle_button.setVisible(situation is not None and self.may_plan)
        self.agreement_button.setVisible(situation is not None and self.may_plan)
        if situation is None:
            return
        self.title.setText(situation.title)
        who = ", ".join(names.get(pid, "?") for pid in situation.person_ids)
        minutes = (
            n_("{n} minute", "{n} minutes", situation.minutes).format(n=situation.minutes)
            if situation.minutes is not None
            else ""
        )
        self.facts.setText(
            " · ".join(
                part
                for part in (
                    format_date(situation.occurred_on),
                    _(KIND_LABELS[situation.kind]),
                    _("began with a mistake or a near miss") if situation.from_mistake else "",
                    _(STATUS_LABELS[situation.status]),
                    who,
                    _("brought in by {name}").format(name=names.get(situation.brought_in_by, "?"))
                    if situation.brought_in_by is not None
                    else "",
                    minutes,
                )
                if part
            )
        )
        sections = [("", situation.description)]
        sections += [(a.question_text, a.answer) for a in situation.answers]
        sections += [
            (_("What was tried"), situation.tried),
            (_("Outcome"), situation.outcome),
            (_("Next step"), situation.next_step),
        ]
        if situation.ai_used:
            sections += [
                (_("AI tool"), situation.ai_tool),
                (_("What AI contributed"), situation.ai_contribution),
                (_("What was checked or rejected"), situation.ai_checked),
            ]
        consulted = [names.get(pid, "?") for pid in situation.consulted_ids]
        consulted += list(situation.consulted_outside)
        if consulted:
            sections.append((_("Colleagues consulted"), ", ".join(consulted)))
        if made:
            sections.append((_("Work agreements made from it"), made_list(made)))
        self.body.setText(
            "".join(
                (f"<p><b>{html.escape(title)}</b><br>" if title else "<p>")
                + marked_html(text, searched or [])
                + "</p>"
                for title, text in sections
                if text
            )
        )


MISTAKES = "mistakes"  # the kind filter's last choice: situations that began with a mistake


class SituationsPage(RecordListPage):
    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        drafts: DraftStore | None = None,
        parent: QWidget | None = None,
        title: str | None = None,  # in Mijn leren: "My learning situations"
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self._shown_stamp: Stamp | None = None  # the version of the situation shown
        self.keep_form_drafts(
            drafts,
            DRAFT_KIND,
            SituationDialog,
            self.describe_draft,
            self.resume_draft,
            (
                _("Discard the unsaved situation"),
                _("Throw away what was typed in the unsaved learning situation?"),
            ),
        )
        self.people: list[PersonRow] = []
        self._pending_choice: tuple[int | None, int | None] | None = None
        self._matches_asked = 0  # see _ask_matches
        self.model = SituationsTableModel()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search everything written, the answers too"))
        self.search.setClearButtonEnabled(True)
        self.kind_box = QComboBox()
        self.kind_box.addItem(_("Every kind"), None)
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(_(label), kind)
        self.kind_box.insertSeparator(self.kind_box.count())
        self.kind_box.addItem(_("Began with a mistake or a near miss"), MISTAKES)
        self.status_box = QComboBox()
        self.status_box.addItem(_("Every status"), None)
        for status, label in STATUS_LABELS.items():
            self.status_box.addItem(_(label), status)
        self.ai_box = QComboBox()
        self.ai_box.addItem(_("With or without AI"), None)
        self.ai_box.addItem(_("With AI"), True)
        self.ai_box.addItem(_("Without AI"), False)
        self.person_box = searchable_combo(_("Everyone"))
        self.group_box = searchable_combo(_("Every learning group"))
        self.period_box = QComboBox()
        self.period_box.addItem(_("Any time"), None)
        self.filter_boxes = (
            self.person_box,
            self.group_box,
            self.period_box,
            self.kind_box,
            self.status_box,
            self.ai_box,
        )
        self.new_button = QPushButton(_("New situation…"))
        self.new_button.clicked.connect(self.new_situation)
        self.know_how_button = QPushButton(_("Who knows what…"))
        self.know_how_button.setToolTip(
            _("Whom to ask about what: the colleagues and experts consulted, and those on call")
        )
        self.know_how_button.clicked.connect(self.show_know_how)
        self.cards_button = QPushButton(_("Cards…"))
        self.cards_button.setToolTip(
            _(
                "Cards to fill in by hand, to hand out: a work situation and a learning "
                "request; what is handed in is entered as brought in by the professional"
            )
        )
        self.cards_button.clicked.connect(self.print_cards)
        self.count_label = hint("")
        self.count_label.setWordWrap(False)
        # a short pause after typing, so a fast typist does not query at every key
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self.requery)
        self.search.textChanged.connect(self.search_timer.start)
        for box in self.filter_boxes:
            box.currentIndexChanged.connect(self.requery)
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.clicked.connect(lambda: self.clear_filters())

        self.table = list_table(self.model, {0: 80, 2: 140, 3: 130, 4: 70, 5: 30})
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.model.sort_changed.connect(self.requery)
        self.follow_selection(self.table, self.model, self.search)
        self.use_keys(new=self.new_button, search=self.search)
        self.table.doubleClicked.connect(lambda _index: self.edit_situation())
        self.panel = SituationPanel()
        self.panel.edit_button.clicked.connect(self.edit_situation)
        self.panel.ai_button.clicked.connect(self.ask_ai)
        self.panel.cycle_button.clicked.connect(self.start_cycle)
        self.panel.agreement_button.clicked.connect(self.make_agreement)
        self.panel.may_plan = sessions.seat is None

        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.know_how_button)
        tools.addWidget(self.cards_button)
        tools.addWidget(self.new_button)
        filters = QHBoxLayout()
        for box in self.filter_boxes:
            filters.addWidget(box)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        layout = page_layout(self, title or _("Learning situations"), self.count_label)
        layout.addWidget(
            hint(
                _(
                    "Learning from real situations in the work itself: analysing, improving, "
                    "innovating, or performing better. Log them as they happen."
                )
            )
        )
        layout.addWidget(self.draft_banner)
        layout.addLayout(tools)
        layout.addLayout(filters)
        layout.addWidget(self.error_label)
        layout.addWidget(list_and_panel(self.table, self.panel, (760, 360)), 1)

    def current_filter(self) -> SituationFilter:
        kind, status = self.kind_box.currentData(), self.status_box.currentData()
        first, last = self.period_box.currentData() or (None, None)
        return SituationFilter(
            search=self.search.text(),
            person_id=self.person_box.currentData(),
            group_id=self.group_box.currentData(),
            kind=SituationKind(kind) if kind not in (None, MISTAKES) else None,
            from_mistake=True if kind == MISTAKES else None,
            status=SituationStatus(status) if status is not None else None,
            ai_used=self.ai_box.currentData(),
            first_day=first,
            last_day=last,
            order=self.model.order,
            descending=self.model.descending,
        )

    def show_filtered(self, person_id: int | None = None, group_id: int | None = None) -> None:
        """Show every situation of one person or one group (from their pages)."""
        self.clear_filters(refresh=False)
        self._pending_choice = (person_id, group_id)
        self.refresh()

    def clear_filters(self, refresh: bool = True) -> None:
        self.search_timer.stop()
        for widget in (self.search, *self.filter_boxes):
            widget.blockSignals(True)
        self.search.clear()
        for box in self.filter_boxes:
            box.setCurrentIndex(0)
        for widget in (self.search, *self.filter_boxes):
            widget.blockSignals(False)
        if refresh:
            self.requery()

    # --- a draft kept after a crash -------------------------------------------------

    def describe_draft(self, draft: Draft) -> str:
        title = str(draft.state.get("title", "")).strip()
        text = (
            _(
                "The learning situation ‘{title}’ was not saved yet when the program "
                "closed unexpectedly ({moment}). Nothing typed was lost."
            )
            if title
            else _(
                "A learning situation was not saved yet when the program closed "
                "unexpectedly ({moment}). Nothing typed was lost."
            )
        )
        return text.format(title=title, moment=format_moment(draft.saved_at))

    def resume_draft(self) -> None:
        draft = self.waiting_draft()
        if draft is None:
            self.draft_banner.hide()
            return
        situation = None
        if draft.record_id is not None:
            try:
                situation = get_situation(self.sessions, draft.record_id)
            except UserError:
                situation = None  # removed meanwhile: what was typed becomes a new one
        record_id = draft.record_id if situation is not None else None
        dialog = self._dialog(situation, record_id)
        dialog.resume_from(draft)
        self._open_dialog(dialog, _("Learning situation saved."))

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        self.show_draft_banner()
        person_id, group_id = self._pending_choice or (None, None)
        where = self.current_filter()
        if self._pending_choice is not None:
            where = replace(where, person_id=person_id, group_id=group_id)
        asked = self._ask_matches()
        self.load(
            lambda: (
                *find_situations(self.sessions, where, SHOWN),
                list_people(self.sessions),
                list_groups(self.sessions, self.today()),
                situation_years(self.sessions),
            ),
            lambda result: self._loaded(result, asked),
            purpose="page",
        )

    def _ask_matches(self) -> int:
        """A number for each time the matching situations are asked for: an answer to
        an older question (a search typed on since) is not shown."""
        self._matches_asked += 1
        return self._matches_asked

    def _loaded(
        self,
        result: tuple[
            list[SituationRow], int, list[PersonRow], list[GroupRow], tuple[int, int] | None
        ],
        asked: int,
    ) -> None:
        rows, total, self.people, groups, years = result
        person_id, group_id = self._pending_choice or (
            self.person_box.currentData(),
            self.group_box.currentData(),
        )
        self._pending_choice = None
        people = sorted(self.people, key=lambda p: sort_key(p.first_name, p.last_name))
        fill_choices(
            self.person_box,
            [(list_name(p.first_name, p.last_name), p.id) for p in people],
            person_id,
        )
        fill_choices(
            self.group_box,
            [(g.name, g.id) for g in sorted(groups, key=lambda g: g.name.casefold())],
            group_id,
        )
        fill_choices(self.period_box, self._periods(years), self.period_box.currentData())
        if asked == self._matches_asked:
            self._show_matches((rows, total))

    def requery(self) -> None:
        """After a keystroke, a filter or a sort: only the matching situations again
        (the people, groups and years stay as the page loaded them)."""
        where = self.current_filter()
        asked = self._ask_matches()
        self.load(
            lambda: find_situations(self.sessions, where, SHOWN),
            lambda result: self._show_matches(result) if asked == self._matches_asked else None,
            purpose="matches",
        )

    def _show_matches(self, result: tuple[list[SituationRow], int]) -> None:
        rows, total = result
        self.error_label.clear_message()
        self.model.show_rows(rows)
        if total > COUNT_CAP:  # a search of one or two letters stops counting there
            text = _("more than {n} situations").format(n=format_number(COUNT_CAP))
        else:
            text = n_("{n} situation", "{n} situations", total).format(n=total)
        if total > len(rows):
            text += " · " + _("the newest {n} shown; search to narrow").format(n=len(rows))
        self.count_label.setText(text)

    def _periods(self, years: tuple[int, int] | None) -> list[tuple[str, object]]:
        today = self.today()
        periods: list[tuple[str, object]] = [
            (_("Last 30 days"), (today - dt.timedelta(days=29), today)),
            (
                _("Last 12 months"),
                (add_months(today, -12) + dt.timedelta(days=1), today),  # 29 Feb too
            ),
        ]
        first, last = years or (today.year, today.year)
        for year in range(max(last, today.year), first - 1, -1):
            periods.append((str(year), (dt.date(year, 1, 1), dt.date(year, 12, 31))))
        return periods

    def show_no_record(self) -> None:
        self.panel.show_situation(None, None, {})

    def show_record(self, record_id: int) -> None:
        names = {p.id: p.full_name for p in self.people}
        situation, self._shown_stamp = read_situation(self.sessions, record_id)
        self.panel.show_situation(
            record_id,
            situation,
            names,
            search_words(self.search.text()),
            made_from(self.sessions, situation_id=record_id),
        )

    def _open_dialog(self, dialog: SituationDialog, message: str) -> None:
        self.open_form(dialog, message)
        dialog.finished.connect(self.show_draft_banner)
        self.show_draft_banner()

    def _dialog(
        self,
        situation: SituationInput | None,
        record_id: int | None,
        stamp: Stamp | None = None,
    ) -> SituationDialog:
        dialog = SituationDialog(
            self.sessions,
            self.people,
            list_groups(self.sessions, self.today()),
            list_questions(self.sessions),
            self.today(),
            situation,
            record_id,
            parent=self,
            stamp=stamp,
        )
        if self.drafts is not None:
            dialog.keep_drafts(self.drafts, DRAFT_KIND, record_id)
        return dialog

    def new_situation(self) -> None:
        draft = self.waiting_draft()
        if draft is not None and prompts.confirm(
            self,
            _("An unsaved situation is waiting"),
            _("Continue with the learning situation that was not saved?"),
            _("Continue filling it in"),
            _("Start a new one"),
        ):
            self.resume_draft()
            return
        if draft is not None:
            self.drop_draft(DRAFT_KIND)  # the user chose to start afresh
        self._open_dialog(self._dialog(None, None), _("Learning situation saved."))

    def edit_situation(self) -> None:
        if self.panel.situation is None:
            return
        dialog = self._dialog(self.panel.situation, self.panel.situation_id, self._shown_stamp)
        self._open_dialog(dialog, _("Changes saved."))

    def start_cycle(self) -> None:
        """A week cycle that takes this situation up ("when the work gives cause"): the
        planner, with the situation's group and its title as the question."""
        situation, situation_id = self.panel.situation, self.panel.situation_id
        settings = load_settings(self.sessions)
        if situation is None or situation_id is None or settings is None:
            return
        today = self.today()
        groups = [g for g in list_groups(self.sessions, today) if g.is_open(today)]
        if not groups:
            self.error_label.show_message(_("Start a learning group first."))
            return
        dialog = PlanCycleDialog(
            self.sessions,
            groups,
            settings.work_calendar(),
            cycle_outline(self.sessions),
            today,
            situation.group_id,
            parent=self,
            question=situation.title,
            cause=(situation_id, situation.title),
        )
        self.open_dialog(
            dialog,
            lambda: self.status_message.emit(
                _("Week cycle planned; it takes up “{title}”.").format(title=situation.title)
            ),
        )

    def make_agreement(self) -> None:
        """What came of the situation as a work agreement: the form starts from its
        outcome and next step, with whom to ask the first who learned from it."""
        situation_id = self.panel.situation_id
        if situation_id is None:
            return
        today = self.today()
        try:
            start = from_situation(self.sessions, situation_id, today)
            source = source_of(self.sessions, start)
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        dialog = WorkAgreementDialog(
            self.sessions, self.people, today, start, source.description, parent=self
        )

        def done() -> None:  # the situation stays chosen, now listing the agreement
            self.status_message.emit(
                _("Work agreement saved; everyone finds it under Work agreements.")
            )
            self.refresh()

        self.open_dialog(dialog, done)

    def show_know_how(self) -> None:
        """Read in the background: ten years hold tens of thousands of consultations."""
        self.know_how_button.setEnabled(False)
        today = self.today()

        def done(rows: list[KnowHow]) -> None:
            self.know_how_button.setEnabled(True)
            self.error_label.clear_message()
            self.dialog = KnowHowDialog(rows, parent=self)
            self.dialog.open()

        def failed(error: BaseException) -> None:
            self.know_how_button.setEnabled(True)
            self.error_label.show_message(errors.sentence_for(error))

        self.load(lambda: who_knows_what(self.sessions, today), done, "know_how", failed)

    def print_cards(self) -> None:
        """The cards, shown first: print them, or save them as PDF."""
        settings = load_settings(self.sessions)
        questions = [q.text for q in list_questions(self.sessions)]
        today = self.today()
        pdf = cards_pdf(
            settings.name if settings else "",
            settings.logo_png if settings else None,
            questions,
            today,
        )
        name = _("cards situation and learning request") + ".pdf"
        self.preview = PdfPreviewDialog(_("Cards to fill in"), pdf, name, self)
        self.preview.open()

    def ask_ai(self) -> None:
        if self.panel.situation is None:
            return
        questions = [q.text for q in list_questions(self.sessions)]
        dialog = AiPromptDialog(
            self.panel.situation, questions, roles_of_people(self.sessions), parent=self
        )
        dialog.open()
        self.dialog = dialog
