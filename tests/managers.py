"""Another manager at work on the same data at the same time: a Python process of its
own (as another laptop's program is), with a login of its own on the shared server."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from werkleren_desktop.storage.data_store import DataStore
from werkleren_desktop.storage.server_admin import Roles

ROOT = Path(__file__).resolve().parents[1]

PRELUDE = """
import datetime as dt, os, sys, time
from werkleren_desktop.db.engine import make_engine, make_session_factory
sessions = make_session_factory(make_engine(os.environ["OTHER_MANAGER_URL"]))
def say(line):
    print(line, flush=True)
"""


def second_login(url: str, name: str = "bea") -> str:
    """``url`` as a second manager's own login on the server (made once per database:
    logins belong to the whole cluster)."""
    database = make_url(url).database or ""
    login = f"{name}_{database}"[:60]
    engine = create_engine(url)
    with engine.begin() as sql:
        exists = sql.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login})
        if exists.first() is None:
            sql.execute(text(f'CREATE ROLE "{login}" LOGIN IN ROLE "{Roles.of(database).users}"'))
    engine.dispose()
    return make_url(url).set(username=login).render_as_string(hide_password=False)


class OtherManager:
    """Runs ``script`` (with ``sessions`` and ``say`` at hand) in another process."""

    def __init__(self, url: str, script: str) -> None:
        env = {**os.environ, "OTHER_MANAGER_URL": url, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-c", PRELUDE + textwrap.dedent(script)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        self.said: list[str] = []

    def wait_until_it_says(self, wanted: str) -> None:
        """Block until the other process prints ``wanted`` (it got that far)."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.said.append(line.strip())
            if line.strip() == wanted:
                return
        raise AssertionError(f"the other manager ended before {wanted!r}: {self.finish()}")

    def finish(self, timeout: float = 60) -> str:
        out, err = self.process.communicate(timeout=timeout)
        assert self.process.returncode == 0, err
        return "\n".join([*self.said, out.strip()]).strip()


def run_as_other_manager(url: str, script: str) -> str:
    """Run ``script`` in another process to its end; what it said."""
    return OtherManager(url, script).finish()


def other_manager_url(store: DataStore) -> str:
    """Where another manager's program reaches the same data as ``store``: the server
    with a login of their own, or (on a laptop) the same file, as a second window."""
    if store.paths.server_url:
        return second_login(store.paths.server_url)
    return store.paths.database_url
