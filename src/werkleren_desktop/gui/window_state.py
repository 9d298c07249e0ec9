"""Window size, position and the last page, remembered per data folder; and how the
window looked (the organisation's name, the language), so that the next start can
show it before the data are open."""

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

    def organisation_name(self) -> str | None:
        """The organisation the window showed last; None before there was one."""
        value = self._settings.value("look/organisation")
        return value if isinstance(value, str) and value else None

    def language(self) -> str | None:
        value = self._settings.value("look/language")
        return value if isinstance(value, str) and value else None

    def own_part(self) -> bool:
        """Whether the window showed a manager's or a professional's own part (Mijn
        leren) last time, rather than the whole program."""
        return str(self._settings.value("look/own_part", "false")).lower() == "true"

    def set_look(
        self, organisation_name: str | None, language: str, own_part: bool = False
    ) -> None:
        self._settings.setValue("look/own_part", "true" if own_part else "false")
        if organisation_name:
            self._settings.setValue("look/organisation", organisation_name)
        else:
            self._settings.remove("look/organisation")
        self._settings.setValue("look/language", language)

    def sync(self) -> None:
        self._settings.sync()
