"""Where the program keeps its files.

Everything that lives on disk is found through :class:`DataPaths`, built once at
start-up from the command line, the environment or the platform default, so that
tests and users with an encrypted drive can point the program elsewhere.

In the shared mode the data live on a PostgreSQL server (``server_url``); the folder
still holds what belongs to this computer: drafts, the window's state, the backups.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "Werkleren Desktop"
APP_SLUG = "werkleren"
DATA_DIR_ENV = "WERKLEREN_DATA_DIR"
DATABASE_URL_ENV = "WERKLEREN_DATABASE_URL"
DATABASE_FILENAME = "werkleren.sqlite3"


def default_data_dir() -> Path:
    import platformdirs  # only when no folder was named

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: the --data-dir option, else the environment, else the default."""
    if option:
        return Path(option).expanduser().absolute()
    env = os.environ.get(DATA_DIR_ENV, "").strip()
    if env:
        return Path(env).expanduser().absolute()
    return default_data_dir()


@dataclass(frozen=True)
class DataPaths:
    root: Path
    # the shared server's URL (it may hold a password: never shown)
    server_url: str | None = field(default=None, repr=False, compare=False)

    @property
    def on_server(self) -> bool:
        return self.server_url is not None

    @property
    def database(self) -> Path:
        """The laptop's data file (in the shared mode: where it would be)."""
        return self.root / DATABASE_FILENAME

    @property
    def database_url(self) -> str:
        return self.server_url or f"sqlite:///{self.database}"

    def with_server(self, url: str | None) -> DataPaths:
        return DataPaths(self.root, url)

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def local_settings(self) -> Path:
        """Settings of this computer rather than of the organisation (the backup folder)."""
        return self.root / "local.json"

    @property
    def drafts(self) -> Path:
        """Forms being filled in, kept so that a crash loses nothing typed. On a shared
        server each login keeps its own: a colleague who signs in on the same computer
        is never offered another's form (which may hold what their role may not read),
        nor writes over it."""
        if self.server_url is None:
            return self.root / "drafts"
        return self.root / "drafts" / _login_folder(self.server_url)

    @property
    def demo(self) -> DataPaths:
        """The demo organisation that the window opens beside the user's own data."""
        return DataPaths(self.root / "demo")

    @property
    def closed_mark(self) -> Path:
        """What the data file looked like when the program last closed it cleanly
        (``storage.data_store``)."""
        return self.root / "werkleren.closed"

    @property
    def window_state(self) -> Path:
        """Window size and position: per data folder, so tests never touch a user's."""
        return self.root / "window.ini"

    def ensure(self) -> None:
        # personnel data: a new folder is the user's only (mkdir's mode is masked by the
        # umask; parents above it are left as the system makes them)
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)


def _login_folder(url: str) -> str:
    """A folder name for one login on one server's database ("server-3f2a…"): the same
    for every address of it that names the same login, host, port and database, and
    safe on every file system (the names themselves may hold any character)."""
    import hashlib
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    who = f"{parts.username or ''}@{parts.hostname or ''}:{parts.port or 5432}{parts.path}"
    return "server-" + hashlib.sha256(who.encode()).hexdigest()[:16]
