"""Staff lists as they come: mixed encodings, zip bombs, a hundred thousand rows,
control characters, huge fields and doubled headers. Each file is made here; the
figures are checked with SQL, the messages as the user reads them, and the time and
memory they take are reported by bench/run.py (never timed here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from tests import hostile_files
from tests.conftest import TODAY
from werkleren_desktop.cli import main
from werkleren_desktop.domain.formatting import format_number
from werkleren_desktop.domain.people_import import (
    MAX_ROWS,
    doubled_columns,
    guess_mapping,
    read_table,
)
from werkleren_desktop.errors import UserError
from werkleren_desktop.services.people_import import (
    ImportPlan,
    RowStatus,
    apply_import,
    plan_import,
)
from werkleren_desktop.storage.data_store import DataStore


def plan(store: DataStore, path: Path) -> ImportPlan:
    table = read_table(path)
    return plan_import(store.sessions, table, guess_mapping(table.headers), TODAY)


def stored(store: DataStore, sql: str) -> list[tuple[object, ...]]:
    """Rows as stored, read apart from the services (on any database)."""
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


HEADER = "Voornaam;Achternaam;Functie;In dienst\r\n"


def test_a_mixed_file_reads_each_line_in_its_own_encoding(store: DataStore, tmp_path: Path) -> None:
    path = tmp_path / "samengevoegd.csv"
    path.write_bytes(
        HEADER.encode()
        + "Zoë;van den Berg;Eigenaar;01-02-2010\r\n".encode()
        + "Łukasz;Wójcik;Bakker;15-03-2021\r\n".encode()
        + "René;Müller;Leerling;01-08-2024\r\n".encode("cp1252")  # from an old spreadsheet
        + "Şükrü;Yılmaz;Verkoper;01-09-2019\r\n".encode()
    )
    result = plan(store, path)
    assert [r.status for r in result.rows] == [RowStatus.NEW] * 4
    assert [(p.line, p.blocking) for p in result.problems] == [(4, False)]
    assert "in Windows-1252 geschreven, de rest van het bestand in UTF-8" in str(result.problems[0])
    apply_import(store.sessions, result)
    assert stored(store, "SELECT first_name, last_name FROM person ORDER BY id") == [
        ("Zoë", "van den Berg"),
        ("Łukasz", "Wójcik"),
        ("René", "Müller"),
        ("Şükrü", "Yılmaz"),
    ]


def test_one_utf8_line_in_a_windows_1252_file_is_the_one_named(
    store: DataStore, tmp_path: Path
) -> None:
    path = tmp_path / "oud.csv"
    path.write_bytes(
        HEADER.encode("cp1252")
        + "Zoë;de Boer;Eigenaar;01-02-2010\r\n".encode("cp1252")
        + "René;Müller;Leerling;01-08-2024\r\n".encode("cp1252")
        + "Şükrü;Yılmaz;Verkoper;01-09-2019\r\n".encode()
    )
    result = plan(store, path)
    assert [r.person.full_name for r in result.rows if r.person] == [
        "Zoë de Boer",
        "René Müller",
        "Şükrü Yılmaz",
    ]
    assert [p.line for p in result.problems] == [4]
    assert "in UTF-8 geschreven" in result.problems[0].message


def test_excel_unicode_text_and_bytes_no_encoding_defines(store: DataStore, tmp_path: Path) -> None:
    unicode_text = tmp_path / "unicode.txt"  # Excel's "Unicode-tekst": UTF-16, tabs
    unicode_text.write_bytes(
        "Voornaam\tAchternaam\tIn dienst\r\nŞükrü\tYılmaz\t01-09-2019\r\n".encode("utf-16")
    )
    assert [r.person.full_name for r in plan(store, unicode_text).rows if r.person] == [
        "Şükrü Yılmaz"
    ]
    broken = tmp_path / "kapot.csv"  # 0x81 means nothing in Windows-1252
    broken.write_bytes(HEADER.encode() + b"Ren\xe9;M\x81ller;Leerling;01-08-2024\r\n")
    (problem,) = plan(store, broken).problems
    assert (problem.line, problem.column) == (2, "Achternaam")
    assert "een teken dat in de codering van dit bestand niet te lezen is: ‘M�ller’" in (
        problem.message
    )


BOMBS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "too large unpacked": (hostile_files.bomb_too_large, "is uitgepakt groter dan 100 MB"),
    "one row of three million cells": (
        hostile_files.bomb_wide,
        "Regel 2 heeft meer dan 200 kolommen",
    ),
    "a million rows": (hostile_files.bomb_tall, "Het bestand heeft meer dan 100.000 rijen"),
    "sizes that lie": (hostile_files.lying_about_its_size, "geen Excel-werkmap die gelezen"),
}


@pytest.mark.parametrize("bomb", BOMBS, ids=list(BOMBS))
def test_a_zip_bomb_stops_early_with_a_sentence(tmp_path: Path, bomb: str) -> None:
    make, message = BOMBS[bomb]
    path = make(tmp_path / "lijst.xlsx")
    assert path.stat().st_size < 2 * 1024 * 1024  # small on disk, huge inside
    with pytest.raises(UserError, match=message):
        read_table(path)
    # the command says the same in one sentence and stores nothing
    folder = tmp_path / "data"
    assert main(["import", "people", str(path), "--data-dir", str(folder), "--yes"]) == 1
    assert not (folder / "werkleren.sqlite3").exists()


def test_a_sheet_claiming_every_cell_reads_only_its_people(
    store: DataStore, tmp_path: Path
) -> None:
    path = hostile_files.sheet_claiming_every_cell(tmp_path / "lijst.xlsx")
    table = read_table(path)
    assert table.headers == ("Voornaam", "Achternaam", "In dienst")
    assert [len(cells) for _line, cells in table.rows] == [3, 3]
    assert plan(store, path).count(RowStatus.NEW) == 2


def test_a_hundred_thousand_rows_twice(store: DataStore, tmp_path: Path) -> None:
    path = hostile_files.staff_list(tmp_path / "groot.csv", MAX_ROWS)
    first = plan(store, path)
    assert (first.count(RowStatus.NEW), first.problems) == (MAX_ROWS, [])
    assert apply_import(store.sessions, first).created == MAX_ROWS
    assert stored(store, "SELECT count(*), count(manager_id) FROM person") == [
        (MAX_ROWS, MAX_ROWS - 10)
    ]
    # every manager is the person the file names: p{i // 10}
    pairs = stored(
        store, "SELECT p.email, m.email FROM person p JOIN person m ON m.id = p.manager_id"
    )
    assert len(pairs) == MAX_ROWS - 10
    assert all(
        manager == f"p{int(str(email)[1:].split('@')[0]) // 10}@bedrijf.nl"
        for email, manager in pairs
    )
    again = plan(store, path)  # linear: a re-import once took more than ten minutes
    assert again.count(RowStatus.UNCHANGED) == MAX_ROWS and again.to_store == ()
    changed = plan(store, hostile_files.staff_list(tmp_path / "b.csv", MAX_ROWS, changed=54_321))
    assert [r.line for r in changed.to_store] == [54_323]
    assert apply_import(store.sessions, changed).updated == 1
    assert stored(store, "SELECT email FROM person WHERE job_title = 'Eerste monteur'") == [
        ("p54321@bedrijf.nl",)
    ]


def test_one_row_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    path = hostile_files.staff_list(tmp_path / "te-groot.csv", MAX_ROWS + 1)
    with pytest.raises(UserError, match=r"meer dan 100\.000 rijen; .* Splits het bestand\."):
        read_table(path)


def test_nul_and_control_characters_are_named_and_never_echoed(
    store: DataStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stuurtekens.csv"
    path.write_bytes(
        HEADER.encode()
        + b"Jan\x00;Jansen;Monteur;01-01-2020\r\n"
        + b"Piet;Puk\x1b[2J\x1b[31m\x07;Monteur;01-01-2020\r\n"
        + "Ria;Rekenaar;\u202eruetnom;01-01-2020\r\n".encode()
        + b"Ans;Aal;Monteur;01-01-2020\r\n"
    )
    result = plan(store, path)
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (2, "Voornaam", "De cel bevat het onzichtbare stuurteken U+0000; haal het weg."),
        (3, "Achternaam", "De cel bevat het onzichtbare stuurteken U+001B; haal het weg."),
        (4, "Functie", "De cel bevat het onzichtbare stuurteken U+202E; haal het weg."),
    ]
    assert "\x1b" not in "".join(r.name for r in result.rows)
    apply_import(store.sessions, result)
    assert stored(store, "SELECT first_name FROM person") == [("Ans",)]
    folder = tmp_path / "data"
    main(["import", "people", str(path), "--data-dir", str(folder), "--yes"])
    out = capsys.readouterr().out
    assert "regel 3, Achternaam: De cel bevat het onzichtbare stuurteken U+001B" in out
    assert not any(c in out for c in "\x00\x1b\x07\u202e")


def test_a_huge_field_and_a_missing_quotation_mark(store: DataStore, tmp_path: Path) -> None:
    path = tmp_path / "lang.csv"
    swallowed = "".join(f"Mens{i};Achter;01-01-2020;\r\n" for i in range(300))
    path.write_bytes(
        b"Voornaam;Achternaam;In dienst;Opmerking\r\n"
        + b"Jan;Jansen;01-01-2020;"
        + b"x" * 200_000
        + b"\r\n"
        + b'Piet;Puk;01-01-2020;"begint hier\r\n'  # the quotation mark is never closed
        + swallowed.encode()
    )
    result = plan(store, path)
    length = format_number(len("begint hier\r\n" + swallowed), language="nl")
    question = "meer dan 2.000; ontbreekt er een afsluitend aanhalingsteken?"
    assert [(p.line, p.column, p.message) for p in result.problems] == [
        (2, "Opmerking", f"De cel bevat 200.000 tekens, {question}"),
        (3, "Opmerking", f"De cel bevat {length} tekens, {question}"),
    ]
    assert result.to_store == ()


def test_doubled_headers_are_named_not_silently_read(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.csv"
    path.write_text(
        "\r\nVoornaam;Achternaam;E-mail;In dienst;Email;Achternaam\r\n"
        "Jan;Jansen;jan@oud.nl;01-01-2020;jan@nieuw.nl;Jansen\r\n",
        encoding="utf-8",
    )
    table = read_table(path)
    assert [str(p) for p in doubled_columns(table)] == [
        "regel 2: De kolommen B en F heten allemaal Achternaam.",
        "regel 2: De kolommen C en E heten allemaal E-mail.",
    ]
    folder = tmp_path / "data"
    assert main(["import", "people", str(path), "--data-dir", str(folder), "--yes"]) == 1
    assert not (folder / "werkleren.sqlite3").exists()


def test_a_line_beyond_the_columns_limit_is_named(tmp_path: Path) -> None:
    path = tmp_path / "breed.csv"
    path.write_text(
        "Voornaam;Achternaam;In dienst\r\nJan;Jansen;01-01-2020\r\n" + "x;" * 250 + "\r\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="Regel 3 heeft meer dan 200 kolommen"):
        read_table(path)


def test_the_command_lists_the_first_200_problems_and_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fouten.csv"
    path.write_text(
        HEADER + "".join(f"Mens{i};;Monteur;31-02-2020\r\n" for i in range(150)),
        encoding="utf-8",
    )
    main(["import", "people", str(path), "--data-dir", str(tmp_path / "data")])
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "regel 2, Achternaam: Vul de achternaam in.",
        "regel 2, In dienst: ‘31-02-2020’ is geen datum; schrijf hem als 15-03-2021.",
    ]
    assert (
        lines[199]
        == "regel 101, In dienst: ‘31-02-2020’ is geen datum; schrijf hem als 15-03-2021."
    )
    assert lines[200:202] == [
        "… en nog 100 (300 in totaal).",
        "0 nieuw, 0 gewijzigd, 0 ongewijzigd, 150 met fouten.",
    ]
