"""Shared fixtures: a fresh data folder per test, Dutch by default, Qt offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from werkleren_desktop.i18n import set_language  # noqa: E402
from werkleren_desktop.paths import DataPaths  # noqa: E402
from werkleren_desktop.services.data_store import DataStore, open_data_folder  # noqa: E402

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    """Every test starts in Dutch, the default language, and leaves it that way."""
    set_language("nl")
    yield
    set_language("nl")


@pytest.fixture(autouse=True)
def no_stray_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A test that forgets --data-dir must never touch the real user data folder."""
    monkeypatch.setenv("WERKLEREN_DATA_DIR", str(tmp_path / "env-data"))


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[DataStore]:
    store = open_data_folder(data_paths)
    yield store
    store.close()
