"""Settings of this computer rather than of the organisation, in ``local.json`` in the
data folder: the backup folder, and the shared server this computer connects to."""

from __future__ import annotations

import json
from typing import Any

from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.files import write_atomically


def read_local(paths: DataPaths) -> dict[str, Any]:
    """What is kept; a missing or unreadable file is an empty one (the defaults)."""
    try:
        content = json.loads(paths.local_settings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return content if isinstance(content, dict) else {}


def write_local(paths: DataPaths, key: str, value: Any) -> None:
    """Keep ``value`` under ``key`` (None: forget it), leaving the other keys as they are."""
    content = read_local(paths)
    if value is None:
        content.pop(key, None)
    else:
        content[key] = value
    write_atomically(paths.local_settings, json.dumps(content, indent=2).encode())
