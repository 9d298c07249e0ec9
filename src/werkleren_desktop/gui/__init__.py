"""The Qt interface. It calls the services below it; nothing below imports Qt.

Importing PySide6 replaces Python's ``__import__`` by a hook that, for every module
imported afterwards, reads the module's source to see whether it uses PySide's
``__feature__`` switches (``snake_case``, ``true_property``), and keeps the source in
memory. This program uses none of them. At start the hook cost 0.3 s and 20 MB for the
data layer alone (SQLAlchemy is a hundred modules; the calendar of public holidays
three hundred), so Python's own ``__import__`` is put back once PySide6 has loaded.
A module PySide does not know uses the default, feature-free behaviour, which is the
one this program is written for.

When PySide6 was imported before this package (as pytest-qt does), Python's import is
no longer at hand and the hook stays: slower, the same behaviour.
"""

from __future__ import annotations

import builtins

_python_import = builtins.__import__

import PySide6.QtCore  # noqa: E402, F401 - loads PySide6, which installs its hook

if getattr(_python_import, "__name__", "") == "__import__":
    builtins.__import__ = _python_import
