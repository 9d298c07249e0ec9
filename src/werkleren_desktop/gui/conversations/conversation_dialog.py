"""One talent-development conversation: plan it, prepare it, record it, sign it.

Once both have signed, the form is read-only; a change is a correction with a reason.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import (
    AgreementOwner,
    SignMark,
)
from werkleren_desktop.domain.conversations import (
    MARK_LABELS,
    SECTIONS,
    ConversationPlan,
    RecordInput,
    Signature,
)
from werkleren_desktop.domain.formatting import format_date, format_moment
from werkleren_desktop.domain.people import list_name, sort_key
from werkleren_desktop.domain.requests import KIND_LABELS as REQUEST_KINDS
from werkleren_desktop.domain.training import describe_budget_use
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.conversations.agreements import AgreementsEditor, ReviewsEditor
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import (
    Banner,
    date_edit,
    find_by_any_part,
    from_qdate,
    hint,
    paragraph,
    scrolling,
)
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.conversations import (
    ConversationView,
    PeriodFacts,
    conversation_stamp,
    get_conversation,
    save_conversation,
    sign_conversation,
)
from werkleren_desktop.services.people import PersonRow
from werkleren_desktop.services.versions import Stamp


def _text(value: str, placeholder: str, height: int = 72) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def facts_text(facts: PeriodFacts) -> str:
    """The facts of the period in one paragraph, for the form's first tab."""
    hours = round(facts.situation_minutes / 60, 1)
    parts = [
        n_("{n} learning situation logged", "{n} learning situations logged", facts.situations)
        .format(n=facts.situations),
        _("{hours} hours spent on them").format(hours=str(hours).replace(".", ",")),
        n_("{n} with help from AI", "{n} with help from AI", facts.situations_with_ai)
        .format(n=facts.situations_with_ai),
        n_("consulted {n} time", "consulted {n} times", facts.times_consulted)
        .format(n=facts.times_consulted),
        n_("{n} week-cycle session attended", "{n} week-cycle sessions attended",
           facts.sessions_attended).format(n=facts.sessions_attended),
        n_("{n} training followed", "{n} trainings followed", facts.trainings_done)
        .format(n=facts.trainings_done),
        _("training budget {year}: {use}").format(
            year=facts.budget_year,
            use=describe_budget_use(
                facts.budget_spent_cents, facts.budget_cents, facts.budget_reserved_cents
            ),
        ),
    ]  # fmt: skip
    return _("From {start} to {end}: {facts}.").format(
        start=format_date(facts.first_day), end=format_date(facts.last_day), facts=", ".join(parts)
    )


CONVERSATION_TAB = 2  # the tab where the conversation is recorded


class SignatureBox(QGroupBox):
    sign_requested = Signal()

    def __init__(self, title: str, name: str, signature: Signature | None, today: dt.date) -> None:
        super().__init__(title)
        # who signs is the person concerned, not a name to type (then anyone could)
        self.name = QLineEdit(signature.name if signature else name)
        self.name.setReadOnly(True)
        self.signed_on = date_edit(signature.signed_on if signature else today)
        self.mark = QComboBox()
        for mark, label in MARK_LABELS.items():
            self.mark.addItem(_(label), mark)
        self.mark.setCurrentIndex(
            self.mark.findData(signature.mark if signature else SignMark.SEEN)
        )
        self.sign_button = QPushButton(_("Sign"))
        self.sign_button.clicked.connect(self.sign_requested.emit)
        self.status = hint("")
        form = QFormLayout(self)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Date"), self.signed_on)
        form.addRow(_("Signs"), self.mark)
        form.addRow("", self.sign_button)
        form.addRow(self.status)
        self.show_signature(signature)

    def show_signature(self, signature: Signature | None) -> None:
        for widget in (self.signed_on, self.mark, self.sign_button):
            widget.setEnabled(signature is None)
        self.status.setText(
            _("Signed by {name} on {date}, {mark}.").format(
                name=signature.name,
                date=format_date(signature.signed_on),
                mark=_(MARK_LABELS[signature.mark]),
            )
            if signature
            else _("Not signed yet.")
        )

    def value(self) -> Signature:
        return Signature(
            self.name.text(), from_qdate(self.signed_on.date()), SignMark(self.mark.currentData())
        )


class ConversationDialog(FormDialog):
    preview_requested = Signal(str)  # "preparation" or "record"
    correction_requested = Signal()

    def __init__(
        self,
        sessions: SessionFactory,
        people: list[PersonRow],
        today: dt.date,
        view: ConversationView | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        existing = view is not None and view.id is not None
        super().__init__(
            _("Talent conversation with {name}").format(name=view.person_name)
            if view is not None
            else _("Plan a talent conversation"),
            parent,
        )
        self.sessions = sessions
        self.today = today
        self.view = view
        self.conversation_id = view.id if view is not None else None
        self.saved_id: int | None = None
        own = {view.person_id, view.manager_id} if view is not None else set()
        active = [p for p in people if not p.has_left(today) or p.id in own]
        by_name = sorted(active, key=lambda p: sort_key(p.first_name, p.last_name))
        self.full_names = {p.id: p.full_name for p in people}

        # --- the appointment ------------------------------------------------------------
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for row in by_name:
            self.person.addItem(list_name(row.first_name, row.last_name), row.id)
        find_by_any_part(self.person)
        chosen = view.person_id if view is not None else person_id
        self.person.setCurrentIndex(self.person.findData(chosen) if chosen else -1)
        self.person.setEnabled(not existing and view is None)
        self.person.currentIndexChanged.connect(self._person_changed)
        self.manager = QComboBox()
        self.manager.addItem(_("(the person's manager)"), None)
        for row in by_name:
            self.manager.addItem(list_name(row.first_name, row.last_name), row.id)
        self.manager.setCurrentIndex(
            max(0, self.manager.findData(view.manager_id)) if view is not None else 0
        )
        planned = view.planned_on if view is not None and view.planned_on else today
        self.planned_on = date_edit(planned)
        start = view.starts_at if view is not None and view.starts_at else dt.time(10, 0)
        self.starts_at = QTimeEdit(QTime(start.hour, start.minute))
        self.starts_at.setDisplayFormat("HH:mm")
        self.place = QLineEdit(view.place if view is not None else "")
        self.place.setPlaceholderText(_("For example: the office, the canteen"))
        plan_form = QFormLayout()
        plan_form.addRow(_("Professional"), self.person)
        plan_form.addRow(_("Manager"), self.manager)
        plan_form.addRow(_("Date"), self.planned_on)
        plan_form.addRow(_("Time"), self.starts_at)
        plan_form.addRow(_("Place"), self.place)
        plan_page = QWidget()
        plan_column = QVBoxLayout(plan_page)
        plan_column.addLayout(plan_form)
        self.facts = paragraph(facts_text(view.facts) if view is not None else "")
        plan_column.addWidget(self.facts)
        plan_column.addWidget(
            hint(
                _(
                    "The conversation belongs to the professional, who leads it; both own "
                    "the outcome and account for what they agreed last time."
                )
            )
        )
        plan_column.addStretch(1)

        # --- preparation and notes ------------------------------------------------------
        self.preparation: dict[str, QPlainTextEdit] = {}
        self.notes: dict[str, QPlainTextEdit] = {}
        # ingebracht door: what the professional prepared, entered here on their behalf
        self.brought_in = QCheckBox(_("Brought in by the professional (entered on their behalf)"))
        self.brought_in.setChecked(view.preparation_brought_in if view is not None else False)
        self.brought_in.setToolTip(
            _(
                "Their part of the preparation is theirs: they wrote it on the form or sent "
                "it, and you typed it in. The record says they brought it in."
            )
        )
        prepared = view.preparation if view is not None else {}
        noted = view.notes if view is not None else {}
        prep_page = QWidget()
        prep_column = QVBoxLayout(prep_page)
        notes_page = QWidget()
        notes_column = QVBoxLayout(notes_page)
        for side, title in (
            (AgreementOwner.PROFESSIONAL, _("The professional's part")),
            (AgreementOwner.MANAGER, _("The manager's part")),
        ):
            prep_box = QGroupBox(title)
            prep_form = QFormLayout(prep_box)
            prep_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            for section in (s for s in SECTIONS if s.side is side):
                edit = _text(prepared.get(section.key, ""), _(section.prompt))
                prep_form.addRow(_(section.title), edit)
                self.preparation[section.key] = edit
            if side is AgreementOwner.PROFESSIONAL:
                prep_form.addRow(self.brought_in)
            prep_column.addWidget(prep_box)
        notes_form = QFormLayout()
        notes_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for section in SECTIONS:
            edit = _text(noted.get(section.key, ""), _(section.prompt), 72)
            notes_form.addRow(_(section.title), edit)
            self.notes[section.key] = edit

        held_on = view.held_on if view is not None else None
        self.held = QCheckBox(_("The conversation was held on"))
        self.held.setChecked(held_on is not None)
        self.held_on = date_edit(held_on or min(planned, today))
        self.held_on.setEnabled(held_on is not None)
        self.held.toggled.connect(self.held_on.setEnabled)
        self.held.toggled.connect(lambda _held: self._show_state())
        held_row = QHBoxLayout()
        held_row.addWidget(self.held)
        held_row.addWidget(self.held_on)
        held_row.addStretch(1)
        self.reviews = ReviewsEditor(view.earlier if view is not None else ())
        self.agreements = AgreementsEditor(
            view.agreements if view is not None else (), planned + dt.timedelta(days=90)
        )
        notes_column.addLayout(held_row)
        requests = view.requests if view is not None else ()
        self.requests = paragraph(
            "<br>".join(
                f"{format_date(r.asked_on, 'short')} · {html.escape(_(REQUEST_KINDS[r.kind]))}"
                f" · {html.escape(r.question)}<br><i>{html.escape(r.state())}</i>"
                for r in requests
            )
        )
        self.requests.setTextFormat(Qt.TextFormat.RichText)
        if requests:  # what they asked for since the last conversation comes up in it
            notes_column.addWidget(
                self._box(_("Learning requests since the last conversation"), self.requests)
            )
        notes_column.addWidget(self._box(_("Agreements of earlier conversations"), self.reviews))
        notes_box = QGroupBox(_("What was discussed"))
        notes_box.setLayout(notes_form)
        notes_column.addWidget(notes_box)
        notes_column.addWidget(self._box(_("New agreements"), self.agreements))

        # --- signing --------------------------------------------------------------------
        self.professional_box = SignatureBox(
            _("Professional"),
            view.person_name if view is not None else "",
            view.professional_signature if view is not None else None,
            today,
        )
        self.manager_box = SignatureBox(
            _("Manager"),
            view.manager_name if view is not None else "",
            view.manager_signature if view is not None else None,
            today,
        )
        self.professional_box.sign_requested.connect(lambda: self.sign(AgreementOwner.PROFESSIONAL))
        self.manager_box.sign_requested.connect(lambda: self.sign(AgreementOwner.MANAGER))
        sign_page = QWidget()
        sign_column = QVBoxLayout(sign_page)
        sign_column.addWidget(
            paragraph(
                _(
                    "Both sign the record for having seen it (voor gezien) or for agreeing "
                    "with it (voor akkoord). Once both have signed, the record is locked."
                )
            )
        )
        boxes = QHBoxLayout()
        boxes.addWidget(self.professional_box)
        boxes.addWidget(self.manager_box)
        sign_column.addLayout(boxes)
        self.corrections = paragraph("")
        self.corrections.setTextFormat(Qt.TextFormat.RichText)
        sign_column.addWidget(self.corrections)
        sign_column.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(plan_page), _("Appointment"))
        self.tabs.addTab(scrolling(prep_page), _("Preparation"))
        self.tabs.addTab(scrolling(notes_page), _("Conversation"))
        self.tabs.addTab(scrolling(sign_page), _("Signatures"))
        self.tabs.currentChanged.connect(self._carry_preparation)
        self.tab_of_field = {"planned_on": 0, "place": 0, "manager": 0, "person": 0}
        self.tab_of_field |= dict.fromkeys(self.preparation, 1)
        self.tab_of_field |= {"held_on": 2, "agreements": 2, "reviews": 2, "signature": 3}
        self.fields = {
            "person": self.person,
            "planned_on": self.planned_on,
            "place": self.place,
            "manager": self.manager,
            "held_on": self.held_on,
            "agreements": self.agreements,
            "reviews": self.reviews,
            "signature": self.professional_box.name,
        }

        self.locked_banner = Banner(
            _(
                "Signed by both: this record is locked. A change is a correction with a "
                "reason, kept with the record."
            )
        )
        self.correct_button = self.locked_banner.add_button(_("Correct…"))
        self.correct_button.clicked.connect(self.correction_requested.emit)
        self.prepare_button = QPushButton(_("Preparation form…"))
        self.prepare_button.clicked.connect(lambda: self.preview_requested.emit("preparation"))
        self.record_button = QPushButton(_("Record…"))
        self.record_button.clicked.connect(lambda: self.preview_requested.emit("record"))
        prints = QHBoxLayout()
        prints.addWidget(QLabel(_("Print:")))
        prints.addWidget(self.prepare_button)
        prints.addWidget(self.record_button)
        prints.addStretch(1)

        column = QVBoxLayout()
        column.addWidget(self.locked_banner)
        column.addWidget(self.tabs, 1)
        column.addLayout(prints)
        self.setMinimumSize(780, 640)
        self.finish_layout(column)
        self._show_state()
        if view is None:
            self.person.setFocus()
        if existing and view is not None:
            self.follow_version(view.stamp, "talent_conversation", view.id)
            self.record_name = _("the talent conversation with {name}").format(
                name=view.person_name
            )
        self.opened_with = people

    def version_parts(self) -> dict[str, QWidget]:
        return {
            "manager": self.manager,
            "planned_on": self.planned_on,
            "starts_at": self.starts_at,
            "place": self.place,
            **{f"preparation:{key}": edit for key, edit in self.preparation.items()},
            "preparation_brought_in": self.brought_in,
            "held": self.held,
            "held_on": self.held_on,
            "reviews": self.reviews,
            **{f"notes:{key}": edit for key, edit in self.notes.items()},
            "agreements": self.agreements,
        }

    def part_label(self, key: str, widget: QWidget) -> str:
        label = super().part_label(key, widget)
        if key.startswith("preparation:"):
            return _("Preparation: {part}").format(part=label)
        if key.startswith("notes:"):
            return _("Conversation: {part}").format(part=label)
        if key == "reviews":
            return _("Agreements of earlier conversations")
        if key == "agreements":
            return _("New agreements")
        return label

    def read_again(self) -> tuple[FormDialog, Stamp]:
        assert self.conversation_id is not None
        view = get_conversation(self.sessions, self.conversation_id)
        again = ConversationDialog(self.sessions, self.opened_with, self.today, view)
        return again, view.stamp

    @staticmethod
    def _box(title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(content)
        return box

    def _carry_preparation(self, tab: int) -> None:
        """On the conversation's tab, what was prepared stands in each part still empty,
        as a start: the conversation then changes it where it went otherwise."""
        if tab != CONVERSATION_TAB or self.locked:
            return
        for key, prepared in self.preparation.items():
            note = self.notes.get(key)
            if note is not None and not note.toPlainText().strip() and prepared.toPlainText():
                note.setPlainText(prepared.toPlainText())

    def _person_changed(self) -> None:
        self.professional_box.name.setText(self.full_names.get(self.person.currentData(), ""))

    @property
    def locked(self) -> bool:
        return self.view is not None and self.view.locked

    def _show_state(self) -> None:
        """Buttons and editability follow where the conversation stands."""
        locked = self.locked
        self.locked_banner.setVisible(locked)
        for widget in (
            self.manager,
            self.planned_on,
            self.starts_at,
            self.place,
            self.held,
            self.brought_in,
        ):
            widget.setEnabled(not locked)
        self.held_on.setEnabled(not locked and self.held.isChecked())
        for edit in (*self.preparation.values(), *self.notes.values()):
            edit.setReadOnly(locked)
        self.agreements.set_read_only(locked)
        self.reviews.set_read_only(locked)
        self.save_button.setVisible(not locked)
        self.cancel_button.setText(_("Close") if locked else _("Cancel"))
        saved = self.conversation_id is not None
        self.prepare_button.setEnabled(self.person.currentData() is not None)
        self.record_button.setEnabled(saved and self.view is not None and bool(self.view.held_on))
        # a record is signed once the conversation was held (signing saves the form first)
        held = self.held.isChecked()
        professional = self.view.professional_signature if self.view is not None else None
        manager = self.view.manager_signature if self.view is not None else None
        for box, signature in ((self.professional_box, professional), (self.manager_box, manager)):
            box.show_signature(signature)
            box.sign_button.setEnabled(held and signature is None)
        if self.view is not None:
            self.corrections.setText(
                "".join(
                    "<p><b>"
                    + html.escape(f"{format_moment(c.made_at)} · {c.part}")
                    + "</b><br>"
                    + html.escape(_("Reason: {reason}").format(reason=c.reason))
                    + "</p>"
                    for c in self.view.corrections
                )
            )

    def show_view(self, view: ConversationView) -> None:
        """After a signature or a correction: the stored state, and the form unchanged."""
        self.view = view
        self.conversation_id = view.id
        for key, edit in self.notes.items():
            edit.setPlainText(view.notes.get(key, ""))
        self._show_state()
        self._initial = self.snapshot()
        self.follow_version(view.stamp)

    # --- the form -------------------------------------------------------------------

    def plan(self) -> ConversationPlan:
        time = self.starts_at.time()
        return ConversationPlan(
            from_qdate(self.planned_on.date()),
            dt.time(time.hour(), time.minute()),
            self.place.text(),
            self.manager.currentData(),
        )

    def record(self) -> RecordInput | None:
        if not self.held.isChecked():
            return None
        return RecordInput(
            from_qdate(self.held_on.date()),
            {key: edit.toPlainText() for key, edit in self.notes.items()},
            self.agreements.values(),
            self.reviews.values(),
        )

    def snapshot(self) -> object:
        return (
            self.person.currentData(),
            self.manager.currentData(),
            self.planned_on.date(),
            self.starts_at.time(),
            self.place.text(),
            self.held.isChecked(),
            self.held_on.date(),
            tuple(edit.toPlainText() for edit in self.preparation.values()),
            self.brought_in.isChecked(),
            tuple(edit.toPlainText() for edit in self.notes.values()),
            self.agreements.state(),
            self.reviews.state(),
        )

    def show_error(self, error: UserError) -> None:
        field = getattr(error, "field", None)
        if field in self.tab_of_field:
            self.tabs.setCurrentIndex(self.tab_of_field[field])
        super().show_error(error)

    def save(self) -> bool | None:
        person_id = self.person.currentData()
        if person_id is None:
            raise ValidationError(_("Choose the professional the conversation is with."), "person")
        self.saved_id = save_conversation(
            self.sessions,
            person_id,
            self.plan(),
            {key: edit.toPlainText() for key, edit in self.preparation.items()},
            self.record(),
            self.today,
            self.conversation_id,
            self.version,
            preparation_brought_in=self.brought_in.isChecked(),
        )
        self.conversation_id = self.saved_id
        # the form may stay open (to sign or print): it now builds on what it saved
        self.follow_version(conversation_stamp(self.sessions, self.saved_id))
        self.keep_as_read()
        return None

    def save_without_closing(self) -> bool:
        """Store the form and stay open (before signing or printing); False on a problem."""
        if self.locked or not self.has_unsaved_changes():
            return True
        try:
            self.save()
        except (ValidationError, UserError) as error:
            self.show_error(error)
            return False
        self.error_label.clear_message()
        self._initial = self.snapshot()
        return True

    def sign(self, side: AgreementOwner) -> None:
        if not self.save_without_closing() or self.conversation_id is None:
            return
        box = self.professional_box if side is AgreementOwner.PROFESSIONAL else self.manager_box
        view = self.view
        other_signed = (
            view is not None
            and (
                view.manager_signature
                if side is AgreementOwner.PROFESSIONAL
                else view.professional_signature
            )
            is not None
        )
        if other_signed and not prompts.confirm(
            self,
            _("Sign and lock"),
            _(
                "With this signature the record is locked: after it, a change is only "
                "possible as a correction with its reason. Sign now?"
            ),
            _("Sign and lock"),
            _("Not yet"),
            destructive=True,  # Enter out of habit does not lock the record
        ):
            return
        try:
            sign_conversation(self.sessions, self.conversation_id, side, box.value(), self.today)
        except (ValidationError, UserError) as error:
            self.tabs.setCurrentIndex(3)
            self.error_label.show_message(str(error))
            box.name.setFocus()
            return
        self.error_label.clear_message()
        self.show_view(get_conversation(self.sessions, self.conversation_id))
