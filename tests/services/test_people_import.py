"""Importing people: the file variants Dutch offices produce, and all-or-nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import TODAY
from werkleren_desktop.domain.people_import import guess_mapping, read_table
from werkleren_desktop.errors import UserError
from werkleren_desktop.services.people import list_people, person_values
from werkleren_desktop.services.people_import import RowStatus, apply_import, plan_import
from werkleren_desktop.storage.data_store import DataStore

HEADER_NL = [
    "Voornaam",
    "Achternaam",
    "E-mail",
    "Functie",
    "Leidinggevende",
    "In dienst",
    "Uit dienst",
    "Geboortejaar",
    "Uren",
]
ROWS = [
    [
        "Zoë",
        "van den Berg-IJzerman",
        "zoe@bakkerij.nl",
        "Eigenaar",
        "",
        "01-02-2010",
        "",
        "1968",
        "40",
    ],
    [
        "Łukasz",
        "Wójcik",
        "",
        "Bakker",
        "Zoë van den Berg-IJzerman",
        "15-03-2021",
        "",
        "1998",
        "32,5",
    ],
    [
        "Şükrü",
        "Yılmaz",
        "sukru@bakkerij.nl",
        "Verkoper",
        "zoe@bakkerij.nl",
        "1-9-2019",
        "31-12-2025",
        "",
        "24",
    ],
    ["René", "Müller", "", "Leerling", "Łukasz Wójcik", "2024-08-01", "", "2006", ""],
]


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    encoding: str,
    delimiter: str = ";",
    header: list[str] = HEADER_NL,
) -> Path:
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def plan(store: DataStore, path: Path):
    table = read_table(path)
    return plan_import(store.sessions, table, guess_mapping(table.headers), TODAY)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_dutch_excel_csv_in_every_encoding(store: DataStore, tmp_path: Path, encoding: str) -> None:
    rows = (
        ROWS
        if encoding != "cp1252"
        else [
            [c.replace("Ł", "L").replace("ó", "o").replace("Ş", "S").replace("ı", "i") for c in r]
            for r in ROWS
        ]
    )  # Windows-1252 has no Polish or Turkish letters
    result = plan(store, write_csv(tmp_path / "mensen.csv", rows, encoding=encoding))
    assert [r.status for r in result.rows] == [RowStatus.NEW] * 4, result.errors
    assert apply_import(store.sessions, result).created == 4
    people = {p.full_name: p for p in list_people(store.sessions)}
    zoe = people["Zoë van den Berg-IJzerman"]
    assert zoe.in_service == dt.date(2010, 2, 1) and zoe.birth_year == 1968
    rene = people["René Müller"]
    assert rene.in_service == dt.date(2024, 8, 1)
    assert rene.manager_name in {"Łukasz Wójcik", "Lukasz Wojcik"}
    assert [p for p in people.values() if p.contract_minutes == 1950]


def test_english_headers_and_commas(store: DataStore, tmp_path: Path) -> None:
    header = [
        "First name",
        "Surname",
        "Email",
        "Job title",
        "Manager",
        "Start date",
        "End date",
        "Year of birth",
        "Hours per week",
    ]
    path = write_csv(
        tmp_path / "people.csv",
        [[*r[:8], "32"] for r in ROWS],
        encoding="utf-8",
        delimiter=",",
        header=header,
    )
    assert plan(store, path).count(RowStatus.NEW) == 4


def test_xlsx_with_real_dates(store: DataStore, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.create_sheet("Mensen", 0)
    sheet.append(HEADER_NL)
    sheet.append(
        ["Zoë", "de Boer", None, "Eigenaar", None, dt.datetime(2012, 5, 1), None, 1970, 38]
    )
    sheet.append(
        ["IJsbrand", "de Vries", None, "Monteur", "Zoë de Boer", "03-04-2022", None, 1999, 32.5]
    )
    workbook.save(tmp_path / "mensen.xlsx")
    result = plan(store, tmp_path / "mensen.xlsx")
    assert [r.status for r in result.rows] == [RowStatus.NEW, RowStatus.NEW]
    apply_import(store.sessions, result)
    ijsbrand = next(p for p in list_people(store.sessions) if p.first_name == "IJsbrand")
    assert ijsbrand.contract_minutes == 1950 and ijsbrand.manager_name == "Zoë de Boer"


def test_every_bad_row_is_reported_with_its_line_and_column(
    store: DataStore, tmp_path: Path
) -> None:
    rows = [
        ROWS[0],
        ["", "Leeg", "", "", "", "01-01-2020", "", "", ""],
        ["Jan", "Datum", "", "", "", "31-02-2020", "", "", ""],
        ["Kees", "Eerder", "", "", "", "01-01-2020", "01-01-2019", "", ""],
        ["Zoë", "van den Berg-IJzerman", "", "", "", "01-02-2010", "", "", ""],
        ["Ria", "Uren", "", "", "", "01-01-2020", "", "", "veel"],
    ]
    result = plan(store, write_csv(tmp_path / "fout.csv", rows, encoding="utf-8"))
    assert [str(p) for p in result.problems] == [
        "regel 3, Voornaam: Vul de voornaam in.",
        "regel 4, In dienst: ‘31-02-2020’ is geen datum; schrijf hem als 15-03-2021.",
        "regel 5, Uit dienst: De datum uit dienst kan niet vóór de datum in dienst liggen.",
        "regel 6: Deze persoon staat al op regel 2.",
        "regel 7, Uren: ‘veel’ is geen aantal uren.",
    ]
    assert [r.line for r in result.errors] == [3, 4, 5, 6, 7]
    assert result.count(RowStatus.NEW) == 1


def test_a_row_lists_all_its_problems_at_once(store: DataStore, tmp_path: Path) -> None:
    rows = [["", "", "geen-adres", "", "", "0001-01-01", "9999-12-31", "1800", "120"]]
    result = plan(store, write_csv(tmp_path / "fout.csv", rows, encoding="utf-8"))
    (row,) = result.rows
    assert row.status is RowStatus.ERROR
    assert [(p.column, p.message) for p in row.problems] == [
        ("Voornaam", "Vul de voornaam in."),
        ("Achternaam", "Vul de achternaam in."),
        ("E-mail", "‘geen-adres’ is geen e-mailadres."),
        ("In dienst", "Een datum in of uit dienst ligt tussen 1920 en 2036."),
        ("Uit dienst", "Een datum in of uit dienst ligt tussen 1920 en 2036."),
        ("Geboortejaar", "Een geboortejaar ligt tussen 1920 en 2013."),
        ("Uren", "Contracturen liggen tussen 0 en 80 per week."),
    ]


def test_an_unknown_manager_does_not_hold_up_the_person(store: DataStore, tmp_path: Path) -> None:
    rows = [
        ["Piet", "Puk", "", "", "Piet Onbekend", "01-01-2020", "", "", ""],
        ["Ans", "Aal", "", "", "Henk Fout", "01-01-2020", "", "", ""],
        ["Henk", "Fout", "", "", "", "31-02-2020", "", "", ""],
    ]
    result = plan(store, write_csv(tmp_path / "baas.csv", rows, encoding="utf-8"))
    assert [r.status for r in result.rows] == [RowStatus.NEW, RowStatus.NEW, RowStatus.ERROR]
    assert [(p.line, p.message, p.blocking) for p in result.problems[:2]] == [
        (2, "Onbekende leidinggevende ‘Piet Onbekend’. Geïmporteerd zonder leidinggevende.", False),
        (
            3,
            "De leidinggevende op regel 4 heeft een fout. Geïmporteerd zonder leidinggevende.",
            False,
        ),
    ]
    apply_import(store.sessions, result)
    people = {p.full_name: p for p in list_people(store.sessions)}
    assert people["Piet Puk"].manager_name == "" and people["Ans Aal"].manager_name == ""
    # a later file that knows the manager links them; one that does not keeps the link
    rows = [
        ["Henk", "Fout", "", "", "", "01-03-2020", "", "", ""],
        ["Ans", "Aal", "", "", "Henk Fout", "01-01-2020", "", "", ""],
    ]
    apply_import(store.sessions, plan(store, write_csv(tmp_path / "b.csv", rows, encoding="utf-8")))
    rows = [["Ans", "Aal", "", "Schilder", "Niemand Bekend", "01-01-2020", "", "", ""]]
    again = plan(store, write_csv(tmp_path / "c.csv", rows, encoding="utf-8"))
    assert again.problems[0].message == (
        "Onbekende leidinggevende ‘Niemand Bekend’. De leidinggevende die al bekend is, blijft."
    )
    apply_import(store.sessions, again)
    ans = next(p for p in list_people(store.sessions) if p.first_name == "Ans")
    assert (ans.manager_name, ans.job_title) == ("Henk Fout", "Schilder")


def test_columns_the_file_lacks_keep_what_is_known(store: DataStore, tmp_path: Path) -> None:
    apply_import(store.sessions, plan(store, write_csv(tmp_path / "a.csv", ROWS, encoding="utf-8")))
    path = tmp_path / "kort.csv"
    path.write_text("Voornaam;Achternaam;In dienst\nŁukasz;Wójcik;15-03-2021\n", encoding="utf-8")
    again = plan(store, path)
    assert [r.status for r in again.rows] == [RowStatus.UNCHANGED]
    path.write_text("Voornaam;Achternaam;In dienst\nŁukasz;Wójcik;16-03-2021\n", encoding="utf-8")
    apply_import(store.sessions, plan(store, path))
    lukasz = next(p for p in list_people(store.sessions) if p.first_name == "Łukasz")
    assert lukasz.in_service == dt.date(2021, 3, 16)
    assert (lukasz.job_title, lukasz.manager_name, lukasz.contract_minutes) == (
        "Bakker",
        "Zoë van den Berg-IJzerman",
        1950,
    )


def test_importing_the_same_file_twice_adds_nobody(store: DataStore, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "mensen.csv", ROWS, encoding="utf-8-sig")
    apply_import(store.sessions, plan(store, path))
    again = plan(store, path)
    assert [r.status for r in again.rows] == [RowStatus.UNCHANGED] * 4
    assert again.to_store == ()
    changed = [r[:] for r in ROWS]
    changed[1][3] = "Eerste bakker"
    result = plan(store, write_csv(tmp_path / "b.csv", changed, encoding="utf-8"))
    assert [r.status for r in result.rows].count(RowStatus.UPDATE) == 1
    assert apply_import(store.sessions, result).updated == 1
    assert len(list_people(store.sessions)) == 4


def test_a_loop_inside_the_file_is_refused(store: DataStore, tmp_path: Path) -> None:
    rows = [
        ["Anna", "A", "", "", "Bert B", "01-01-2020", "", "", ""],
        ["Bert", "B", "", "", "Anna A", "01-01-2020", "", "", ""],
    ]
    result = plan(store, write_csv(tmp_path / "kring.csv", rows, encoding="utf-8"))
    assert result.count(RowStatus.ERROR) == 2
    assert "kan niet de leidinggevende" in result.errors[0].message


def test_a_failed_import_changes_nothing(
    store: DataStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "mensen.csv", ROWS, encoding="utf-8")
    result = plan(store, path)
    import werkleren_desktop.services.people_import as module

    calls = {"n": 0}
    real = person_values

    def failing(data):  # the third person cannot be stored: disk full, say
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("schijf vol")
        return real(data)

    monkeypatch.setattr(module, "person_values", failing)
    with pytest.raises(OSError):
        apply_import(store.sessions, result)
    assert list_people(store.sessions) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.csv", b"", "Het bestand is leeg."),
        ("mensen.pdf", b"%PDF", "Kies een CSV- of Excel-bestand (.xlsx)"),
        ("kapot.xlsx", b"PK\x03\x04 kapot", "geen Excel-werkmap"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_table(tmp_path / name)


def test_missing_required_columns(store: DataStore, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Voornaam;Functie\nAnouk;Bakker\n", encoding="utf-8")
    table = read_table(path)
    with pytest.raises(UserError, match="Achternaam, In dienst"):
        plan_import(store.sessions, table, guess_mapping(table.headers), TODAY)


def test_the_last_conversation_comes_with_the_import(store: DataStore, tmp_path: Path) -> None:
    """The first day: a "laatste gesprek" column notes when each last conversation was
    held; a date that cannot be is named with its line and column; a later file without
    the column keeps what was noted."""
    from werkleren_desktop.services.people import get_person

    path = tmp_path / "mensen.csv"
    path.write_text(
        "Voornaam;Achternaam;In dienst;Laatste gesprek\n"
        "Fleur;de Groot;01-03-2015;18-09-2026\n"
        "Henk;Verhoeven;01-03-2015;\n"
        "Noor;Bakker;01-10-2026;15-09-2026\n"
        "Sanne;Jansen;01-03-2015;03-03-2027\n",
        encoding="utf-8",
    )
    result = plan(store, path)
    assert [r.status for r in result.rows] == [
        RowStatus.NEW,
        RowStatus.NEW,
        RowStatus.ERROR,
        RowStatus.ERROR,
    ]
    assert [(p.line, p.column, p.message) for p in result.problems if p.line > 3] == [
        (4, "Laatste gesprek", "Het laatste gesprek kan niet vóór de datum in dienst liggen."),
        (
            5,
            "Laatste gesprek",
            "Een laatste gesprek ligt niet in de toekomst; plan het gesprek in.",
        ),
    ]
    apply_import(store.sessions, result)
    people = {p.first_name: p.id for p in list_people(store.sessions)}
    assert get_person(store.sessions, people["Fleur"]).last_conversation_on == dt.date(2026, 9, 18)
    assert get_person(store.sessions, people["Henk"]).last_conversation_on is None

    path.write_text("Voornaam;Achternaam;In dienst\nFleur;de Groot;02-03-2015\n", encoding="utf-8")
    apply_import(store.sessions, plan(store, path))
    fleur = get_person(store.sessions, people["Fleur"])
    assert (fleur.in_service, fleur.last_conversation_on) == (
        dt.date(2015, 3, 2),
        dt.date(2026, 9, 18),
    )


def test_a_circle_of_managers_made_meanwhile_stops_the_import(
    store: DataStore, tmp_path: Path
) -> None:
    """The file was checked when Bert had no manager; before it is imported, another
    manager makes Anna Bert's manager. The file's "Bert manages Anna" would now close a
    circle: nothing is imported, in a sentence, and the versions say who changed what."""
    from dataclasses import replace

    from werkleren_desktop.domain.people import PersonInput
    from werkleren_desktop.services.people import read_person, save_person

    anna = save_person(store.sessions, PersonInput("Anna", "Aal", dt.date(2020, 1, 1)), TODAY)
    bert = save_person(store.sessions, PersonInput("Bert", "Bos", dt.date(2020, 1, 1)), TODAY)
    rows = [["Anna", "Aal", "", "Monteur", "Bert Bos", "01-01-2020", "", "", ""]]
    result = plan(store, write_csv(tmp_path / "mensen.csv", rows, encoding="utf-8"))
    assert [r.status for r in result.rows] == [RowStatus.UPDATE], result.errors
    person, stamp = read_person(store.sessions, bert)
    save_person(store.sessions, replace(person, manager_id=anna), TODAY, bert, stamp.version)
    with pytest.raises(UserError, match="kring van leidinggevenden"):
        apply_import(store.sessions, result)
    assert read_person(store.sessions, anna)[0].manager_id is None  # nothing imported
    # without the circle, an import raises the version of each person it changes
    save_person(store.sessions, replace(person, manager_id=None), TODAY, bert)
    before = read_person(store.sessions, anna)[1].version
    apply_import(store.sessions, plan(store, tmp_path / "mensen.csv"))
    assert read_person(store.sessions, anna)[1].version == before + 1
