"""No error unseen: a refusal shown in its own sentence, an unexpected error in a
sentence of ours, with its details in a log file in the data folder.

The log holds what a developer needs and nothing a user typed: the kind of error and
the stack (file, line, function), never the error's own words, which may quote a name
or a note from the data. It is capped: past its size it starts again, keeping the
previous one as ``errors.log.1``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from werkleren_desktop import __version__
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.i18n import _

LOG_NAME = "errors.log"
MAX_LOG_BYTES = 256 * 1024

_log_folder: Path | None = None
_tell: Callable[[str], None] | None = None  # the status bar, once a window has one


def log_into(folder: Path | None) -> None:
    """Where the log goes: the data folder the window has open (None: nowhere)."""
    global _log_folder
    _log_folder = folder


def tell_with(show: Callable[[str], None] | None) -> None:
    """How a passing problem is said (the window's status bar)."""
    global _tell
    _tell = show


def tell(message: str) -> None:
    """Say a passing problem (a draft that could not be kept) where the user looks."""
    if _tell is not None:
        _tell(message)


def kind_of(error: BaseException) -> str:
    return type(error).__name__


def log_entry(error: BaseException) -> str:
    """The error as the log keeps it: kinds and frames only, for every error in its chain."""
    lines = [f"{dt.datetime.now().isoformat(timespec='seconds')} Werkleren Desktop {__version__}"]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by or while handling:")
    return "\n".join(lines) + "\n\n"


def _short(filename: str) -> str:
    """A file as the log names it: from the package or the library on, not the user's
    home folder (whose name is often the user's own)."""
    parts = Path(filename).parts
    for anchor in ("werkleren_desktop", "site-packages", "dist-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return Path(filename).name


def log_unexpected(error: BaseException) -> Path | None:
    """Write the error to the log; its path, or None when there is no log (no data
    folder yet, or the disk refuses: then the sentence alone must do)."""
    if _log_folder is None:
        return None
    path = _log_folder / LOG_NAME
    entry = log_entry(error).encode()
    try:
        if path.exists() and path.stat().st_size + len(entry) > MAX_LOG_BYTES:
            path.replace(path.with_name(LOG_NAME + ".1"))
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "ab") as log:
            log.write(entry)
    except OSError:
        return None
    return path


def unexpected_sentence(error: BaseException, log: Path | None) -> str:
    if log is None:
        return _("Something unexpected went wrong ({kind}). The program keeps working.").format(
            kind=kind_of(error)
        )
    return _(
        "Something unexpected went wrong ({kind}). The program keeps working; the details, "
        "without personal data, are in {log}."
    ).format(kind=kind_of(error), log=log)


def sentence_for(error: BaseException) -> str:
    """What to say of ``error`` where it happened (a page's line, a form): a refusal in
    its own words, the server's refusal of one's role in ours, anything else in ours and
    in the log. Never the error's own words: a server's may quote stored values."""
    if isinstance(error, UserError):
        return str(error)
    from werkleren_desktop.db.engine import refusal

    refused = refusal(error)
    if refused is not None:
        return refused
    return unexpected_sentence(error, log_unexpected(error))


def report(parent: QWidget | None, error: BaseException) -> None:
    """Show ``error`` in a message box: a refusal in its own words, anything else in ours
    (and in the log)."""
    if isinstance(error, UserError):
        prompts.show_error(parent, _("Not done"), str(error))
        return
    prompts.show_error(
        parent, _("Unexpected error"), unexpected_sentence(error, log_unexpected(error))
    )


def install_exception_hook() -> None:
    """Every exception that escapes a slot reaches the user, and the window stays."""

    def hook(kind: type[BaseException], error: BaseException, stack: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, stack)
            return
        error.__traceback__ = stack
        report(QApplication.activeWindow(), error)

    sys.excepthook = hook
