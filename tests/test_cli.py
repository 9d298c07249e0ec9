"""The `werkleren` command as scripts and users call it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.calendar_clients import check_calendar_file, read_with_icaljs
from werkleren_desktop import __version__
from werkleren_desktop.cli import main


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "werkleren_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"Werkleren Desktop {__version__}"


def test_python_dash_m_and_the_demo(tmp_path: Path) -> None:
    folder = tmp_path / "demo data"
    result = run("demo", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Voorbeeldorganisatie ‘Installatiebedrijf Van Dijk & Zn.’ aangemaakt" in result.stdout
    with sqlite3.connect(folder / "werkleren.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM person").fetchone()[0] >= 25


def test_data_dir_from_the_environment_and_before_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WERKLEREN_DATA_DIR", str(tmp_path / "from-env"))
    assert main(["demo"]) == 0
    assert (tmp_path / "from-env" / "werkleren.sqlite3").exists()
    assert main(["--data-dir", str(tmp_path / "option"), "demo", "--size", "small"]) == 0
    assert (tmp_path / "option" / "werkleren.sqlite3").exists()


def test_demo_refuses_a_folder_with_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "d")
    assert main(["demo", "--data-dir", folder]) == 0
    capsys.readouterr()
    assert main(["demo", "--data-dir", folder, "--size", "large"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "werkleren: Deze gegevensmap bevat al gegevens; de voorbeeldorganisatie "
        "vult alleen een lege map.\n"
    )


def test_a_bad_option_is_one_dutch_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--size", "enormous"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert (
        "werkleren: argument --size: ongeldige keuze: 'enormous' (kies uit 'small', 'large',"
        " 'huge')" in err
    )
    assert "Traceback" not in err


@pytest.mark.parametrize("problem", ["newer", "not-a-database", "folder-is-a-file"])
def test_errors_are_one_sentence_never_a_traceback(tmp_path: Path, problem: str) -> None:
    folder = tmp_path / "data"
    if problem == "newer":
        assert run("demo", "--data-dir", str(folder)).returncode == 0
        with sqlite3.connect(folder / "werkleren.sqlite3") as connection:
            connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
        connection.close()
        expected = "nieuwere versie van Werkleren Desktop"
    elif problem == "not-a-database":
        folder.mkdir()
        (folder / "werkleren.sqlite3").write_text("hallo")
        expected = "geen database van Werkleren Desktop"
    else:
        folder.write_text("dit is een bestand")
        expected = "kan niet worden aangemaakt"
    result = run("demo", "--data-dir", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("werkleren: ") and expected in lines[0]


def test_english_on_request(tmp_path: Path) -> None:
    result = run("demo", "--data-dir", str(tmp_path / "d"), env={"WERKLEREN_LANG": "en"})
    assert "Demo organisation “Installatiebedrijf Van Dijk & Zn.” created" in result.stdout


def test_import_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    people = tmp_path / "mensen.csv"
    people.write_bytes(
        "Voornaam;Achternaam;Leidinggevende;In dienst\r\n"
        "Zoë;de Boer;;01-02-2010\r\n"
        "Şükrü;Yılmaz;Zoë de Boer;15-03-2021\r\n"
        "Piet;Puk;Klaas Vaak;01-01-2020\r\n"
        "Jan;Datum;;31-02-2020\r\n".encode("utf-8-sig")
    )
    folder = str(tmp_path / "d")
    # without --yes and without a terminal nothing is imported
    assert main(["import", "people", str(people), "--data-dir", folder]) == 1
    out = capsys.readouterr().out
    assert (
        "regel 4: Onbekende leidinggevende ‘Klaas Vaak’. Geïmporteerd zonder leidinggevende.\n"
        "regel 5, In dienst: ‘31-02-2020’ is geen datum; schrijf hem als 15-03-2021.\n"
        "3 nieuw, 0 gewijzigd, 0 ongewijzigd, 1 met fouten."
    ) in out
    assert "Er is niets geïmporteerd." in out

    assert main(["import", "people", str(people), "--data-dir", folder, "--yes"]) == 0
    assert "Geïmporteerd: 3 toegevoegd, 0 gewijzigd." in capsys.readouterr().out
    with sqlite3.connect(Path(folder) / "werkleren.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM person").fetchone() == (3,)

    # the same file again adds nobody
    assert main(["import", "people", str(people), "--data-dir", folder, "--yes"]) == 1
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd, 1 met fouten." in capsys.readouterr().out


def test_import_of_a_missing_file_is_one_sentence(tmp_path: Path) -> None:
    result = run("import", "people", str(tmp_path / "weg.csv"), "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith("werkleren: Het bestand weg.csv kan niet worden gelezen")
    assert "Traceback" not in result.stderr


def test_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    capsys.readouterr()
    assert main(["check", "--data-dir", str(folder)]) == 0
    assert "is in orde" in capsys.readouterr().out
    with sqlite3.connect(folder / "werkleren.sqlite3") as connection:  # foreign keys off here
        connection.execute("UPDATE person SET manager_id = 99999 WHERE id = 2")
    connection.close()
    assert main(["check", "--data-dir", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "is beschadigd" in err and "person 2 → person" in err


def test_check_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--data-dir", str(tmp_path / "leeg")]) == 1
    assert "Er is geen gegevensbestand" in capsys.readouterr().err
    assert not (tmp_path / "leeg").exists()  # checking creates nothing


def test_export_calendar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.storage.data_store import open_data_folder

    folder = str(tmp_path / "d")
    assert main(["demo", "--data-dir", folder]) == 0
    out = tmp_path / "agenda" / "cycli.ics"
    assert main(["export", "calendar", "--out", str(out), "--data-dir", folder]) == 0
    assert "sessies geschreven naar" in capsys.readouterr().out
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) > 40
    assert all(str(e["summary"]).startswith("Weekcyclus ") for e in events)
    # through the file's own time zone, as Thunderbird reads it: the same moments
    assert [e.start_utc for e in read_with_icaljs(out)] == [
        e.decoded("dtstart").astimezone(dt.UTC) for e in events
    ]
    store = open_data_folder(DataPaths(Path(folder)))
    try:
        check_calendar_file(out.read_bytes(), store.sessions)
    finally:
        store.close()
    assert not any(e.walk("VALARM") for e in events)
    # a reminder for this file only; 0 for none
    assert (
        main(["export", "calendar", "--out", str(out), "--alarm", "30", "--data-dir", folder]) == 0
    )
    reminded = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert {a.decoded("trigger") for e in reminded for a in e.walk("VALARM")} == {
        -dt.timedelta(minutes=30)
    }
    assert (
        main(["export", "calendar", "--out", str(out), "--alarm", "0", "--data-dir", folder]) == 0
    )
    assert not Calendar.from_ical(out.read_bytes()).walk("VALARM")
    capsys.readouterr()
    assert (
        main(["export", "calendar", "--out", str(out), "--alarm", "-5", "--data-dir", folder]) == 1
    )
    assert (
        "Een herinnering komt tussen 1 minuut en 7 dagen vóór de sessie." in capsys.readouterr().err
    )
    assert (
        main(
            [
                "export",
                "calendar",
                "--out",
                str(out),
                "--group",
                "Bestaat niet",
                "--data-dir",
                folder,
            ]
        )
        == 1
    )
    assert "Er is geen leergroep met de naam ‘Bestaat niet’." in capsys.readouterr().err


def test_print_conversation_forms(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    from collections import Counter

    from pypdf import PdfReader

    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.services.conversations import list_conversations
    from werkleren_desktop.services.people import list_people
    from werkleren_desktop.storage.data_store import open_data_folder

    folder = tmp_path / "d"
    assert main(["demo", "--data-dir", str(folder)]) == 0
    store = open_data_folder(DataPaths(folder))
    try:
        # a name only one person has: the demo of some days has two of one name, which
        # the command rightly refuses ("use the e-mail address")
        names = Counter(p.full_name for p in list_people(store.sessions))
        held = next(
            c
            for c in list_conversations(store.sessions)
            if c.held_on and c.locked and names[c.person_name] == 1
        )
    finally:
        store.close()

    def text(path: Path) -> str:
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    out = tmp_path / "forms" / "voorbereiding.pdf"
    base = ["print", "conversation", "--data-dir", str(folder), "--out"]
    assert main([*base, str(out), "--person", held.person_name]) == 0
    assert "Geschreven naar" in capsys.readouterr().out
    prepared = text(out)
    assert "Voorbereiding" in prepared and held.person_name in prepared
    assert "Feiten over de periode" in prepared and held.manager_name in prepared

    assert main([*base, str(out), "--person", held.person_name, "--record"]) == 0
    record = text(out)
    assert "Verslag" in record and "Handtekeningen" in record and "Gehouden op" in record

    assert main([*base, str(out), "--blank"]) == 0
    assert held.person_name not in text(out)

    assert main([*base, str(out), "--person", "Niemand Bekend"]) == 1
    assert "Er is niemand met de naam ‘Niemand Bekend’." in capsys.readouterr().err
    assert main([*base, str(out)]) == 1
    assert "--person" in capsys.readouterr().err


def test_export_overview(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    folder = str(tmp_path / "d")
    assert main(["demo", "--data-dir", folder]) == 0
    for kind in ("pdf", "xlsx", "csv"):
        out = tmp_path / f"overzicht.{kind}"
        args = ["export", "overview", "--year", "2025", "--format", kind, "--out", str(out)]
        assert main([*args, "--data-dir", folder]) == 0
        assert "Het overzicht van 2025" in capsys.readouterr().out
        assert out.stat().st_size > 1000
    book = openpyxl.load_workbook(tmp_path / "overzicht.xlsx")
    assert book.sheetnames == ["Samenvatting", "Per persoon", "Opleidingen"]
    bad = ["export", "overview", "--year", "3000", "--format", "csv", "--out", str(out)]
    assert main([*bad, "--data-dir", folder]) == 1
    assert "Kies een jaar tussen 1990 en 2100." in capsys.readouterr().err


def test_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    assert main(["backup", "--data-dir", str(folder)]) == 1
    assert "Er zijn geen gegevens" in capsys.readouterr().err
    assert main(["demo", "--data-dir", str(folder)]) == 0
    out = tmp_path / "stick" / "kopie.sqlite3"
    assert main(["backup", "--data-dir", str(folder), "--out", str(out)]) == 0
    assert f"Reservekopie geschreven naar {out}." in capsys.readouterr().out
    assert main(["backup", "--data-dir", str(folder)]) == 0
    assert len(list((folder / "backups").glob("werkleren-*-manual.sqlite3"))) == 1

    with sqlite3.connect(folder / "werkleren.sqlite3") as live:
        live.execute("DELETE FROM learning_situation")
    assert main(["restore", str(out), "--data-dir", str(folder)]) == 0
    printed = capsys.readouterr().out
    assert "De reservekopie is teruggezet." in printed and "before-restore" in printed
    with sqlite3.connect(folder / "werkleren.sqlite3") as live:
        assert live.execute("SELECT count(*) FROM learning_situation").fetchone()[0] > 100

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all")
    before = (folder / "werkleren.sqlite3").read_bytes()
    assert main(["restore", str(junk), "--data-dir", str(folder)]) == 1
    assert "geen database van Werkleren Desktop" in capsys.readouterr().err
    assert (folder / "werkleren.sqlite3").read_bytes() == before


def test_export_person(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.services.people import list_people
    from werkleren_desktop.services.situations import SituationFilter, count_situations
    from werkleren_desktop.storage.data_store import open_data_folder

    folder = str(tmp_path / "d")
    assert main(["demo", "--data-dir", folder]) == 0
    # the demo's people depend on the day it is made: take one who logged situations
    store = open_data_folder(DataPaths(Path(folder)))
    person = next(
        p
        for p in list_people(store.sessions)
        if count_situations(store.sessions, SituationFilter(person_id=p.id))
    )
    store.close()
    out = tmp_path / "inzage"
    name = f"{person.first_name} {person.last_name}"
    args = ["export", "person", "--person", name, "--out", str(out)]
    assert main([*args, "--data-dir", folder]) == 0
    assert capsys.readouterr().out.count("Geschreven naar") == 2
    (machine,) = out.glob("*.json")
    data = json.loads(machine.read_text(encoding="utf-8"))
    assert data["person"]["last_name"] == person.last_name and data["learning_situations"]


def test_init_starts_an_organisation_for_a_script(tmp_path: Path) -> None:
    """`werkleren init --organisation NAME` does what the welcome page does; a folder
    that holds data is refused, and a bad name is said in a sentence."""
    from werkleren_desktop.paths import DataPaths
    from werkleren_desktop.services.organisation import load_settings
    from werkleren_desktop.services.situations import list_questions
    from werkleren_desktop.storage.data_store import open_data_folder

    folder = tmp_path / "bakkerij"
    result = run("init", "--organisation", "  Bakkerij  De Korenschoof ", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"Organisatie ‘Bakkerij De Korenschoof’ gestart in {folder}.")
    store = open_data_folder(DataPaths(folder))
    try:
        settings = load_settings(store.sessions)
        assert settings is not None and settings.name == "Bakkerij De Korenschoof"
        assert settings.language == "nl" and len(list_questions(store.sessions)) == 10
    finally:
        store.close()
    assert run("check", "--data-dir", str(folder)).returncode == 0

    again = run("init", "--organisation", "Ander", "--data-dir", str(folder))
    assert again.returncode == 1
    assert "bevat al gegevens" in again.stderr

    english = tmp_path / "english"
    result = run("init", "--organisation", "Bakery", "--language", "en", "--data-dir", str(english))
    assert result.returncode == 0, result.stderr
    store = open_data_folder(DataPaths(english))
    try:
        settings = load_settings(store.sessions)
        assert settings is not None and settings.language == "en"
        assert list_questions(store.sessions)[0].text.startswith("What happened")
    finally:
        store.close()

    empty = run("init", "--organisation", "   ", "--data-dir", str(tmp_path / "leeg"))
    assert (empty.returncode, empty.stderr.strip()) == (
        1,
        "werkleren: Vul de naam van de organisatie in.",
    )
