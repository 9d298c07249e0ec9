"""Switching the interface language: our catalog plus Qt's own strings (dialog buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from werkleren_desktop.i18n import current_language, set_language

_installed: list[QTranslator] = []


def apply_language(language: str) -> None:
    set_language(language)
    app = QCoreApplication.instance()
    if app is None:
        return
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{current_language()}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
