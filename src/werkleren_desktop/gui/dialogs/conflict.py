"""When a form is saved after someone else changed the same record: what each of the
two changed, field by field, and the choice to keep one's own, take the other's, or
merge them."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.formatting import format_moment
from werkleren_desktop.domain.text import shortened
from werkleren_desktop.gui.widgets import (
    hint,
    name_for_screen_readers,
    paragraph,
    scrolling,
    section,
)
from werkleren_desktop.i18n import _
from werkleren_desktop.services.versions import Stamp

SHOWN = 40  # characters of a value shown in a choice; the whole text in its tooltip


class Choice(enum.Enum):
    BACK = "back"  # to the form, nothing saved
    MINE = "mine"  # save the form as it is, over the other's change
    THEIRS = "theirs"  # the form shows the other's version, nothing saved
    MERGE = "merge"  # per field, as chosen; then saved


@dataclass(frozen=True)
class PartChange:
    """One field that differs between the user's form and the other's save."""

    key: str
    label: str
    mine: str  # as shown
    theirs: str
    mine_changed: bool  # the user changed it since the form was read
    theirs_changed: bool  # the other saved a change of it

    @property
    def both_changed(self) -> bool:
        return self.mine_changed and self.theirs_changed


def who_changed(stamp: Stamp, my_login: str) -> str:
    """ "anna (30 nov 2026 10:12)", or "you, in another window (...)"."""
    when = format_moment(stamp.changed_at) if stamp.changed_at else ""
    if not stamp.changed_by:
        who = _("Someone else")
    elif stamp.changed_by == my_login:
        who = _("You, in another window or on another computer,")
    else:
        who = stamp.changed_by
    if when:
        return _("{who} changed it on {when}").format(who=who, when=when)
    return _("{who} changed it").format(who=who)


class ConflictDialog(QDialog):
    """Opened by a form whose save found a newer version (``FormDialog``)."""

    def __init__(
        self,
        what: str,
        stamp: Stamp,
        changes: list[PartChange],
        my_login: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Changed by someone else"))
        self.choice = Choice.BACK
        self.changes = changes
        heading = section(_("Changed while you were editing: {what}").format(what=what))
        heading.setWordWrap(True)
        who = paragraph(who_changed(stamp, my_login) + ".")
        explanation = hint(
            _(
                "Choose per field which version to keep. A field only you changed keeps "
                "yours, a field only the other changed takes theirs; where you both changed "
                "it, you choose. Nothing is saved until you do."
            )
        )
        grid = QGridLayout()
        grid.addWidget(section(_("Field")), 0, 0)
        grid.addWidget(section(_("Yours")), 0, 1)
        grid.addWidget(section(_("Theirs")), 0, 2)
        self.groups: dict[str, QButtonGroup] = {}
        self.theirs_buttons: dict[str, QRadioButton] = {}
        self.mine_buttons: dict[str, QRadioButton] = {}
        for row, change in enumerate(changes, start=1):
            label = QLabel(change.label + (" ⚠" if change.both_changed else ""))
            if change.both_changed:
                label.setToolTip(_("You both changed this field."))
            mine = self._choice(change.mine, change.label, _("yours"))
            theirs = self._choice(change.theirs, change.label, _("theirs"))
            group = QButtonGroup(self)
            group.addButton(mine)
            group.addButton(theirs)
            (theirs if change.theirs_changed and not change.mine_changed else mine).setChecked(True)
            # one line each: the field's name level with its two choices
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(mine, row, 1, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(theirs, row, 2, Qt.AlignmentFlag.AlignVCenter)
            self.groups[change.key] = group
            self.mine_buttons[change.key] = mine
            self.theirs_buttons[change.key] = theirs
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        table = QWidget()
        table.setLayout(grid)

        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton(
            _("Save as chosen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.mine_button = buttons.addButton(
            _("Keep all of mine"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.theirs_button = buttons.addButton(
            _("Take theirs"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.back_button = buttons.addButton(
            _("Back to the form"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.theirs_button.setToolTip(
            _("The form shows the other's version; what you typed is let go.")
        )
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(lambda: self._close_with(Choice.MERGE))
        self.mine_button.clicked.connect(lambda: self._close_with(Choice.MINE))
        self.theirs_button.clicked.connect(lambda: self._close_with(Choice.THEIRS))
        self.back_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addWidget(explanation)
        area = scrolling(table)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # every choice in sight when there are few; a long form's scrolls (a laptop)
        area.setMinimumHeight(min(table.sizeHint().height() + 8, 380))
        # as wide as the choices, which never scroll sideways (a screen's width at most:
        # gui/screen_fit.py); the vertical scroll bar's room kept beside them
        bar = area.verticalScrollBar().sizeHint().width()
        area.setMinimumWidth(min(table.sizeHint().width() + bar + 4, 1100))
        layout.addWidget(area, 1)
        layout.addWidget(buttons)
        name_for_screen_readers(self, self.windowTitle())
        # at least as wide as its choices (an explicit minimum would override theirs)
        self.resize(max(640, self.sizeHint().width()), self.sizeHint().height())
        first = next(iter(self.mine_buttons.values()), None)
        if first is not None:
            first.setFocus()

    def _choice(self, text: str, field: str, side: str) -> QRadioButton:
        flat = " ".join(text.split())
        button = QRadioButton(shortened(flat, SHOWN))
        button.setToolTip(text)
        button.setAccessibleName(f"{field}: {side}")
        return button

    def _close_with(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def chosen_theirs(self) -> set[str]:
        """The fields whose other version was chosen (for a merge)."""
        return {key for key, button in self.theirs_buttons.items() if button.isChecked()}
