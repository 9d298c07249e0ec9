"""The program's icon. The master is resources/icons/werkleren.svg; scripts/build_icons.py
renders the sizes and puts the copies the program loads in assets/icons."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICONS = Path(__file__).parent.parent / "assets" / "icons"


@cache
def app_icon() -> QIcon:
    icon = QIcon(str(ICONS / "werkleren.svg"))
    icon.addFile(str(ICONS / "werkleren-256.png"))  # where Qt's SVG plugin is missing
    return icon
