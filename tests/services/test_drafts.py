"""Drafts on disk: written whole, read back, set aside when unreadable."""

from __future__ import annotations

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
