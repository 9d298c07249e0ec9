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


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster; yields the URL of its ``postgres`` database, as the superuser."""
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
        options = f"-p {PORT} -k {folder} -c listen_addresses= -c fsync=off"
        _run([str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
              "-l", str(folder / "log"), "start", "-w"])  # fmt: skip
        try:
            yield f"postgresql+psycopg://postgres@/postgres?host={folder}&port={PORT}"
        finally:
            _run([str(binaries / "pg_ctl"), "-D", str(data), "stop", "-m", "fast"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
