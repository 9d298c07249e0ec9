"""`werkleren selftest`: what the bundle check runs to prove the bundle still has what the
window needs. It must pass on real data and fail, by name, when a part breaks."""

from __future__ import annotations

import io

import pytest
from PySide6.QtGui import QColor, QImage

from tests.conftest import TODAY
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import pdf_preview
from werkleren_desktop.gui.selftest import run_selftest
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.storage.data_store import DataStore

pytestmark = pytest.mark.sqlite_file  # it opens the folder's file, as the bundle check does


@pytest.fixture
def demo_folder(store: DataStore, data_paths: DataPaths) -> DataPaths:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    store.close()
    return data_paths


def test_every_check_passes_on_the_demo(demo_folder: DataPaths, qtbot) -> None:
    demo_folder.window_state.write_bytes(b"[window]\narea=people\n")
    out = io.StringIO()
    assert run_selftest(demo_folder, out) == 0, out.getvalue()
    # the next start opens where the user left off, not on the self-test's last page
    assert demo_folder.window_state.read_bytes() == b"[window]\narea=people\n"
    lines = out.getvalue().splitlines()
    for page in ("Start", "Mensen", "Weekcycli", "Opleidingen", "Jaaroverzicht", "Waar staan we?"):
        assert any(line.startswith(f"pagina {page}: ok") for line in lines), lines
    assert any(line.startswith("grafieken: ok") for line in lines), lines
    assert any(line.startswith("PDF-voorbeeld: ok (") for line in lines), lines
    assert lines[-1] == "Werkleren Desktop werkt: elke controle is geslaagd."


def test_a_blank_preview_and_an_error_in_a_page_fail_by_name(
    demo_folder: DataPaths, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def blank_pages(pdf: bytes, scale: float) -> list[QImage]:
        image = QImage(200, 300, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        return [image]

    monkeypatch.setattr(pdf_preview, "page_images", blank_pages)
    from werkleren_desktop.gui.overview.page import OverviewPage

    def broken(self: OverviewPage) -> None:
        raise RuntimeError("a slot broke")

    monkeypatch.setattr(OverviewPage, "showEvent", lambda self, event: broken(self))
    out = io.StringIO()
    assert run_selftest(demo_folder, out) == 1
    text = out.getvalue()
    assert "pagina Jaaroverzicht: MISLUKT:" in text
    assert "a slot broke" in text, text
    assert "PDF-voorbeeld: MISLUKT: RuntimeError: the preview shows no page or a blank one" in text
    assert "pagina Start: ok" in text
    assert text.splitlines()[-1].startswith("Werkleren Desktop werkt niet zoals het hoort:")


def test_without_an_organisation_there_is_nothing_to_try(
    store: DataStore, data_paths: DataPaths, qtbot
) -> None:
    store.close()
    with pytest.raises(UserError, match="nog geen organisatie"):
        run_selftest(data_paths, io.StringIO())


def test_without_a_data_file_the_command_says_so(tmp_path, capsys) -> None:
    from werkleren_desktop.cli import main

    assert main(["selftest", "--data-dir", str(tmp_path / "nothing")]) != 0
    assert "Er is geen gegevensbestand in" in capsys.readouterr().err
    assert not (tmp_path / "nothing").exists()  # nothing made where nothing was
