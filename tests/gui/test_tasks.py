"""The background helper: work off the UI thread, outcome back on it."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread

from werkleren_desktop.gui.tasks import TaskRunner


def test_work_runs_in_a_worker_and_the_result_arrives_on_the_ui_thread(qtbot) -> None:
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_on_ui"] = QThread.currentThread() is runner.thread()

    with qtbot.waitSignal(runner.busy_changed) as busy:
        runner.run(work, done, lambda error: None)
    assert busy.args == [True]
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] != ui_thread
    assert seen["callback_on_ui"] is True
    assert not runner.busy


def test_an_error_is_delivered_not_raised(qtbot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def work() -> None:
        raise ValueError("kapot")

    runner.run(work, lambda result: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "kapot"


def test_callbacks_are_skipped_once_their_owner_is_gone(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    owner = QObject()
    called: list[object] = []
    runner.run(gate.wait, called.append, called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert called == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_synchronous_runner_for_tests() -> None:
    runner = TaskRunner(synchronous=True)
    results: list[int] = []
    runner.run(lambda: 7, results.append, lambda error: None)
    assert results == [7]
