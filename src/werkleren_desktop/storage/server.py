"""The shared mode: where the PostgreSQL server is, its password, and what its refusals
mean for the user.

The address is a setting of this computer (``local.json`` in the data folder); the
password lives in the operating system's keyring (Windows Credential Manager, the macOS
Keychain, the Secret Service on Linux) and never in a file of ours. Where no keyring
exists the window asks for it at every start, and commands use what PostgreSQL's own
client reads: ``PGPASSWORD`` or ``~/.pgpass``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DATABASE_URL_ENV, DataPaths
from werkleren_desktop.storage.local_settings import read_local, write_local

DEFAULT_PORT = 5432
KEYRING_SERVICE = "Werkleren Desktop"
CONNECT_TIMEOUT_S = 10
# what PostgreSQL accepts as a name without quoting, the way administrators write them
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$.-]{0,62}$")
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$")


class Tls(enum.StrEnum):
    """How the connection is protected (libpq's ``sslmode``)."""

    VERIFY = "verify-full"  # encrypted, and the server proves it is the one named
    ENCRYPT = "require"  # encrypted, the server not checked
    NONE = "disable"  # only on the server itself or a trusted network


class NotSharedError(UserError):
    """A server command where no server was named."""


@dataclass(frozen=True)
class ServerAddress:
    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    tls: Tls = Tls.VERIFY
    ca_file: str = ""  # the certificate authority that signed the server's certificate

    @property
    def on_socket(self) -> bool:
        """A Unix socket's folder rather than a host name (the server on this computer)."""
        return self.host.startswith("/")

    def validated(self) -> ServerAddress:
        """The address tidied, or a ValidationError naming the field."""
        tidy = replace(
            self,
            host=self.host.strip(),
            database=self.database.strip(),
            user=self.user.strip(),
            ca_file=self.ca_file.strip(),
        )
        if not tidy.host:
            raise ValidationError(_("Fill in the server's name or address."), "host")
        if not tidy.on_socket and not _HOST.match(tidy.host):
            raise ValidationError(
                _("“{host}” is not a server name or address.").format(host=tidy.host), "host"
            )
        if not 1 <= tidy.port <= 65535:
            raise ValidationError(_("The port is a number from 1 to 65535."), "port")
        if not _NAME.match(tidy.database):
            raise ValidationError(
                _("Fill in the database's name (letters, digits and _ only)."), "database"
            )
        if not _NAME.match(tidy.user):
            raise ValidationError(
                _("Fill in your user name on the server (letters, digits and _ only)."), "user"
            )
        if tidy.ca_file and not Path(tidy.ca_file).is_file():
            raise ValidationError(
                _("The certificate file {path} does not exist.").format(path=tidy.ca_file),
                "ca_file",
            )
        return tidy

    def url(self, password: str | None = None) -> str:
        from sqlalchemy import URL

        query: dict[str, str] = {"connect_timeout": str(CONNECT_TIMEOUT_S)}
        host: str | None = self.host
        if self.on_socket:  # libpq takes a socket's folder as the host parameter
            query["host"], host = self.host, None
        else:
            query["sslmode"] = str(self.tls)
            if self.ca_file:
                query["sslrootcert"] = self.ca_file
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password or None,
            host=host,
            port=self.port,
            database=self.database,
            query=query,
        ).render_as_string(hide_password=False)

    def described(self) -> str:
        """For the status bar and messages: no password."""
        where = self.host if self.on_socket else f"{self.host}:{self.port}"
        return f"{self.database} @ {where}"

    @property
    def keyring_name(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "tls": str(self.tls)}

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        """The address a URL names (its password left out)."""
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        socket = parsed.query.get("host")
        mode = parsed.query.get("sslmode", Tls.VERIFY)
        ca = parsed.query.get("sslrootcert", "")
        return cls(
            host=parsed.host or (socket if isinstance(socket, str) else "") or "localhost",
            database=parsed.database or "",
            user=parsed.username or "",
            port=parsed.port or DEFAULT_PORT,
            tls=Tls(mode) if mode in set(Tls) else Tls.VERIFY,
            ca_file=ca if isinstance(ca, str) else "",
        )

    @classmethod
    def from_json(cls, data: object) -> ServerAddress | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                host=str(data["host"]),
                database=str(data["database"]),
                user=str(data["user"]),
                port=int(data.get("port", DEFAULT_PORT)),
                tls=Tls(data.get("tls", Tls.VERIFY)),
                ca_file=str(data.get("ca_file", "")),
            )
        except (KeyError, ValueError, TypeError):
            return None


def saved_address(paths: DataPaths) -> ServerAddress | None:
    """The server this computer works on, or None: the data file on this computer."""
    return ServerAddress.from_json(read_local(paths).get("server"))


def save_address(paths: DataPaths, address: ServerAddress | None) -> None:
    """Work on ``address`` from now on (None: on this computer again). The copy of the
    server's data kept for reading offline goes when the server or login changes."""
    from werkleren_desktop.storage.offline import forget_copy

    before = saved_address(paths)
    write_local(paths, "server", address.to_json() if address is not None else None)
    if before is not None and (address is None or address.keyring_name != before.keyring_name):
        forget_copy(paths)


# --- the password --------------------------------------------------------------------


def keyring_works() -> bool:
    """Whether this system has a keyring to keep the password in."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring set-up is no keyring
        return False
    return not isinstance(backend, fail.Keyring)


def saved_password(address: ServerAddress) -> str | None:
    if not keyring_works():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, address.keyring_name)
    except Exception:  # a locked or broken keyring: asked for instead
        return None


def save_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the keyring; False where there is none (then it is asked for
    at every start, and kept in memory only)."""
    if not keyring_works():
        return False
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, address.keyring_name, password)
    except Exception:
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    if not keyring_works():
        return
    import keyring

    try:
        keyring.delete_password(KEYRING_SERVICE, address.keyring_name)
    except Exception:  # nothing kept: nothing to forget
        return


# --- which data a command works on ---------------------------------------------------


def resolve_paths(data_dir: Path, database_url: str | None = None) -> DataPaths:
    """The data a command or the window works on: the server named by ``--database-url``
    or ``WERKLEREN_DATABASE_URL``, else the server this computer was connected to in the
    window (its password from the keyring), else the data file in the folder."""
    import os

    paths = DataPaths(data_dir)
    url = (database_url or os.environ.get(DATABASE_URL_ENV, "")).strip()
    if url:
        return paths.with_server(normalised_url(url))
    address = saved_address(paths)
    if address is not None:
        return paths.with_server(address.url(saved_password(address)))
    return paths


def normalised_url(url: str) -> str:
    """A PostgreSQL URL as the program connects with it (psycopg 3), or a UserError."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(
            _(
                "“{url}” is not a database URL; write it as postgresql://user@server/database."
            ).format(url=_without_password(url))
        ) from None
    if parsed.get_backend_name() != "postgresql":
        raise UserError(
            _("A shared server is a PostgreSQL server: postgresql://user@server/database.")
        )
    if parsed.drivername in {"postgresql", "postgres", "postgresql+psycopg2"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    return parsed.render_as_string(hide_password=False)


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def described_url(url: str) -> str:
    """A server's URL as the user may see it: database and host, no password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    host = parsed.host or parsed.query.get("host") or "localhost"
    return f"{parsed.database} @ {host if isinstance(host, str) else host[0]}"


# --- the server's refusals, in sentences ---------------------------------------------


def restore_elsewhere() -> UserError:
    """A backup is never restored over the server's data in use."""
    return UserError(
        _(
            "On a shared server a backup is restored into a new, empty database, so that "
            "the data in use stay as they are until the switch: prepare one (werkleren "
            "server init), copy the backup into it (werkleren server move --from FILE) "
            "and connect to it with File › Shared server."
        )
    )


def connection_problem(error: BaseException, url: str) -> UserError | None:
    """Why the server could not be reached or refused us, as one sentence; None when
    ``error`` is something else. The server's own words are never shown: they may
    quote stored values."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a dependency
        return None
    original = getattr(error, "orig", None) or error
    if not isinstance(original, psycopg.OperationalError):
        return None
    text = str(original).lower()
    where = described_url(url)
    if "password authentication failed" in text or "no password supplied" in text:
        return ValidationError(
            _(
                "The server {server} did not accept the user name and password. Check them "
                "under File › Shared server (or PGPASSWORD for a command)."
            ).format(server=where),
            "password",
        )
    if "does not exist" in text and "database" in text:
        return ValidationError(
            _(
                "The server has no database {server}; ask its administrator to create it "
                "and to run werkleren server init."
            ).format(server=where),
            "database",
        )
    if "role" in text and "does not exist" in text:
        return ValidationError(
            _("The server {server} does not know this user name.").format(server=where), "user"
        )
    if "certificate" in text or "ssl" in text:
        return ValidationError(
            _(
                "The server {server} could not prove it is the server named (its "
                "certificate): check the server's name and the certificate file, or ask its "
                "administrator."
            ).format(server=where),
            "ca_file",
        )
    if "permission denied" in text or "not permitted" in text or "pg_hba" in text:
        return ValidationError(
            _("The server {server} does not let this user connect.").format(server=where), "user"
        )
    return ValidationError(
        _(
            "The server {server} cannot be reached: it may be off, or this computer is not "
            "on its network. Nothing has been changed."
        ).format(server=where),
        "host",
    )
