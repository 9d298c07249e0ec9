"""The shipped icon copies match their master, and every size the systems need exists."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).parent.parent
ICONS = ROOT / "resources" / "icons"
PACKAGED = ROOT / "src" / "werkleren_desktop" / "assets" / "icons"


def test_the_packaged_icon_is_the_master() -> None:
    assert (PACKAGED / "werkleren.svg").read_bytes() == (ICONS / "werkleren.svg").read_bytes()
    assert (PACKAGED / "werkleren-256.png").read_bytes() == (
        ICONS / "werkleren-256.png"
    ).read_bytes()


def test_every_icon_size_exists() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(ICONS / f"werkleren-{size}.png") as image:
            assert image.size == (size, size)
    with Image.open(ICONS / "werkleren.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(ICONS / "werkleren.icns") as icns:
        assert icns.format == "ICNS"
