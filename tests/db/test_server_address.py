"""The shared server's address as the connection dialog and the commands use it: checked
field by field, turned into the URL libpq reads (TLS with server verification by
default), and read back from a URL; without a server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import make_url

from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.storage.server import ServerAddress, Tls, normalised_url

pytestmark = pytest.mark.usefixtures("dutch")


def test_the_url_verifies_the_server_by_default(tmp_path: Path) -> None:
    ca = tmp_path / "ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    address = ServerAddress(" db.vandijk.nl ", "werkleren", "marieke", ca_file=str(ca))
    url = make_url(address.validated().url("p@ss/wo:rd"))
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == (
        "db.vandijk.nl", 5432, "werkleren", "marieke"
    )  # fmt: skip
    assert url.password == "p@ss/wo:rd"  # written so that any password survives
    assert url.query["sslmode"] == "verify-full" and url.query["sslrootcert"] == str(ca)
    assert ServerAddress.from_url(address.validated().url("x")) == address.validated()
    assert "p@ss" not in address.described() and "p@ss" not in repr(address)


def test_a_socket_folder_is_the_server_on_this_computer() -> None:
    address = ServerAddress("/var/run/postgresql", "werkleren", "beheer", tls=Tls.NONE)
    url = make_url(address.validated().url())
    assert url.host is None and url.query["host"] == "/var/run/postgresql"
    assert "sslmode" not in url.query


@pytest.mark.parametrize(
    ("address", "field", "message"),
    [
        (ServerAddress("", "werkleren", "m"), "host", "Vul de naam of het adres van de server in."),
        (ServerAddress("db server", "werkleren", "m"), "host", "geen naam of adres"),
        (ServerAddress("db", "werkleren", "m", port=0), "port", "1 tot en met 65535"),
        (ServerAddress("db", "", "m"), "database", "naam van de database"),
        (ServerAddress("db", "werkleren", "m; drop"), "user", "gebruikersnaam"),
        (ServerAddress("db", "werkleren", "m", ca_file="/nergens.crt"), "ca_file", "bestaat niet"),
    ],
)
def test_each_field_is_checked(address: ServerAddress, field: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as raised:
        address.validated()
    assert raised.value.field == field


def test_a_command_s_url_is_a_postgresql_one_and_never_shown_with_its_password() -> None:
    assert normalised_url("postgresql://a@b/c").startswith("postgresql+psycopg://a@b/c?")
    with pytest.raises(UserError, match="PostgreSQL-server"):
        normalised_url("sqlite:///x.sqlite3")
    with pytest.raises(UserError) as raised:
        normalised_url("post gres://a:geheim@b/c")
    assert "geheim" not in str(raised.value)
