"""Inzage, erasure and retention: nobody else's data in an export, nothing left of an
erased person, and others' records still working."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.db.models import (
    VERSIONED_TABLES,
    SituationKind,
    TrainingForm,
    TrainingStatus,
)
from werkleren_desktop.documents.person_file import write_person_file
from werkleren_desktop.domain.conversations import ConversationPlan, RecordInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.services.conversations import plan_conversation, save_record
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.services.privacy import (
    FREE_TEXT_COLUMNS,
    erase_person,
    person_file,
    plan_erasure,
    retention_due,
)
from werkleren_desktop.services.situations import (
    SituationFilter,
    get_situation,
    list_situations,
    save_situation,
)
from werkleren_desktop.services.training import save_training
from werkleren_desktop.storage.data_store import DataStore
from werkleren_desktop.storage.drafts import SITUATION_DRAFT, DraftStore

D = dt.date


@pytest.fixture
def team(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    boss = save_person(store.sessions, PersonInput("Marieke", "de Boer", D(2010, 1, 1)), TODAY)
    anna = save_person(
        store.sessions, PersonInput("Anna", "de Wit", D(2015, 1, 1), manager_id=boss), TODAY
    )
    kees = save_person(store.sessions, PersonInput("Kees", "Visser", D(2016, 1, 1)), TODAY)
    save_situation(
        store.sessions,
        SituationInput(D(2026, 3, 1), "Alleen Anna", SituationKind.ANALYSE, (anna,),
                       description="Kees Visser hielp Anna de Wit met de pomp.",
                       consulted_ids=(kees,)),
        TODAY,
    )  # fmt: skip
    save_situation(
        store.sessions,
        SituationInput(D(2026, 4, 1), "Samen met Kees", SituationKind.IMPROVE, (anna, kees),
                       outcome="Anna de Wit legde het uit."),
        TODAY,
    )  # fmt: skip
    save_training(
        store.sessions,
        TrainingInput((anna,), "BHV", TrainingForm.COURSE, D(2026, 2, 1), D(2026, 2, 1), 480,
                      16500, status=TrainingStatus.DONE),
        TODAY,
    )  # fmt: skip
    conversation = plan_conversation(store.sessions, anna, ConversationPlan(D(2026, 5, 1)))
    save_record(
        store.sessions,
        conversation,
        RecordInput(D(2026, 5, 1), {"went_well": "Marieke de Boer is tevreden."}),
        TODAY,
    )
    return {"boss": boss, "anna": anna, "kees": kees}


def test_the_export_holds_everything_of_one_person_and_nobody_else(
    store: DataStore, team, tmp_path: Path
) -> None:
    data = person_file(store.sessions, team["anna"])
    dumped = json.dumps(data, ensure_ascii=False)
    assert "Anna" in dumped and "BHV" in dumped
    assert "Kees" not in dumped and "Visser" not in dumped and "Marieke" not in dumped
    assert len(data["learning_situations"]) == 2
    assert data["learning_situations"][0]["situation"].startswith("een collega hielp Anna de Wit")
    assert data["talent_conversations"][0]["sections"]
    pdf, machine = write_person_file(tmp_path, "Van Dijk", data, TODAY)
    assert json.loads(machine.read_text(encoding="utf-8"))["person"]["last_name"] == "de Wit"
    printed = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Alles wat over Anna de Wit is opgeslagen" in " ".join(printed.split())
    assert "Kees" not in printed and "Vertrouwelijk" in printed


@pytest.mark.sqlite_file
def test_erasing_a_person_leaves_nothing_of_them(store: DataStore, team) -> None:
    anna = team["anna"]
    erased = erase_person(store.sessions, anna)
    assert (erased.name, erased.situations_removed, erased.conversations_removed) == (
        "Anna de Wit", 1, 1,
    )  # fmt: skip
    assert sorted(p.full_name for p in list_people(store.sessions)) == [
        "Kees Visser",
        "Marieke de Boer",
    ]
    # the shared situation stays for Kees, with Anna's name replaced
    (shared,) = list_situations(store.sessions, SituationFilter())
    situation = get_situation(store.sessions, shared.id)
    assert situation.person_ids == (team["kees"],)
    assert situation.outcome == "oud-collega legde het uit."
    with store.engine.connect() as connection:
        for table in ("training", "talent_conversation", "conversation_section", "attendance"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
        assert connection.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        everything = " ".join(
            str(row)
            for table in ("learning_situation", "situation_consultation", "person")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
        )
    assert "Anna" not in everything and "de Wit" not in everything


def test_people_who_left_long_ago_are_listed_for_review(store: DataStore, team) -> None:
    save_person(
        store.sessions,
        PersonInput("Oud", "Gedaan", D(2010, 1, 1), out_of_service=D(2024, 10, 31)),
        TODAY,
    )
    save_person(
        store.sessions,
        PersonInput("Net", "Weg", D(2010, 1, 1), out_of_service=D(2025, 6, 30)),
        TODAY,
    )
    assert [r.name for r in retention_due(store.sessions, TODAY)] == ["Oud Gedaan"]


SCHEMA = "person-file.schema.json"

# every other text column with why it is not free text: a new column must be placed in
# services.privacy.FREE_TEXT_COLUMNS or here, so that export and erasure think of it
NOT_FREE_TEXT = {
    "organisation": ("name", "language", "email"),  # the organisation's own
    "person": ("first_name", "last_name", "email", "sort_key"),  # the person's own identity
    "talent_conversation": ("professional_signed_name", "manager_signed_name"),  # not exported
    "conversation_section": ("key",),  # a code
    "own_preparation": ("key",),  # a code
    "cycle_session": ("uid", "exported_hash"),  # codes
    "calendar_reminder": ("uid", "exported_hash"),  # codes
    "scan_answer": ("item",),  # a code
    # a folded copy of the texts for the search, computed again when a name is replaced
    "learning_situation": ("search_text",),
    "app_user": ("login",),  # a login of the server: a code, never about a person's work
    # the apprentice's own school and programme: in their file, erased with them
    "apprenticeship": ("school", "programme"),
    # the initials as the workplace trainer wrote them: the evidence the subsidy asks for
    "guidance_entry": ("initials",),
}
# the login that made a record's last change: the program's user, a code of the server
for _versioned in VERSIONED_TABLES:
    NOT_FREE_TEXT[_versioned] = (*NOT_FREE_TEXT.get(_versioned, ()), "changed_by")


def test_every_text_column_is_known_as_free_text_or_not(store: DataStore) -> None:
    from sqlalchemy import String, Text

    from werkleren_desktop.db.models import Base

    for table in Base.metadata.sorted_tables:
        texts = {
            c.name
            for c in table.columns
            if isinstance(c.type, String | Text) and not hasattr(c.type, "enum_class")
        }
        known = set(FREE_TEXT_COLUMNS.get(table.name, ())) | set(NOT_FREE_TEXT.get(table.name, ()))
        assert texts == known, table.name


def test_the_export_holds_every_record_in_every_role_and_no_other_name(
    store: DataStore, tmp_path: Path
) -> None:
    """The demo's busiest manager, with other people's names planted in every free-text
    field of every table: the JSON follows its schema, holds every record that refers
    to the person in any role, and neither file names anyone else."""
    import jsonschema

    from werkleren_desktop.services.demo import DemoSize, generate_demo

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    with store.engine.begin() as sql:
        subject, first, last = sql.execute(
            text(
                "SELECT p.id, p.first_name, p.last_name FROM person p"
                " JOIN talent_conversation c ON c.manager_id = p.id"
                " GROUP BY p.id ORDER BY count(*) DESC LIMIT 1"
            )
        ).one()
        sql.execute(text("UPDATE learning_group SET expert_id = :p WHERE id = 1"), {"p": subject})
        sql.execute(
            text(
                "INSERT INTO work_agreement (kind, title, text, contact_id, origin, agreed_on)"
                " VALUES ('instruction', 'Ladder', 'Eerst vastzetten', :p, 'werkoverleg',"
                " '2025-01-06')"
            ),
            {"p": subject},
        )
        people = sql.execute(text("SELECT id, first_name, last_name FROM person")).all()
        others = [f"{f} {ln}" for pid, f, ln in people if pid != subject]
        planted = f" — {others[0]} en {others[1]} waren erbij"
        for table, columns in FREE_TEXT_COLUMNS.items():
            for column in columns:
                sql.execute(
                    text(f"UPDATE {table} SET {column} = {column} || :planted"),
                    {"planted": planted},
                )
        expected = {
            key: sql.execute(text(query), {"p": subject}).scalar_one()
            for key, query in {
                "learning_groups": "SELECT count(*) FROM group_membership WHERE person_id = :p",
                "week_cycle_attendance": "SELECT count(*) FROM attendance WHERE person_id = :p",
                "learning_situations": "SELECT count(*) FROM situation_person WHERE person_id = :p",
                "consulted_by_colleagues": (
                    "SELECT count(*) FROM situation_consultation WHERE person_id = :p"
                ),
                "trainings": "SELECT count(*) FROM training WHERE person_id = :p",
                "training_budgets": "SELECT count(*) FROM training_budget WHERE person_id = :p",
                "talent_conversations": (
                    "SELECT count(*) FROM talent_conversation WHERE person_id = :p"
                ),
                "conversations_as_manager": (
                    "SELECT count(*) FROM talent_conversation WHERE manager_id = :p"
                ),
                "expert_for_groups": "SELECT count(*) FROM learning_group WHERE expert_id = :p",
                "contact_for_work_agreements": (
                    "SELECT count(*) FROM work_agreement WHERE contact_id = :p"
                ),
                "skill_levels_seen": "SELECT count(*) FROM person_skill WHERE person_id = :p",
                "onboarding_steps": "SELECT count(*) FROM onboarding_step WHERE person_id = :p",
                "buddy_for_new_colleagues": (
                    "SELECT count(*) FROM onboarding_plan WHERE buddy_id = :p"
                ),
                "training_attendance": (
                    "SELECT count(*) FROM training_attendance a JOIN training t"
                    " ON t.id = a.training_id WHERE t.person_id = :p"
                ),
                "exit_conversation": (
                    "SELECT count(*) FROM exit_conversation WHERE person_id = :p"
                ),
                "apprenticeship": "SELECT count(*) FROM apprenticeship WHERE person_id = :p",
                "guidance_and_progress": (
                    "SELECT count(*) FROM guidance_entry WHERE person_id = :p"
                ),
                "workplace_trainer_for_apprentices": (
                    "SELECT count(*) FROM apprenticeship WHERE trainer_id = :p"
                ),
                "fund_claims": (
                    "SELECT count(*) FROM fund_claim_training c JOIN training t"
                    " ON t.id = c.training_id WHERE t.person_id = :p"
                ),
            }.items()
        }
    data = person_file(store.sessions, subject)
    schema = json.loads(
        (Path(__file__).parents[2] / "docs" / "person-file.schema.json").read_text()
    )
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert {key: len(data[key]) for key in expected} == expected
    assert expected["conversations_as_manager"] > 10 and expected["expert_for_groups"] == 1
    assert expected["contact_for_work_agreements"] >= 1
    assert data["person"]["manages_people"] > 0
    pdf, machine = write_person_file(tmp_path, "Van Dijk", data, TODAY)
    written = machine.read_text(encoding="utf-8")
    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert f"{first} {last}" in printed and "waren erbij" in written
    for name in others:
        assert name not in written, name
        assert name not in printed, name
    # a document for the employee: Dutch words and values, no raw codes
    for raw in ("True", "False", "present", "innovate", "cost_cents", "Week-cycle", "T15:"):
        assert raw not in printed, raw
    for dutch in ("Werkleersituaties", "AI gebruikt: nee", "Kosten: €", "Opleidingsbudgetten"):
        assert dutch in printed, dutch


@pytest.mark.sqlite_file
def test_erasure_finds_every_mention_and_leaves_nothing_in_the_file(store: DataStore, team) -> None:
    """The name planted outside Anna's own records (others' notes and training, a
    situation she was not part of, a form not saved yet, the first name alone): the
    plan shows it all before anything changes; afterwards the name is nowhere in the
    data file, its write-ahead log, the search index or the drafts."""
    anna, kees, boss = team["anna"], team["kees"], team["boss"]
    with store.engine.begin() as sql:
        sql.execute(
            text("UPDATE person SET notes = 'Neemt het over van Anna de Wit.' WHERE id = :p"),
            {"p": boss},
        )
        sql.execute(
            text("UPDATE person SET notes = 'Vraag het aan Anna.' WHERE id = :p"), {"p": kees}
        )
    save_training(
        store.sessions,
        TrainingInput((kees,), "VCA", TrainingForm.COURSE, D(2026, 2, 1), D(2026, 2, 1), 480,
                      0, status=TrainingStatus.DONE, notes="Samen met de Wit gevolgd."),
        TODAY,
    )  # fmt: skip
    save_situation(
        store.sessions,
        SituationInput(D(2026, 6, 1), "Pomp storing", SituationKind.ANALYSE, (kees,),
                       description="Zoals Anna de Wit het eerder deed."),
        TODAY,
    )  # fmt: skip
    drafts = DraftStore(store.paths.drafts)
    drafts.save(SITUATION_DRAFT, None, {"title": "Terugkoppeling aan Anna de Wit"})
    before = store.paths.database.read_bytes()

    plan = plan_erasure(store.sessions, anna, drafts)
    assert store.paths.database.read_bytes() == before  # the plan changed nothing
    assert person_file(store.sessions, anna)["person"]["last_name"] == "de Wit"
    places = {(m.table, m.column) for m in plan.mentions}
    assert {
        ("person", "notes"),
        ("training", "notes"),
        ("learning_situation", "description"),
        ("draft", SITUATION_DRAFT),
    } <= places
    assert all("Wit" in m.excerpt for m in plan.mentions)
    (first_only,) = plan.first_name_mentions
    assert (first_only.table, first_only.excerpt) == ("person", "Vraag het aan Anna.")
    assert (plan.situations_removed, plan.conversations_removed) == (1, 1)

    erased = erase_person(
        store.sessions, anna, first_name_mentions=plan.first_name_mentions, drafts=drafts
    )
    assert erased.mentions_replaced == len(plan.mentions) + 1
    with store.engine.connect() as sql:
        notes: dict[int, str] = dict(sql.execute(text("SELECT id, notes FROM person")).all())
        assert notes[boss] == "Neemt het over van oud-collega."
        assert notes[kees] == "Vraag het aan oud-collega."
        for term in ("Anna", "Wit"):
            found = sql.execute(
                text("SELECT count(*) FROM situation_search WHERE situation_search MATCH :t"),
                {"t": f'"{term}"'},
            ).scalar_one()
            assert found == 0, term
    draft = drafts.load(SITUATION_DRAFT)
    assert draft is not None and draft.state == {"title": "Terugkoppeling aan oud-collega"}
    files = [store.paths.database, store.paths.database.with_name("werkleren.sqlite3-wal")]
    files += list(store.paths.drafts.glob("*"))
    for path in files:
        if path.exists():
            content = path.read_bytes()
            for trace in ("Anna", "de Wit", "ANNA"):
                assert trace.encode() not in content, (path.name, trace)


def test_what_someone_brought_in_is_in_their_file_and_stays_for_others_when_they_go(
    store: DataStore, team
) -> None:
    """Kees raised a situation Anna learned from (ingebracht door) and one of his own:
    his file holds both, the first by its title only; erasing him keeps Anna's
    situation, without his name on it."""
    anna, kees = team["anna"], team["kees"]
    for_anna = save_situation(
        store.sessions,
        SituationInput(D(2026, 6, 1), "Door Kees gezien", SituationKind.IMPROVE, (anna,),
                       brought_in_by=kees),
        TODAY,
    )  # fmt: skip
    save_situation(
        store.sessions,
        SituationInput(D(2026, 6, 2), "Zelf gemeld", SituationKind.ANALYSE, (kees,),
                       brought_in_by=kees),
        TODAY,
    )  # fmt: skip
    data = person_file(store.sessions, kees)
    assert data["brought_in_for_colleagues"] == [
        {"date": "2026-06-01", "situation": "Door Kees gezien"}
    ]
    own = {s["title"]: s["brought_in_by_them"] for s in data["learning_situations"]}
    assert own == {"Samen met Kees": False, "Zelf gemeld": True}
    assert get_situation(store.sessions, for_anna).brought_in_by == kees
    erase_person(store.sessions, kees)
    kept = get_situation(store.sessions, for_anna)
    assert (kept.person_ids, kept.brought_in_by) == ((anna,), None)


def test_learning_requests_are_in_the_asker_and_the_answerer_file(store: DataStore, team) -> None:
    from werkleren_desktop.domain.constants import RequestKind, RequestStatus
    from werkleren_desktop.domain.requests import AnswerInput, RequestInput
    from werkleren_desktop.services.requests import ask, list_requests, save_request

    anna, boss = team["anna"], team["boss"]
    asked = ask(
        store.sessions,
        RequestInput(anna, RequestKind.EXPERT, "Kan Kees Visser mij de pomp laten zien?", TODAY),
        TODAY,
    )
    save_request(
        store.sessions, asked, RequestKind.EXPERT, "Kan Kees Visser mij de pomp laten zien?",
        AnswerInput(RequestStatus.GRANTED, "Ja, Kees Visser heeft dinsdag tijd", TODAY), TODAY,
        answered_by=boss,
    )  # fmt: skip
    (own,) = person_file(store.sessions, anna)["learning_requests"]
    assert (own["kind"], own["status"]) == ("expert", "granted")
    assert "Kees" not in own["question"] and "Kees" not in own["answer"]  # others by role
    (answered,) = person_file(store.sessions, boss)["requests_to_you_as_manager"]
    assert set(answered) == {"asked_on", "kind", "status", "answered_on", "your_answer"}
    assert answered["your_answer"].endswith("heeft dinsdag tijd")
    erase_person(store.sessions, anna)
    assert list_requests(store.sessions) == []


def test_the_one_to_ask_about_a_work_agreement_finds_it_in_their_file_and_erasure_leaves_it(
    store: DataStore, team, tmp_path: Path
) -> None:
    from werkleren_desktop.domain.constants import WorkAgreementKind
    from werkleren_desktop.domain.work_agreements import WorkAgreementInput
    from werkleren_desktop.services.work_agreements import (
        list_work_agreements,
        save_work_agreement,
    )

    anna = team["anna"]
    (situation,) = [
        s for s in list_situations(store.sessions, SituationFilter()) if s.title == "Alleen Anna"
    ]
    kept = save_work_agreement(
        store.sessions,
        None,
        WorkAgreementInput(
            WorkAgreementKind.INSTRUCTION, "Pomp ontluchten", "Eerst de kraan dicht; Anna de Wit"
            " weet hoe.", anna, D(2026, 3, 2), origin="werkoverleg",
        ),
        TODAY,
    )  # fmt: skip
    (own,) = person_file(store.sessions, anna)["contact_for_work_agreements"]
    assert own == {"kind": "instruction", "title": "Pomp ontluchten", "from": "2026-03-02",
                   "until": None}  # fmt: skip
    pdf, _machine = write_person_file(
        tmp_path, "Van Dijk", person_file(store.sessions, anna), TODAY
    )
    printed = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Werkafspraken met jou als aanspreekpunt" in printed and "Instructie" in printed
    # the erasure finds her name in the agreement's text, and the agreement stays the
    # organisation's, waiting for someone new to ask
    plan = plan_erasure(store.sessions, anna)
    assert ("work_agreement", "text", kept) in {m.place for m in plan.mentions}
    assert situation.id  # (her own situation goes with her; the agreement did not hang on it)
    erase_person(store.sessions, anna)
    (left,) = list_work_agreements(store.sessions, TODAY)
    assert left.contact_id is None and left.contact_name == ""
    assert "Anna" not in left.text and left.stamp.version > 1  # an open form sees the change
