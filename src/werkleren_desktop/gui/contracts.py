"""What the window expects of its pages and forms, stated once (instead of asking each
object with ``getattr`` whether it happens to have a method)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import SignalInstance


@runtime_checkable
class Refreshable(Protocol):
    """A page that loads its data again each time it is shown."""

    def refresh(self) -> None: ...


@runtime_checkable
class Navigates(Protocol):
    """A page with links to other areas: ``navigate`` carries an area's key."""

    navigate: SignalInstance


@runtime_checkable
class Says(Protocol):
    """A page with something for the status bar ("Overview saved as …")."""

    status_message: SignalInstance


@runtime_checkable
class GuardsUnsaved(Protocol):
    """A form that can hold something typed and not saved yet (see FormDialog)."""

    def has_unsaved_changes(self) -> bool: ...

    def discard(self) -> None: ...
