"""The main window: sidebar, pages, menus and status bar. Pages do the work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFontMetrics,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.bring_back import BringBack
from werkleren_desktop.gui.contracts import GuardsUnsaved, Navigates, Refreshable, Says
from werkleren_desktop.gui.data_actions import DataActions
from werkleren_desktop.gui.icons import app_icon
from werkleren_desktop.gui.language import apply_language
from werkleren_desktop.gui.navigation import AREAS, HOME, MY_AREAS, Area, areas_for
from werkleren_desktop.gui.offline import OfflineCopies
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import Banner, heading, name_for_screen_readers
from werkleren_desktop.gui.window_state import WindowState
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.paths import DataPaths

# The window is on screen before the data layer (SQLAlchemy and the services) is
# imported: what needs it is imported where it is used, by then long loaded.
if TYPE_CHECKING:
    from werkleren_desktop.domain.organisation import OrganisationSettings
    from werkleren_desktop.gui.agreements.page import AgreementsPage
    from werkleren_desktop.gui.conversations.page import ConversationsPage
    from werkleren_desktop.gui.cycles.page import CyclesPage
    from werkleren_desktop.gui.dialogs.guide import GuideDialog
    from werkleren_desktop.gui.groups.page import GroupsPage
    from werkleren_desktop.gui.mine.conversation import MyConversationPage
    from werkleren_desktop.gui.mine.groups import MyGroupsPage
    from werkleren_desktop.gui.mine.home import MyHomePage
    from werkleren_desktop.gui.mine.requests import MyRequestsPage
    from werkleren_desktop.gui.mine.team import MyTeamPage, TeamGroupsPage
    from werkleren_desktop.gui.mine.training import MyTrainingPage
    from werkleren_desktop.gui.overview.page import OverviewPage
    from werkleren_desktop.gui.pages.home import HomePage
    from werkleren_desktop.gui.people.page import PeoplePage
    from werkleren_desktop.gui.scans.page import ScansPage
    from werkleren_desktop.gui.server_watch import ServerWatch
    from werkleren_desktop.gui.situations.page import SituationsPage
    from werkleren_desktop.gui.training.page import TrainingPage
    from werkleren_desktop.storage.data_store import DataStore
    from werkleren_desktop.storage.server_watch import Change

# another manager's changes are gathered this long before the page shown loads again
CHANGES_SETTLE_MS = 400

EDIT_ACTIONS = (
    ("undo", "Undo", QKeySequence.StandardKey.Undo),
    ("redo", "Redo", QKeySequence.StandardKey.Redo),
    ("cut", "Cut", QKeySequence.StandardKey.Cut),
    ("copy", "Copy", QKeySequence.StandardKey.Copy),
    ("paste", "Paste", QKeySequence.StandardKey.Paste),
    ("selectAll", "Select all", QKeySequence.StandardKey.SelectAll),
)
_EDIT_LABELS = {  # spelled out so that extraction finds them
    "undo": lambda: _("&Undo"),
    "redo": lambda: _("&Redo"),
    "cut": lambda: _("Cu&t"),
    "copy": lambda: _("&Copy"),
    "paste": lambda: _("&Paste"),
    "selectAll": lambda: _("Select &all"),
}


class MainWindow(QMainWindow):
    """The main window. Made with a data store it shows the data at once; made with only
    the data folder's paths it opens as it looked last time (title, organisation, the
    areas) while the data are being opened, and shows them when :meth:`open_store` is
    called."""

    opened = Signal()  # the data are open and shown

    own_store: DataStore  # the user's own data folder
    store: DataStore  # what the window shows: the own data or the demo
    # each area's page once it was first shown (gui/area_pages.py makes them)
    home_page: HomePage
    people_page: PeoplePage
    groups_page: GroupsPage
    cycles_page: CyclesPage
    situations_page: SituationsPage
    agreements_page: AgreementsPage
    training_page: TrainingPage
    conversations_page: ConversationsPage
    overview_page: OverviewPage
    scans_page: ScansPage
    # Mijn leren (a manager or a professional signed in; the situations page as above)
    my_home_page: MyHomePage
    my_conversation_page: MyConversationPage
    my_requests_page: MyRequestsPage
    my_groups_page: MyGroupsPage
    my_training_page: MyTrainingPage
    # a manager's team besides (the conversations page as above)
    team_page: MyTeamPage
    team_groups_page: TeamGroupsPage

    def __init__(
        self,
        store: DataStore | None,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        paths: DataPaths | None = None,
    ) -> None:
        super().__init__()
        if store is not None:
            paths = store.paths
        if paths is None:
            raise ValueError("a window needs its data or the paths of its data folder")
        self.paths = paths
        self.tasks = tasks
        self.today = today
        self.state = WindowState(paths.window_state)
        self.settings: OrganisationSettings | None = None
        self.is_open = False
        self.setWindowIcon(app_icon())
        self.setMinimumSize(760, 520)
        self._said_before_work = ""
        self.guide_dialog: GuideDialog | None = None
        self.recently_deleted = BringBack(self, lambda: self.store.sessions)
        self.recently_deleted.changed.connect(self._update_edit_actions)
        # Ctrl+Z outside a text field (a field takes the key for its own typing first)
        bring_back = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        bring_back.activated.connect(self.recently_deleted.bring_back)
        self.tasks.busy_changed.connect(self._show_busy)
        self.data_actions = DataActions(self, self, tasks)
        self.data_actions.switched.connect(self._switched)
        self.data_actions.demo_busy.connect(self._demo_busy)
        self.data_actions.demo_failed.connect(self._demo_failed)
        self.data_actions.backing_up.connect(self._backing_up)
        self.data_actions.backed_up.connect(lambda said: self.statusBar().showMessage(said, 8000))
        errors.tell_with(lambda message: self.statusBar().showMessage(message, 15_000))
        self.presence_label = QLabel()  # in the status bar once on a shared server
        self.server_watch: ServerWatch | None = None
        self._server_was_lost = False
        self._changes: list[Change] = []
        self._changes_timer = QTimer(self)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(CHANGES_SETTLE_MS)
        self._changes_timer.timeout.connect(self._apply_changes)
        self.offline = OfflineCopies(tasks, self)
        self.offline.went_offline.connect(self._went_offline)
        self.offline.back_online.connect(self._back_online)
        self.offline.failed.connect(
            lambda message: prompts.show_error(self, _("Copy on this computer"), message)
        )
        QApplication.instance().focusChanged.connect(self._update_edit_actions)  # type: ignore[union-attr]
        if store is None:
            self._build_opening()
        else:
            self.open_store(store)
        self.restore_geometry()

    def open_store(self, store: DataStore) -> None:
        """Show the data: the organisation's pages, or the welcome page for a new one."""
        from werkleren_desktop.services.organisation import load_settings

        self.own_store = self.store = store
        self.is_open = True
        self.settings = load_settings(store.sessions)
        if self.settings is not None and self.settings.language != current_language():
            apply_language(self.settings.language)
        self._build(self.state.area())
        self._watch(store)
        self.opened.emit()

    # --- building -----------------------------------------------------------------

    def _build(self, area_key: str | None = None) -> None:
        """(Re)build everything that shows text, e.g. after the language changed."""
        from werkleren_desktop.gui.pages.welcome import WelcomePage

        self.setWindowTitle(
            f"{self.settings.name} — Werkleren Desktop" if self.settings else "Werkleren Desktop"
        )
        self.menuBar().clear()
        self._build_menus()
        self.central = QStackedWidget()
        self.welcome_page = WelcomePage(self.own_store.sessions)
        self.welcome_page.organisation_ready.connect(self._organisation_ready)
        self.welcome_page.demo_requested.connect(self.open_demo)
        self.welcome_page.server_requested.connect(self.data_actions.connect_to_server)
        self.welcome_page.language_chosen.connect(self.set_language)
        self.central.addWidget(self.welcome_page)
        self.central.addWidget(self._build_main_area(self.settings.name if self.settings else ""))
        self.setCentralWidget(self.central)
        if self.isVisible():
            self.central.show()  # at once, not at the layout's queued show

        self._show_where(self.store.paths)
        if not self.showing_demo:  # for the next start, before the data are open
            self.state.set_look(
                self.settings.name if self.settings else None,
                current_language(),
                own_part=self.store.seat is not None,
            )

        has_organisation = self.settings is not None
        self.central.setCurrentIndex(1 if has_organisation else 0)
        for action in (self.settings_action, *self.area_actions.values(), self.sidebar_action):
            action.setEnabled(has_organisation)
        self.close_demo_action.setEnabled(self.showing_demo)  # nothing to close otherwise
        if has_organisation:
            from werkleren_desktop.storage.drafts import (
                SCAN_FORM_DRAFT,
                SITUATION_DRAFT,
                DraftStore,
            )

            self.show_area(area_key or self.areas[0].key)
            drafts = DraftStore(self.store.paths.drafts)
            if drafts.load(SITUATION_DRAFT) is not None:
                self.statusBar().showMessage(
                    _("A learning situation that was not saved is waiting in Learning situations.")
                )
            elif drafts.load(SCAN_FORM_DRAFT) is not None:
                self.statusBar().showMessage(
                    _("A scan form that was not saved is waiting under ‘Where do we stand?’.")
                )

    def _build_opening(self) -> None:
        """The window while its data are being opened: as it looked last time, greyed."""
        name = self.state.organisation_name()
        self.setWindowTitle(f"{name} — Werkleren Desktop" if name else "Werkleren Desktop")
        self._build_menus()
        for action in (
            self.settings_action,
            self.open_demo_action,
            self.close_demo_action,
            self.backup_action,
            self.restore_action,
            self.server_action,
            self.local_action,
            self.users_action,
            self.about_action,
            *self.area_actions.values(),
            self.sidebar_action,
        ):
            action.setEnabled(False)
        opening = QLabel(_("Opening the data…"))
        opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        opening.setEnabled(False)  # grey, like the rest until the data are there
        if name is None:  # a first start, or one before the window remembered its look
            self.setCentralWidget(opening)
        else:
            self.setCentralWidget(self._build_main_area(name))
            self.sidebar.setEnabled(False)
            self.pages.addWidget(opening)
            self.pages.setCurrentWidget(opening)
        self._show_where(self.paths)

    @property
    def own_paths(self) -> DataPaths:
        """Where the user's own data are: the folder's file, or the shared server."""
        return self.own_store.paths if self.is_open else self.paths

    @property
    def areas(self) -> tuple[Area, ...]:
        """The sidebar's areas: the whole program, or a manager's or a professional's own
        part (Mijn leren) when one signed in; before the data are open, as last time."""
        if self.is_open:
            return areas_for(self.store.seat)
        return MY_AREAS if self.state.own_part() else AREAS  # a manager's: once open

    @property
    def own_part(self) -> bool:
        """Whether a manager or a professional signed in: the settings, the demo, the
        backups and the users are the beheerder's, and their menu items are left out."""
        return self.store.seat is not None if self.is_open else self.state.own_part()

    def _show_where(self, paths: DataPaths) -> None:
        from werkleren_desktop.domain.formatting import format_moment
        from werkleren_desktop.storage.server import described_url

        if not hasattr(self, "folder_label"):
            self.folder_label = QLabel()
            self.statusBar().addPermanentWidget(self.folder_label)
        if self.is_open:  # to copy the path; made selectable once the data are there
            self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = self.store.offline if self.is_open else None
        if paths.server_url and copy is not None:
            self.folder_label.setText(
                _("Data: copy of {server} of {moment}, read-only").format(
                    server=described_url(paths.server_url), moment=format_moment(copy.made_at)
                )
            )
        elif paths.server_url:
            self.folder_label.setText(
                _("Data: shared server {server}").format(server=described_url(paths.server_url))
            )
        else:
            self.folder_label.setText(_("Data: {folder}").format(folder=paths.root))

    def _build_main_area(self, organisation_name: str) -> QWidget:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setStyleSheet(
            "#sidebar { border: none; background: palette(window); font-size: 11pt; }"
            "#sidebar::item { padding: 9px 14px; border-radius: 6px; margin: 1px 6px; }"
            "#sidebar::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        for area in self.areas:
            item = QListWidgetItem(_(area.title))
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            item.setToolTip(_(area.summary))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._area_row_changed)

        # a name beside the areas, not text to copy (a selectable label costs the window's
        # first paint 5 ms)
        self.organisation_label = heading(organisation_name, 1.1, selectable=False)
        self.logo_label = QLabel()
        self.logo_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._show_logo()
        side = QWidget()
        # wide enough for the longest area name in the sidebar's larger font
        longest = max((_(area.title) for area in self.areas), key=len)
        font = self.sidebar.font()
        font.setPointSizeF(11)
        side.setMinimumWidth(max(190, QFontMetrics(font).horizontalAdvance(longest) + 70))
        side.setMaximumWidth(320)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 16, 4, 10)
        side_layout.addWidget(self.logo_label)
        side_layout.addWidget(self.organisation_label)
        side_layout.addSpacing(8)
        side_layout.addWidget(self.sidebar, 1)
        self.side_panel = side

        # a page is made when it is first shown: the window opens without building
        # (and importing) all of them
        self.pages = QStackedWidget()
        self.page_of_area: dict[str, QWidget] = {}
        self._made: set[str] = set()
        for area in self.areas:
            not_made_yet = QWidget()  # an empty stand-in until the page is first shown
            self.page_of_area[area.key] = not_made_yet
            self.pages.addWidget(not_made_yet)

        splitter = QSplitter()
        splitter.setHandleWidth(1)
        splitter.setStyleSheet("QSplitter::handle { background: palette(mid); }")
        splitter.addWidget(side)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([side.minimumWidth(), 10_000])  # a laptop's width goes to the page
        side.setVisible(self.state.sidebar_visible())
        self.sidebar_action.setChecked(self.state.sidebar_visible())

        main_area = QWidget()
        layout = QVBoxLayout(main_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.demo_banner = self._build_demo_banner()
        layout.addWidget(self.demo_banner)
        self.offline_banner = Banner("")
        self.offline_banner.setStyleSheet(
            self.offline_banner.styleSheet() + "#banner { border-width: 0 0 1px 0; }"
        )
        self.offline_button = self.offline_banner.add_button("")
        self.offline_button.clicked.connect(self._offline_button_clicked)
        self.offline_banner.hide()
        layout.addWidget(self.offline_banner)
        layout.addWidget(splitter, 1)
        return main_area

    def _build_demo_banner(self) -> Banner:
        banner = Banner(
            _("You are looking at a made-up demo organisation; nothing here is your own data.")
        )
        banner.setStyleSheet(banner.styleSheet() + "#banner { border-width: 0 0 1px 0; }")
        self.demo_label = banner.label
        self.leave_demo_button = banner.add_button(_("Back to my own organisation"))
        self.leave_demo_button.clicked.connect(self.close_demo)
        banner.setVisible(self.showing_demo)
        return banner

    @property
    def showing_demo(self) -> bool:
        return self.is_open and self.store is not self.own_store

    def _show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        self.settings_action = file_menu.addAction(_("&Settings…"))
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.open_demo_action = file_menu.addAction(_("Open the &demo organisation"))
        self.open_demo_action.triggered.connect(self.open_demo)
        self.close_demo_action = file_menu.addAction(_("&Close the demo organisation"))
        self.close_demo_action.triggered.connect(self.close_demo)
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(_("&Back up now"))
        self.backup_action.triggered.connect(self.data_actions.back_up_now)
        self.restore_action = file_menu.addAction(_("&Restore a backup…"))
        self.restore_action.triggered.connect(self.data_actions.restore)
        file_menu.addSeparator()
        self.server_action = file_menu.addAction(_("S&hared server…"))
        self.server_action.triggered.connect(self.data_actions.connect_to_server)
        self.local_action = file_menu.addAction(_("&Work on this computer…"))
        self.local_action.triggered.connect(self.data_actions.work_on_this_computer)
        self.local_action.setVisible(self.own_paths.on_server)
        self.users_action = file_menu.addAction(_("&Users…"))
        self.users_action.triggered.connect(self.open_users)
        self.users_action.setVisible(self.own_paths.on_server)
        file_menu.addSeparator()
        for action in (
            self.settings_action,
            self.open_demo_action,
            self.close_demo_action,
            self.backup_action,
            self.restore_action,
            self.local_action,
            self.users_action,
        ):
            if self.own_part:
                action.setVisible(False)
        quit_action = file_menu.addAction(_("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        if quit_action.shortcut().isEmpty():
            quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        edit_menu = bar.addMenu(_("&Edit"))
        self.edit_actions: dict[str, QAction] = {}
        for method, _english, key in EDIT_ACTIONS:
            action = edit_menu.addAction(_EDIT_LABELS[method]())
            action.setShortcut(key)
            # the focused field handles the key itself; the menu is for the mouse
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, m=method: self._edit(m))
            self.edit_actions[method] = action
            if method == "redo":
                edit_menu.addSeparator()
        self._update_edit_actions()

        view_menu = bar.addMenu(_("&View"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.area_actions: dict[str, QAction] = {}
        for number, area in enumerate(self.areas, start=1):
            action = view_menu.addAction(_(area.title))
            action.setCheckable(True)
            if number <= 10:  # Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth
                action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.triggered.connect(lambda _checked=False, key=area.key: self.show_area(key))
            group.addAction(action)
            self.area_actions[area.key] = action
        view_menu.addSeparator()
        self.sidebar_action = view_menu.addAction(_("Show &sidebar"))
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setShortcut(QKeySequence("Ctrl+B"))
        self.sidebar_action.toggled.connect(self._toggle_sidebar)
        full_screen = view_menu.addAction(_("&Full screen"))
        full_screen.setCheckable(True)
        full_screen.setShortcut(QKeySequence.StandardKey.FullScreen)
        if full_screen.shortcut().isEmpty():
            full_screen.setShortcut(QKeySequence("F11"))
        full_screen.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())

        help_menu = bar.addMenu(_("&Help"))
        self.guide_action = help_menu.addAction(_("&Guide"))
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addSeparator()
        self.about_action = help_menu.addAction(_("&About Werkleren Desktop"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        about_qt = help_menu.addAction(_("About &Qt"))
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        about_qt.triggered.connect(QApplication.aboutQt)

    # --- behaviour ----------------------------------------------------------------

    def current_area(self) -> str | None:
        item = self.sidebar.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_area(self, key: str) -> None:
        keys = [area.key for area in self.areas]
        if self.settings is not None:
            self.sidebar.setCurrentRow(keys.index(key) if key in keys else 0)

    def show_situations_of(self, person_id: int | None, group_id: int | None) -> None:
        self.show_area("situations" if self.store.seat is None else "my_situations")
        self.situations_page.show_filtered(person_id, group_id)

    def show_conversation(self, conversation_id: int | None, person_id: int | None) -> None:
        if self.store.seat is not None:  # a manager's own part: their team's conversations
            if not self.store.seat.manages:
                return
            self.show_area("team_conversations")
            self.conversations_page.open_conversation(conversation_id, person_id)
            return
        self.show_area("conversations")
        self.conversations_page.open_conversation(conversation_id, person_id)

    def page(self, key: str) -> QWidget:
        """The area's page, made on first use (gui/area_pages.py) and wired the same way
        as every other: what it says goes to the status bar, its links to other areas,
        people's learning situations and conversations, and what it deleted."""
        if key not in self._made:
            from werkleren_desktop.gui.area_pages import AREA_PAGES, PageContext
            from werkleren_desktop.gui.record_page import RecordListPage

            areas = self.areas
            index = [area.key for area in areas].index(key)
            spec = AREA_PAGES[key]
            page = spec.make(
                PageContext(
                    self.store.sessions,
                    self.tasks,
                    self.today,
                    self.store.paths,
                    self.data_actions.back_up_before_import,
                    self.store.seat,
                )
            )
            name_for_screen_readers(page, _(areas[index].title))
            if isinstance(page, Navigates):
                page.navigate.connect(self.show_area)
            if isinstance(page, Says):
                page.status_message.connect(self._show_message)
            if isinstance(page, RecordListPage):
                page.situations_wanted.connect(self.show_situations_of)
                page.conversation_wanted.connect(self.show_conversation)
                page.deleted.connect(lambda kept, page=page: self.recently_deleted.keep(kept, page))
            setattr(self, spec.attribute, page)  # window.people_page, declared above
            stand_in = self.page_of_area[key]
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            self.page_of_area[key] = page
            self._made.add(key)
        return self.page_of_area[key]

    def _area_row_changed(self, row: int) -> None:
        if row < 0:
            return
        area = self.areas[row]
        self.page(area.key)
        self.pages.setCurrentIndex(row)
        self.area_actions[area.key].setChecked(True)
        self.state.set_area(area.key)
        page = self.page_of_area[area.key]
        if isinstance(page, Refreshable):
            page.refresh()

    def _toggle_sidebar(self, visible: bool) -> None:
        self.side_panel.setVisible(visible)
        self.state.set_sidebar_visible(visible)

    def _show_logo(self) -> None:
        if self.settings and self.settings.logo_png:
            pixmap = QPixmap()
            pixmap.loadFromData(self.settings.logo_png)
            self.logo_label.setPixmap(
                pixmap.scaled(
                    160,
                    56,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.logo_label.show()
        else:
            self.logo_label.hide()

    def _edit(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, method) and self._types(widget, method):
            getattr(widget, method)()
        elif method == "undo" and self.recently_deleted.records:
            # Ctrl+Z outside a text field: the last deleted record
            self.recently_deleted.bring_back()

    @staticmethod
    def _types(widget: QWidget, method: str) -> bool:
        """Whether ``method`` is the widget's own text editing (Ctrl+Z in a field undoes
        the typing there; elsewhere it brings back what was deleted)."""
        if method != "undo":
            return True
        return not bool(getattr(widget, "isReadOnly", lambda: False)())

    def _update_edit_actions(self, *_args: object) -> None:
        widget = QApplication.focusWidget()
        read_only = bool(widget is not None and getattr(widget, "isReadOnly", lambda: False)())
        for method, action in self.edit_actions.items():
            available = widget is not None and hasattr(widget, method)
            changes_text = method in {"undo", "redo", "cut", "paste"}
            usable = available and not (read_only and changes_text)
            if method == "undo" and self.recently_deleted.records:
                usable = True
            action.setEnabled(usable)

    @property
    def undo_button(self) -> QPushButton:
        return self.recently_deleted.button

    def _show_busy(self, busy: bool) -> None:
        if busy:
            # a result said a moment ago ("Imported: ...") comes back when the work is done
            self._said_before_work = self.statusBar().currentMessage()
            self.statusBar().showMessage(_("Working…"))
        elif self.statusBar().currentMessage() == _("Working…"):
            # only its own words: a result said meanwhile ("written to ...") stays
            self.statusBar().showMessage(self._said_before_work)
            self._said_before_work = ""
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def _organisation_ready(self) -> None:
        from werkleren_desktop.services.organisation import load_settings

        self.settings = load_settings(self.store.sessions)
        if self.settings and self.settings.language != current_language():
            apply_language(self.settings.language)
        self._build(HOME.key)
        self.statusBar().showMessage(_("Welcome! This is your home page."), 6000)

    # --- the data shown -------------------------------------------------------------

    def open_demo(self) -> None:
        self.data_actions.open_demo()

    def close_demo(self) -> None:
        self.data_actions.close_demo()

    def _demo_busy(self, busy: bool) -> None:
        self.welcome_page.set_busy(busy)
        self.open_demo_action.setEnabled(not busy)

    def _demo_failed(self, message: str) -> None:
        if self.central.currentWidget() is self.welcome_page:
            self.welcome_page.show_error(message)
        else:
            prompts.show_error(self, _("Demo organisation"), message)

    def _switched(self, store: DataStore, own: bool, message: str) -> None:
        """Show other data: the demo, the own data again, or a restored backup."""
        from werkleren_desktop.services.organisation import load_settings

        if own:
            self.own_store = store
        self.store = store
        self.recently_deleted.forget()
        self.settings = load_settings(store.sessions)
        self._build(HOME.key)
        self._watch(store)
        if message:
            self.statusBar().showMessage(message, 12_000)

    # --- others at work on the shared server --------------------------------------

    def _watch(self, store: DataStore) -> None:
        """On a shared server: refresh what is shown when another manager saves, and
        say who else is connected (``gui.server_watch``); nothing on a laptop's file."""
        from werkleren_desktop.gui.server_watch import ServerWatch

        self._stop_watching()
        self.presence_label.clear()
        # a manager's or a professional's copy holds only what their login may read
        # (docs/roles.md), as the server hands it over
        self.offline.watch(store if store is self.own_store else None)
        self._show_offline()
        if not store.paths.on_server or store.offline is not None:
            self.statusBar().removeWidget(self.presence_label)
            return
        self.statusBar().insertPermanentWidget(0, self.presence_label)
        self.presence_label.show()
        self.server_watch = ServerWatch(store.engine, self)
        self.server_watch.changed.connect(self._changed_elsewhere)
        self.server_watch.present.connect(self._show_presence)
        self.server_watch.reachable.connect(self._server_reachable)
        self.server_watch.start()

    def _stop_watching(self) -> None:
        watch = getattr(self, "server_watch", None)
        if watch is not None:
            watch.stop()
            watch.deleteLater()
            self.server_watch = None

    def _changed_elsewhere(self, changes: list[Change]) -> None:
        """Gathered for a moment (a save is several statements, a burst of saves one
        reload), then the page shown loads again, keeping its selection and what is
        typed in its search; open forms on a changed record say so."""
        self._changes.extend(changes)
        self._changes_timer.start()
        self.offline.note_changes()  # the copy on this computer is due again

    def _apply_changes(self) -> None:
        from werkleren_desktop.gui.dialogs.form_dialog import FormDialog

        changes, self._changes = self._changes, []
        if not changes or self.settings is None:
            return
        area = self.current_area()
        page = self.page_of_area.get(area) if area else None
        if isinstance(page, Refreshable) and page.isVisible():
            page.refresh()
        for dialog in self.findChildren(FormDialog):
            if dialog.isVisible():
                dialog.notice_changes(changes)

    def _show_presence(self, others: list[tuple[str, int]]) -> None:
        from werkleren_desktop.gui.server_watch import presence_text
        from werkleren_desktop.services.versions import my_login

        self.presence_label.setText(presence_text(others, my_login(self.store.sessions)))

    def _server_reachable(self, reachable: bool) -> None:
        if reachable:
            if self._server_was_lost:
                self.statusBar().showMessage(_("Connected to the server again."), 8000)
                if self.settings is not None:
                    self._apply_changes_after_absence()
        else:
            self.presence_label.setText(_("The server cannot be reached; trying again…"))
            self.statusBar().showMessage(
                _(
                    "The connection to the server was lost. What you type in a form stays "
                    "there; save it once the server answers again."
                ),
                15_000,
            )
        self._server_was_lost = not reachable
        self._show_offline()

    # --- the copy on this computer, while the server cannot be reached ------------

    def _show_offline(self) -> None:
        """The strip that offers the copy while the server is away, and says that the
        copy is shown while it is; hidden otherwise."""
        from werkleren_desktop.domain.formatting import format_moment

        if not hasattr(self, "offline_banner"):
            return
        store = self.store if self.is_open else None
        copy = store.offline if store is not None else None
        offer = None
        if copy is None and store is not None and self._server_was_lost:
            offer = self.offline.available
        if copy is not None:
            self.offline_banner.label.setText(
                _(
                    "The server cannot be reached. You are reading the copy of {moment} kept "
                    "on this computer: nothing can be saved until the server answers again, "
                    "which is tried every few seconds."
                ).format(moment=format_moment(copy.made_at))
            )
            self.offline_button.setText(_("Try again now"))
        elif offer is not None:
            self.offline_banner.label.setText(
                _(
                    "The connection to the server was lost; it is tried again. Meanwhile you "
                    "can read the copy kept on this computer (read-only)."
                )
            )
            self.offline_button.setText(
                _("Read the copy of {moment}").format(moment=format_moment(offer.made_at))
            )
        self.offline_banner.setVisible(copy is not None or offer is not None)

    def _offline_button_clicked(self) -> None:
        if self.store.offline is not None:
            self.offline.try_server()
        else:
            self.offline.read_copy()

    def _went_offline(self) -> None:
        self._reading_changed(
            _("You are reading the copy kept on this computer; nothing can be saved.")
        )

    def _back_online(self) -> None:
        self._server_was_lost = False
        self._reading_changed(_("The server answers again: you are working on the shared data."))

    def _reading_changed(self, message: str) -> None:
        """The store reads the copy now, or the server again: say where, load anew."""
        self._watch(self.store)
        self._show_where(self.store.paths)
        self._apply_changes_after_absence()
        self.statusBar().showMessage(message, 10_000)

    def _apply_changes_after_absence(self) -> None:
        """Back after the connection was lost: what changed meanwhile is unknown, so
        the page shown loads again."""
        area = self.current_area()
        page = self.page_of_area.get(area) if area else None
        if isinstance(page, Refreshable):
            page.refresh()

    def _backing_up(self, busy: bool) -> None:
        self.backup_action.setEnabled(not busy)

    def set_language(self, language: str) -> None:
        apply_language(language)
        self._build(self.current_area() if self.settings else None)

    def open_settings(self) -> None:
        from werkleren_desktop.gui.dialogs.settings import SettingsDialog
        from werkleren_desktop.services.organisation import read_settings

        if self.settings is None:
            return
        try:  # as stored now (another manager may have changed them), with the version
            settings, stamp = read_settings(self.store.sessions)
        except UserError as error:
            prompts.show_error(self, _("Settings"), str(error))
            return
        dialog = SettingsDialog(
            self.store.sessions,
            settings or self.settings,
            self,
            self.today,
            self.store.paths,
            stamp,
        )
        dialog.saved.connect(self._settings_saved)
        dialog.rejected.connect(lambda: self._settings_taken(dialog))
        dialog.open()
        self.settings_dialog = dialog

    def _settings_taken(self, dialog: QDialog) -> None:
        """The settings form was closed after taking another manager's settings: the
        window shows them too."""
        from werkleren_desktop.gui.dialogs.settings import SettingsDialog

        if isinstance(dialog, SettingsDialog) and dialog.took_theirs:
            self.settings = dialog.original
            self._build(self.current_area())

    def _settings_saved(self, settings: OrganisationSettings) -> None:
        language_changed = settings.language != current_language()
        self.settings = settings
        if language_changed:
            apply_language(settings.language)
        self._build(self.current_area())
        self.statusBar().showMessage(_("Settings saved."), 5000)

    def open_users(self) -> None:
        """The users of the shared data and their roles (File › Users…)."""
        from werkleren_desktop.gui.dialogs.users import UsersDialog
        from werkleren_desktop.services.people import list_people

        if not self.store.paths.on_server or self.store.offline is not None:
            prompts.show_error(
                self, _("Users"), _("The users are managed on the server, once it answers.")
            )
            return
        try:
            dialog = UsersDialog(self.store.engine, list_people(self.store.sessions), self)
        except UserError as error:
            prompts.show_error(self, _("Users"), str(error))
            return
        dialog.open()
        self.users_dialog = dialog

    def open_guide(self) -> None:
        """The guide at the section of the page in view (F1); one guide window at a time."""
        from werkleren_desktop.gui.dialogs.guide import GuideDialog

        if self.guide_dialog is None:  # made once; closing it only hides it
            self.guide_dialog = GuideDialog(self)
        guide = self.guide_dialog
        area = self.current_area() if self.settings is not None else None
        guide.show_section(area or "way-of-working")
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def open_about(self) -> None:
        from werkleren_desktop.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.store.paths.root, self)
        dialog.open()
        self.about_dialog = dialog

    # --- state --------------------------------------------------------------------

    def restore_geometry(self) -> None:
        geometry = self.state.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)

    def unsaved_dialogs(self) -> list[QDialog]:
        """Open forms holding something typed that is not saved yet."""
        return [
            dialog
            for dialog in self.findChildren(QDialog)
            if dialog.isVisible()
            and isinstance(dialog, GuardsUnsaved)
            and dialog.has_unsaved_changes()
        ]

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_dialogs()
        if unsaved:
            if not prompts.confirm(
                self,
                _("Unsaved changes"),
                _("A form holds changes that are not saved. Quit without saving them?"),
                _("Quit without saving"),
                _("Keep editing"),
                destructive=True,
            ):
                event.ignore()
                unsaved[0].raise_()
                unsaved[0].activateWindow()
                return
            for dialog in unsaved:
                assert isinstance(dialog, GuardsUnsaved)
                dialog.discard()
        self._stop_watching()
        self.offline.stop()
        self.state.set_geometry(self.saveGeometry())
        self.state.sync()
        self.tasks.wait(10_000)
        if self.showing_demo:
            self.store.close()
            self.store = self.own_store
        super().closeEvent(event)
