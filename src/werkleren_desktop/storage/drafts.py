"""Drafts of forms being filled in, kept on disk so that a crash loses nothing typed.

An open form writes what it holds every few seconds; saving or discarding the form
removes the draft. After a crash the draft is still there, and the program offers it
back. One draft per kind of form: a person fills in one learning situation at a time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from werkleren_desktop.storage.files import write_atomically

FORMAT = 1
SITUATION_DRAFT = "situation"  # the kind of the learning-situation form's draft
SCAN_FORM_DRAFT = "scan-form"  # a respondent's scan form, entered from paper
READ = "_read"  # in ``all_states``: the record's fields as the form read them


@dataclass(frozen=True)
class Draft:
    kind: str
    saved_at: dt.datetime
    record_id: int | None  # the record being changed, or None for a new one
    state: dict[str, Any]
    # the record's version when the form read it, and its fields then: a draft resumed
    # after someone else changed the record ends in the choice, never overwrites it
    version: int | None = None
    read: dict[str, Any] | None = None


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, kind: str) -> Path:
        return self.folder / f"{kind}.json"

    def save(
        self,
        kind: str,
        record_id: int | None,
        state: dict[str, Any],
        version: int | None = None,
        read: dict[str, Any] | None = None,
        saved_at: dt.datetime | None = None,
    ) -> None:
        """Write the draft whole or not at all: a crash mid-write keeps the previous one.

        Raises UserError when the folder cannot be written.
        """
        content = {
            "format": FORMAT,
            "saved_at": (saved_at or dt.datetime.now()).isoformat(timespec="seconds"),
            "record_id": record_id,
            "state": state,
            "version": version,
            "read": read,
        }
        write_atomically(
            self._path(kind), json.dumps(content, ensure_ascii=False, default=str).encode()
        )

    def load(self, kind: str) -> Draft | None:
        """The draft, or None when there is none or it cannot be read (then it is set
        aside, never silently deleted)."""
        path = self._path(kind)
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
            if content.get("format") != FORMAT or not isinstance(content.get("state"), dict):
                raise ValueError("not a draft of this program")
            record_id = content.get("record_id")
            version, read = content.get("version"), content.get("read")
            return Draft(
                kind,
                dt.datetime.fromisoformat(content["saved_at"]),
                int(record_id) if record_id is not None else None,
                content["state"],
                int(version) if version is not None else None,
                read if isinstance(read, dict) else None,
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            with contextlib.suppress(OSError):
                path.replace(path.with_suffix(".unreadable"))
            return None

    def discard(self, kind: str) -> None:
        self._path(kind).unlink(missing_ok=True)

    def all_states(self) -> list[tuple[str, dict[str, Any]]]:
        """(kind, what the form held, and under READ what it read) of every draft
        waiting, for an erasure to search."""
        found = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            draft = self.load(path.stem)
            if draft is not None:
                found.append((draft.kind, {**draft.state, READ: draft.read}))
        return found

    def replace_state(self, kind: str, state: dict[str, Any]) -> None:
        """The draft with another content (``all_states``' form), as saved before (for
        an erasure)."""
        draft = self.load(kind)
        if draft is None:
            return
        state = dict(state)
        read = state.pop(READ, None)
        self.save(
            kind,
            draft.record_id,
            state,
            draft.version,
            read if isinstance(read, dict) else None,
            draft.saved_at,
        )
