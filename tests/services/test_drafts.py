"""Drafts on disk: written whole, read back, set aside when unreadable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from werkleren_desktop.storage.drafts import DraftStore


def test_a_draft_is_kept_read_back_and_discarded(tmp_path: Path) -> None:
    drafts = DraftStore(tmp_path / "drafts")
    assert drafts.load("situation") is None
    drafts.save("situation", None, {"title": "Ketel valt uit", "people": [3]})
    drafts.save("situation", 7, {"title": "Ketel valt steeds uit", "people": [3, 4]})
    draft = drafts.load("situation")
    assert draft is not None
    assert (draft.record_id, draft.state) == (
        7,
        {"title": "Ketel valt steeds uit", "people": [3, 4]},
    )
    # written whole through a temporary file: nothing else is left in the folder
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == ["situation.json"]
    drafts.discard("situation")
    assert drafts.load("situation") is None
    drafts.discard("situation")  # twice is fine


def test_an_unreadable_draft_is_set_aside_not_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "situation.json").write_text('{"format": 1, "state": ', encoding="utf-8")
    assert DraftStore(folder).load("situation") is None
    assert (folder / "situation.unreadable").read_text(encoding="utf-8").startswith('{"format"')


def test_a_draft_keeps_the_version_and_fields_it_read_and_an_erasure_cleans_both(
    tmp_path: Path,
) -> None:
    from werkleren_desktop.storage.drafts import READ

    drafts = DraftStore(tmp_path)
    read = {"title": "Lek bij Anouk", "day": dt.date(2026, 11, 20), "people": (1, 2)}
    drafts.save("situation", 7, {"title": "Lek bij Anouk thuis"}, version=3, read=read)
    draft = drafts.load("situation")
    assert draft is not None
    assert (draft.record_id, draft.version) == (7, 3)
    assert draft.read == {"title": "Lek bij Anouk", "day": "2026-11-20", "people": [1, 2]}
    [(kind, searched)] = drafts.all_states()
    assert searched[READ]["title"] == "Lek bij Anouk"  # an erasure searches what was read too
    cleaned = {"title": "Lek bij A. thuis", READ: {**searched[READ], "title": "Lek bij A."}}
    drafts.replace_state(kind, cleaned)
    again = drafts.load("situation")
    assert again is not None
    assert again.state == {"title": "Lek bij A. thuis"}
    assert again.read is not None and again.read["title"] == "Lek bij A."
    assert (again.version, again.saved_at) == (3, draft.saved_at)


def test_on_a_server_each_login_keeps_its_own_drafts(tmp_path: Path) -> None:
    """A colleague who signs in on the same computer with their own login is never
    offered another's form, nor writes over it; the laptop's own file keeps its own."""
    from werkleren_desktop.paths import DataPaths

    folder = DataPaths(tmp_path)
    server = "postgresql+psycopg://{login}:geheim@db.example.nl:5432/werkleren?sslmode=require"
    bea = DraftStore(folder.with_server(server.format(login="bea")).drafts)
    mark = DraftStore(folder.with_server(server.format(login="mark")).drafts)
    laptop = DraftStore(folder.drafts)
    bea.save("conversation", 4, {"notes": "vertrouwelijk, ander team"})
    assert mark.load("conversation") is None and laptop.load("conversation") is None
    mark.save("conversation", 9, {"notes": "eigen team"})
    again = bea.load("conversation")
    assert again is not None and again.state == {"notes": "vertrouwelijk, ander team"}
    # the same login at the same server, however its address is written (no password,
    # the port left out), is the same drafts
    same = folder.with_server("postgresql+psycopg://bea@db.example.nl/werkleren").drafts
    assert DraftStore(same).load("conversation") == again
    assert laptop.all_states() == []
