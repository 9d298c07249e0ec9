"""Errors meant for the user: their message is one clear, translated sentence."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can understand and act on; ``str()`` is the message to show."""


class ValidationError(UserError):
    """Input that the domain refuses; ``field`` names the input it is about."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class StorageError(UserError):
    """The disk refused to store: full, read-only, or the file is in use. The
    transaction was rolled back, so nothing is half-written."""


class EditConflictError(UserError):
    """The record changed (on a shared server: by someone else) since the form read it;
    nothing was saved. The window shows what changed and lets the user choose."""


class ReadOnlyError(StorageError):
    """A save while the window shows the copy of a shared server's data that this
    computer keeps for when the server cannot be reached: that copy is never written."""
