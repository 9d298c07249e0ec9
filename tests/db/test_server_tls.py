"""The connection to the shared server protected as the connection dialog offers it,
against a throwaway cluster with a certificate for "localhost" from a test authority:
verified when the authority's certificate is given and the name matches, refused in a
sentence at the certificate field when it is not, and encrypted without verification
when the user chose that."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from werkleren_desktop.db.engine import make_engine
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.data_store import open_data_folder
from werkleren_desktop.storage.server import ServerAddress, Tls
from werkleren_desktop.storage.server_admin import init_server

pytestmark = pytest.mark.usefixtures("dutch")


@pytest.fixture(scope="module")
def tls_server() -> Iterator[tuple[str, Path]]:
    """A cluster speaking TLS on localhost, with one prepared database; its socket URL
    (for the administrator) and its authority's certificate."""
    from tests.postgres import throwaway_cluster

    try:
        cluster = throwaway_cluster(tls=True)
        admin_url = cluster.__enter__()
    except Exception as error:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a PostgreSQL server for these tests: {error}")
        pytest.skip(f"no PostgreSQL server here: {error}")
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as sql:
            sql.execute(text("CREATE DATABASE werkleren"))
        admin.dispose()
        url = admin_url.replace("/postgres?", "/werkleren?")
        engine = make_engine(url)
        init_server(engine)
        engine.dispose()
        yield url, Path(str(make_url(url).query["host"])) / "ca.crt"
    finally:
        cluster.__exit__(None, None, None)


def address(url: str, host: str, tls: Tls, ca_file: str = "") -> ServerAddress:
    port = int(str(make_url(url).query["port"]))
    return ServerAddress(host, "werkleren", "postgres", port=port, tls=tls, ca_file=ca_file)


def opened(paths: DataPaths, where: ServerAddress) -> str:
    store = open_data_folder(paths.with_server(where.validated().url()))
    try:
        with store.engine.connect() as sql:
            return str(
                sql.execute(
                    text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                ).scalar()
            )
    finally:
        store.close()


def test_the_server_verified_by_its_authority(tls_server, data_paths: DataPaths) -> None:
    url, ca = tls_server
    assert opened(data_paths, address(url, "localhost", Tls.VERIFY, str(ca))) == "True"


def test_a_server_that_cannot_prove_its_name_is_refused_at_the_certificate_field(
    tls_server, data_paths: DataPaths
) -> None:
    url, ca = tls_server
    # the certificate names "localhost", not this address; or no authority is given
    for where in (
        address(url, "127.0.0.1", Tls.VERIFY, str(ca)),
        address(url, "localhost", Tls.VERIFY),
    ):
        with pytest.raises(ValidationError, match="kon niet aantonen") as raised:
            opened(data_paths, where)
        assert raised.value.field == "ca_file"


def test_encrypted_without_verification_when_chosen(tls_server, data_paths: DataPaths) -> None:
    url, _ca = tls_server
    assert opened(data_paths, address(url, "127.0.0.1", Tls.ENCRYPT)) == "True"
    assert opened(data_paths, address(url, "localhost", Tls.NONE)) == "False"
