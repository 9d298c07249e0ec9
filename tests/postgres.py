"""A throwaway PostgreSQL cluster for the tests: made in a temporary folder, listening
on a Unix socket only, stopped and removed at the end. PostgreSQL refuses to run as
root, so as root (CI) it runs as the ``postgres`` user Debian's package creates."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PORT = 55433


def server_binaries() -> Path | None:
    """The newest installed server's programs (Debian keeps them per major version)."""
    found = sorted(
        (p for p in Path("/usr/lib/postgresql").glob("*/bin") if p.parent.name.isdigit()),
        key=lambda p: int(p.parent.name),
    )
    if found and (found[-1] / "initdb").exists():
        return found[-1]
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _run(command: list[str]) -> None:
    if os.geteuid() == 0:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def free_port() -> int:
    """A TCP port on localhost nobody listens on now (two test runs never share one)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def throwaway_cluster(*, tls: bool = False) -> Iterator[str]:
    """Start a cluster; yields the URL of its ``postgres`` database, as the superuser.
    With ``tls`` it also listens on a free port of localhost (the URL's port) with a
    certificate for "localhost" signed by a test authority, whose certificate is
    ``ca.crt`` in the socket's folder (the URL's host)."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("no PostgreSQL server programs (Debian: apt install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="werkleren-pg-"))
    folder.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    try:
        _run([str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
              "--encoding=UTF8", "--locale=C.UTF-8"])  # fmt: skip
        port = PORT
        options = f"-p {PORT} -k {folder} -c listen_addresses= -c fsync=off"
        if tls:
            port = free_port()
            make_certificates(folder)
            options = (
                f"-p {port} -k {folder} -c listen_addresses=localhost -c fsync=off"
                f" -c ssl=on -c ssl_cert_file={folder / 'server.crt'}"
                f" -c ssl_key_file={folder / 'server.key'}"
            )
        _run([str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
              "-l", str(folder / "log"), "start", "-w"])  # fmt: skip
        try:
            yield f"postgresql+psycopg://postgres@/postgres?host={folder}&port={port}"
        finally:
            _run([str(binaries / "pg_ctl"), "-D", str(data), "stop", "-m", "fast"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def make_certificates(folder: Path) -> None:
    """A test authority (ca.crt) and a server certificate for "localhost" it signed
    (server.crt, server.key: the server's user's own, as PostgreSQL demands)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)

    def certificate(
        subject: str,
        key: ec.EllipticCurvePrivateKey,
        issuer: x509.Name,
        signer: ec.EllipticCurvePrivateKey,
        authority: bool,
    ) -> x509.Certificate:
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=authority, path_length=None), critical=True)
        )
        if not authority:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False
            )
        return builder.sign(signer, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Werkleren test CA")])
    ca = certificate("Werkleren test CA", ca_key, ca_name, ca_key, authority=True)
    key = ec.generate_private_key(ec.SECP256R1())
    server = certificate("localhost", key, ca_name, ca_key, authority=False)
    pem = serialization.Encoding.PEM
    (folder / "ca.crt").write_bytes(ca.public_bytes(pem))
    (folder / "server.crt").write_bytes(server.public_bytes(pem))
    key_file = folder / "server.key"
    key_file.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_file.chmod(0o600)
    if os.geteuid() == 0:
        for name in ("ca.crt", "server.crt", "server.key"):
            shutil.chown(folder / name, "postgres")


def prepare_roles(engine: Any) -> None:
    """The database's roles, as ``werkleren server init`` makes them before its schema
    (users and roles, revision 0021, give them their rights): for tests that run the
    migrations on a server themselves."""
    from werkleren_desktop.storage.server_admin import _ensure_roles, roles_of

    with engine.connect() as connection:
        _ensure_roles(connection, roles_of(connection))
        connection.commit()
