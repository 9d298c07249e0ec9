"""Window size, position and the last page, remembered per data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class WindowState:
    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    def area(self) -> str | None:
        value = self._settings.value("window/area")
        return value if isinstance(value, str) else None

    def set_area(self, key: str) -> None:
        self._settings.setValue("window/area", key)

    def sidebar_visible(self) -> bool:
        return str(self._settings.value("window/sidebar", "true")).lower() == "true"

    def set_sidebar_visible(self, visible: bool) -> None:
        self._settings.setValue("window/sidebar", "true" if visible else "false")

    def sync(self) -> None:
        self._settings.sync()
