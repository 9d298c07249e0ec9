"""The program's icon. The master is resources/icons/werkleren.svg; the package carries a copy."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_PATH = Path(__file__).parent.parent / "assets" / "icons" / "werkleren.svg"


@cache
def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))
