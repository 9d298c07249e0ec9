"""Functions with what they require, skills with a level, and the matrix of who holds
what (domain.qualifications, services.functions): the rules, the job titles mapped once,
each state of a cell, and the demo's matrix against SQL written here."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from tests.services.test_certificates import course, type_ids
from werkleren_desktop.domain.certificates import Standing, Status
from werkleren_desktop.domain.constants import SituationKind, SituationStatus
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.qualifications import (
    Evidence,
    FunctionInput,
    Mark,
    SkillInput,
    SkillSeen,
    Source,
    certificate_cell,
    level_of,
    skill_cell,
)
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.functions import (
    NEW_FUNCTION,
    list_functions,
    map_titles,
    person_qualifications,
    qualification_matrix,
    record_skill_seen,
    retire_function,
    retire_skill,
    save_function,
    save_skill,
    unmapped_titles,
)
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.training import save_training
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


# --- the rules ---------------------------------------------------------------------------


def test_a_cell_says_where_someone_stands_with_what_is_required_or_not() -> None:
    valid = Status(Standing.VALID, D(2027, 3, 1))
    missing = Status(Standing.MISSING)
    assert certificate_cell(valid, required=True).mark is Mark.VALID
    assert certificate_cell(Status(Standing.GRACE, D(2026, 5, 1)), True).mark is Mark.GRACE
    assert certificate_cell(missing, required=True).mark is Mark.MISSING
    assert certificate_cell(missing, required=False).mark is Mark.NOT_REQUIRED
    assert certificate_cell(missing, required=True).needs_work
    assert not certificate_cell(Status(Standing.EXPIRED, D(2020, 1, 1)), False).needs_work
    assert skill_cell(3, 3).mark is Mark.MET and skill_cell(4, 3).mark is Mark.MET
    assert skill_cell(2, 3).mark is Mark.BELOW and skill_cell(2, 3).needs_work
    assert skill_cell(None, 2).mark is Mark.MISSING
    assert skill_cell(2, None).mark is Mark.HELD and not skill_cell(2, None).needs_work
    assert skill_cell(None, None).mark is Mark.NOT_REQUIRED


def test_a_level_is_the_highest_that_happened_so_far() -> None:
    shown = [
        Evidence(D(2025, 1, 10), 2, Source.SEEN),
        Evidence(D(2025, 6, 1), 3, Source.TRAINING, "Cursus"),
        Evidence(D(2026, 1, 5), 1, Source.SITUATION),  # a lower level later does not undo it
        Evidence(TODAY + dt.timedelta(days=30), 4, Source.TRAINING),  # not yet
    ]
    assert level_of(shown, TODAY) == 3
    assert level_of(shown, D(2025, 3, 1)) == 2
    assert level_of([], TODAY) is None


def test_a_function_requires_each_thing_once_at_a_level_from_one_to_four() -> None:
    assert FunctionInput("  Monteur ", certificates=(1,), skills=((1, 3),)).validated().name == (
        "Monteur"
    )
    for wrong, field in (
        (FunctionInput(" "), "name"),
        (FunctionInput("M", certificates=(1, 1)), "certificates"),
        (FunctionInput("M", skills=((1, 2), (1, 3))), "skills"),
        (FunctionInput("M", skills=((1, 5),)), "skills"),
        (FunctionInput("M" * 101), "name"),
    ):
        with pytest.raises(ValidationError) as refused:
            wrong.validated()
        assert refused.value.field == field
    with pytest.raises(ValidationError, match="gezien"):
        SkillSeen(1, 3, TODAY + dt.timedelta(days=1)).validated(TODAY)
    with pytest.raises(ValidationError) as refused:
        SkillSeen(1, None, TODAY).validated(TODAY)
    assert refused.value.field == "level"


# --- the organisation's lists -------------------------------------------------------------


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    sessions = store.sessions
    boss = save_person(sessions, PersonInput("Bea", "Baas", D(2010, 1, 1), job_title="Teamleider"),
                       TODAY)  # fmt: skip
    found = {"boss": boss}
    for key, first, title in (
        ("anna", "Anna", "Monteur"),
        ("bram", "Bram", "monteur "),  # another spelling of the same title
        ("cor", "Cor", "Monteur"),
        ("dirk", "Dirk", "Planner"),
    ):
        found[key] = save_person(
            sessions,
            PersonInput(first, "de Wit", D(2015, 1, 1), job_title=title, manager_id=boss),
            TODAY,
        )
    found["solderen"] = save_skill(sessions, SkillInput("Solderen", "Hardsolderen"))
    found["storing"] = save_skill(sessions, SkillInput("Storing zoeken"))
    return found


def _functions_of(store: DataStore) -> dict[str, tuple[int | None, str]]:
    with store.engine.connect() as sql:
        return {
            first: (function, title)
            for first, function, title in sql.execute(
                text("SELECT first_name, function_id, job_title FROM person")
            )
        }


def test_titles_typed_before_are_mapped_once_and_new_titles_find_their_function(
    store: DataStore, org
) -> None:
    ids = type_ids(store)
    titles = unmapped_titles(store.sessions)
    assert [(t.title, t.people) for t in titles] == [
        ("Monteur", 2), ("monteur", 1), ("Planner", 1), ("Teamleider", 1),
    ]  # fmt: skip
    assert map_titles(store.sessions, {"Monteur": NEW_FUNCTION, "Planner": None}) == 2
    (monteur,) = list_functions(store.sessions)
    assert monteur.name == "Monteur" and monteur.people == 2
    # the other spelling is proposed as that function, and mapped on the user's word
    left = {t.title: t for t in unmapped_titles(store.sessions)}
    assert left["monteur"].proposed == monteur.id and left["Planner"].proposed is None
    map_titles(store.sessions, {"monteur": monteur.id})
    held = _functions_of(store)
    assert held["Bram"] == (monteur.id, "Monteur") and held["Dirk"] == (None, "Planner")
    # a title typed later that names a function holds it; one that does not, none
    bram = next(p for p in list_people(store.sessions) if p.first_name == "Bram")
    save_person(store.sessions, PersonInput("Bram", "de Wit", D(2015, 1, 1), job_title="MONTEUR"),
                TODAY, bram.id)  # fmt: skip
    assert _functions_of(store)["Bram"] == (monteur.id, "Monteur")
    save_person(store.sessions, PersonInput("Bram", "de Wit", D(2015, 1, 1), job_title="Planner"),
                TODAY, bram.id)  # fmt: skip
    assert _functions_of(store)["Bram"] == (None, "Planner")
    # renamed, its holders' titles follow; retired, it stays with them but is not taken up
    save_function(store.sessions, FunctionInput("Installatiemonteur", certificates=(ids["BHV"],)),
                  monteur.id)  # fmt: skip
    assert _functions_of(store)["Anna"] == (monteur.id, "Installatiemonteur")
    retire_function(store.sessions, monteur.id, True)
    save_person(store.sessions, PersonInput("Anna", "de Wit", D(2015, 1, 1),
                job_title="Installatiemonteur", manager_id=org["boss"]), TODAY,
                org["anna"])  # fmt: skip
    assert _functions_of(store)["Anna"] == (monteur.id, "Installatiemonteur")
    save_person(store.sessions, PersonInput("Bram", "de Wit", D(2015, 1, 1),
                job_title="Installatiemonteur"), TODAY, bram.id)  # fmt: skip
    assert _functions_of(store)["Bram"] == (None, "Installatiemonteur")


def test_names_are_used_once_and_a_retired_skill_is_not_granted_anew(store: DataStore, org) -> None:
    with pytest.raises(ValidationError, match="Solderen"):
        save_skill(store.sessions, SkillInput("solderen"))
    function = save_function(store.sessions, FunctionInput("Monteur"))
    with pytest.raises(ValidationError) as refused:
        save_function(store.sessions, FunctionInput(" MONTEUR"))
    assert refused.value.field == "name"
    with pytest.raises(ValidationError) as refused:
        save_function(store.sessions, FunctionInput("Monteur", skills=((9999, 2),)), function)
    assert refused.value.field == "skills"
    retire_skill(store.sessions, org["storing"], True)
    with pytest.raises(ValidationError) as refused:
        save_training(store.sessions, _skill_course(org["anna"], org["storing"], 2), TODAY)
    assert refused.value.field == "skill"
    with pytest.raises(ValidationError) as refused:  # a skill needs its level
        save_training(store.sessions, _skill_course(org["anna"], org["solderen"], None), TODAY)
    assert refused.value.field == "skill_level"


def _skill_course(person: int, skill: int, level: int | None) -> TrainingInput:
    from dataclasses import replace

    return replace(course(person, D(2026, 3, 2)), skill_id=skill, skill_level=level)


def _situation(people: tuple[int, ...], skill: int | None, level: int | None,
               kind: SituationKind = SituationKind.PERFORM,
               status: SituationStatus = SituationStatus.DONE) -> SituationInput:  # fmt: skip
    return SituationInput(D(2026, 4, 1), "Lekkage zelf gevonden", kind, people,
                          status=status, skill_id=skill, skill_level=level)  # fmt: skip


def test_only_a_situation_of_performing_better_builds_a_skill(store: DataStore, org) -> None:
    with pytest.raises(ValidationError) as refused:
        save_situation(
            store.sessions,
            _situation((org["anna"],), org["solderen"], 2, kind=SituationKind.ANALYSE),
            TODAY,
        )
    assert refused.value.field == "skill"
    saved = save_situation(store.sessions, _situation((org["anna"],), org["solderen"], 2), TODAY)
    with store.engine.connect() as sql:
        assert sql.execute(
            text("SELECT skill_id, skill_level FROM learning_situation WHERE id = :id"),
            {"id": saved},
        ).one() == (org["solderen"], 2)


# --- the matrix ------------------------------------------------------------------------


def test_every_state_of_the_matrix(store: DataStore, org) -> None:
    """One function that requires BHV and soldering at level 3: someone who holds both,
    someone whose BHV expired and whose soldering is below the level, someone who holds
    neither, and someone of no function who holds BHV without needing it."""
    sessions = store.sessions
    ids = type_ids(store)
    monteur = save_function(
        sessions,
        FunctionInput("Monteur", certificates=(ids["BHV"],), skills=((org["solderen"], 3),)),
    )
    map_titles(sessions, {"Monteur": monteur, "monteur": monteur})
    anna, bram, cor, dirk = (org[k] for k in ("anna", "bram", "cor", "dirk"))
    save_training(sessions, course(anna, D(2026, 5, 1), type_id=ids["BHV"]), TODAY)
    save_training(sessions, _skill_course(anna, org["solderen"], 3), TODAY)
    save_training(sessions, course(bram, D(2024, 3, 1), type_id=ids["BHV"]), TODAY)
    record_skill_seen(sessions, bram, SkillSeen(org["solderen"], 2, D(2026, 2, 1), "Met hulp"),
                      TODAY)  # fmt: skip
    # a situation builds soldering for both who learned from it; an open one counts not yet
    save_situation(sessions, _situation((bram, dirk), org["solderen"], 1), TODAY)
    save_situation(
        sessions,
        _situation((cor,), org["solderen"], 3, status=SituationStatus.IN_PROGRESS),
        TODAY,
    )
    save_training(sessions, course(dirk, D(2026, 6, 1), type_id=ids["BHV"]), TODAY)
    save_training(sessions, _skill_course(dirk, org["storing"], 2), TODAY)

    matrix = qualification_matrix(sessions, TODAY, 3)
    assert [c.name for c in matrix.columns] == ["BHV", "Solderen", "Storing zoeken"]
    marks = {r.name: tuple(c.mark for c in r.cells) for r in matrix.rows}
    assert marks == {
        "Wit, Anna de": (Mark.VALID, Mark.MET, Mark.NOT_REQUIRED),
        "Wit, Bram de": (Mark.EXPIRED, Mark.BELOW, Mark.NOT_REQUIRED),
        "Wit, Cor de": (Mark.MISSING, Mark.MISSING, Mark.NOT_REQUIRED),
        "Wit, Dirk de": (Mark.VALID, Mark.HELD, Mark.HELD),
        "Baas, Bea": (Mark.NOT_REQUIRED, Mark.NOT_REQUIRED, Mark.NOT_REQUIRED),
    }
    needs = {r.name: r.needs_work for r in matrix.rows}
    assert needs["Wit, Anna de"] == 0 and needs["Wit, Bram de"] == 2 and needs["Wit, Cor de"] == 2
    assert [r.cells[1].level for r in matrix.rows if r.name == "Wit, Bram de"] == [2]
    # one function's holders, and one manager's team
    only = qualification_matrix(sessions, TODAY, 3, function_id=monteur)
    assert {r.name for r in only.rows} == {"Wit, Anna de", "Wit, Bram de", "Wit, Cor de"}
    assert only.function == "Monteur"
    team = qualification_matrix(sessions, TODAY, 3, manager_id=org["boss"], function_id=monteur)
    assert team.team_of == "Bea Baas" and len(team.rows) == 3
    # the person page says the same
    found = person_qualifications(sessions, bram, TODAY, 3)
    assert found.function == "Monteur"
    assert [(name, cell.mark) for name, cell in found.needs] == [
        ("BHV", Mark.EXPIRED), ("Solderen", Mark.BELOW)
    ]  # fmt: skip
    (solderen,) = found.skills
    assert [e.source for e in solderen.evidence] == [Source.SEEN, Source.SITUATION]
    assert solderen.level == 2 and solderen.required_level == 3


def test_the_printed_and_exported_matrix_say_what_the_window_says(store: DataStore, org) -> None:
    import openpyxl
    from pypdf import PdfReader

    from werkleren_desktop.documents.certificate_matrix import matrix_pdf, matrix_xlsx
    from werkleren_desktop.domain.qualifications import cell_text

    ids = type_ids(store)
    monteur = save_function(
        store.sessions,
        FunctionInput("Monteur", certificates=(ids["VCA Basis"],), skills=((org["solderen"], 3),)),
    )
    map_titles(store.sessions, {"Monteur": monteur})
    save_training(store.sessions, _skill_course(org["anna"], org["solderen"], 2), TODAY)
    matrix = qualification_matrix(store.sessions, TODAY, 3)
    anna = next(r for r in matrix.rows if r.name == "Wit, Anna de")
    assert [cell_text(c) for c in anna.cells] == ["ontbreekt", "niveau 2, 3 nodig"]
    sheet = openpyxl.load_workbook(io.BytesIO(matrix_xlsx(matrix))).active
    assert sheet is not None
    line = 2 + matrix.rows.index(anna)
    assert [sheet.cell(row=line, column=c).value for c in (1, 2, 3, 4)] == [
        "Wit, Anna de", "Monteur", "ontbreekt", "niveau 2, 3 nodig"
    ]  # fmt: skip
    assert sheet.cell(row=line, column=3).font.b  # required: bold
    assert sheet.cell(row=line, column=3).fill.fgColor.rgb.endswith("F6D3D0")
    assert sheet.cell(row=line, column=4).fill.fgColor.rgb.endswith("FFDDB0")
    printed = " ".join(
        " ".join(page.extract_text() for page in PdfReader(
            io.BytesIO(matrix_pdf(matrix, "Van Dijk", None, TODAY))).pages).split()
    )  # fmt: skip
    assert "Wie heeft wat" in printed and "niveau 2, 3 nodig" in printed
    assert "Vetgedrukt" in printed  # the legend says what bold means


def test_the_demos_matrix_against_sql(store: DataStore) -> None:
    """Every skill cell of the demo's matrix: the level is the highest that a followed
    training, a finished situation or a level seen showed, and the mark compares it with
    what the person's function requires; read here with SQL of its own."""
    from werkleren_desktop.services.demo import DemoSize, generate_demo

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    matrix = qualification_matrix(store.sessions, TODAY, 3)
    day = {"day": TODAY.isoformat()}
    with store.engine.connect() as sql:
        levels = {
            (person, skill): level
            for person, skill, level in sql.execute(
                text(
                    "SELECT person_id, skill_id, max(level) FROM ("
                    " SELECT person_id, skill_id, skill_level AS level FROM training"
                    "  WHERE status = 'done' AND skill_id IS NOT NULL AND ends_on <= :day"
                    " UNION ALL SELECT sp.person_id, s.skill_id, s.skill_level"
                    "  FROM learning_situation s JOIN situation_person sp"
                    "  ON sp.situation_id = s.id WHERE s.status = 'done'"
                    "  AND s.skill_id IS NOT NULL AND s.occurred_on <= :day"
                    " UNION ALL SELECT person_id, skill_id, level FROM person_skill"
                    "  WHERE assessed_on <= :day) AS shown GROUP BY person_id, skill_id"
                ),
                day,
            )
        }
        required = {
            (person, skill): level
            for person, skill, level in sql.execute(
                text(
                    "SELECT p.id, r.skill_id, r.level FROM person p JOIN function_requirement r"
                    " ON r.function_id = p.function_id WHERE r.skill_id IS NOT NULL"
                )
            )
        }
        required_types = {
            (person, kind)
            for person, kind in sql.execute(
                text(
                    "SELECT p.id, r.certificate_type_id FROM person p JOIN function_requirement"
                    " r ON r.function_id = p.function_id WHERE r.certificate_type_id IS NOT NULL"
                )
            )
        }
        waiting = sql.execute(
            text(
                "SELECT count(DISTINCT trim(job_title)) FROM person WHERE function_id IS NULL"
                " AND job_title <> ''"
            )
        ).scalar_one()
    skills = [c for c in matrix.columns if c.is_skill]
    assert skills and len(unmapped_titles(store.sessions)) == waiting > 0
    marks: set[Mark] = set()
    for row in matrix.rows:
        for column, cell in zip(matrix.columns, row.cells, strict=True):
            key = (row.person_id, column.id)
            if column.is_skill:
                assert cell.level == levels.get(key), (row.name, column.name)
                assert cell.required_level == required.get(key), (row.name, column.name)
            else:
                assert cell.required == (key in required_types), (row.name, column.name)
            marks.add(cell.mark)
    # the demo shows every state a requirement can have
    assert {Mark.MET, Mark.BELOW, Mark.MISSING, Mark.HELD, Mark.NOT_REQUIRED, Mark.VALID} <= marks
