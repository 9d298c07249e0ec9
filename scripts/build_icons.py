"""Render the application icon from its SVG master into every size the systems want.

    python scripts/build_icons.py

Writes resources/icons/werkleren-<size>.png (16 to 512), werkleren.ico (Windows) and
werkleren.icns (macOS), and the packaged copies the program itself loads. Run it after
changing resources/icons/werkleren.svg and commit the results.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
PACKAGED = ROOT / "src" / "werkleren_desktop" / "assets" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int, path: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(path)):
        sys.exit(f"could not write {path}")


def main() -> None:
    _app = QGuiApplication(sys.argv)
    master = ICONS / "werkleren.svg"
    renderer = QSvgRenderer(str(master))
    if not renderer.isValid():
        sys.exit(f"{master} is not a valid SVG")
    pngs = {size: ICONS / f"werkleren-{size}.png" for size in SIZES}
    for size, path in pngs.items():
        render(renderer, size, path)
    largest = Image.open(pngs[512])
    largest.save(ICONS / "werkleren.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(ICONS / "werkleren.icns")
    PACKAGED.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(master, PACKAGED / "werkleren.svg")
    shutil.copyfile(pngs[256], PACKAGED / "werkleren-256.png")
    print(f"icons written to {ICONS.relative_to(ROOT)} and {PACKAGED.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
