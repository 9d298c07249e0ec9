"""Certificate types in the data: shipped once, names typed before linked where certain
and on the user's word otherwise, trainings that follow their type's rule, and the list
of certificates that expire (services.certificates, services.training)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.certificates import SHIPPED, CertificateRule, Standing
from werkleren_desktop.domain.constants import TrainingForm, TrainingStatus
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.services.certificates import (
    link_names,
    list_certificate_types,
    retire_certificate_type,
    save_certificate_type,
    unlinked_names,
)
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.training import (
    expiring_certificates,
    get_training,
    list_trainings,
    save_training,
)
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def org(store: DataStore) -> dict[str, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    return {
        "anna": save_person(store.sessions, PersonInput("Anna", "de Wit", D(2015, 1, 1)), TODAY),
        "bram": save_person(store.sessions, PersonInput("Bram", "Visser", D(2015, 1, 1)), TODAY),
    }


def course(
    person: int,
    ends: dt.date,
    *,
    type_id: int | None = None,
    typed: str = "",
    refresher: bool = False,
    status: TrainingStatus = TrainingStatus.DONE,
    expires: dt.date | None = None,
) -> TrainingInput:
    return TrainingInput(
        (person,), "Cursus", TrainingForm.COURSE, ends, ends, 480, 10000, status=status,
        certificate=typed, certificate_expires_on=expires, certificate_type_id=type_id,
        refresher=refresher,
    )  # fmt: skip


def type_ids(store: DataStore) -> dict[str, int]:
    return {row.name: row.id for row in list_certificate_types(store.sessions)}


def test_the_shipped_types_come_once_and_certain_names_are_linked(store: DataStore, org) -> None:
    # names typed before there were types (as an older data file holds them)
    for typed in ("BHV", "B-VCA", "VCA", "Heftruck"):
        save_training(store.sessions, course(org["anna"], D(2025, 5, 1), typed=typed,
                                             expires=D(2026, 5, 1)), TODAY)  # fmt: skip
    rows = list_certificate_types(store.sessions)
    assert [r.name for r in rows] == sorted((rule.name for rule in SHIPPED), key=str.lower)
    assert list_certificate_types(store.sessions) == rows  # once, not again
    with store.engine.connect() as sql:
        linked: dict[str, str | None] = dict(
            sql.execute(
                text(
                    "SELECT t.certificate, c.name FROM training t"
                    " LEFT JOIN certificate_type c ON c.id = t.certificate_type_id"
                )
            ).all()
        )
    assert linked == {"BHV": "BHV", "B-VCA": "VCA Basis", "VCA": None, "Heftruck": None}
    waiting = unlinked_names(store.sessions)
    assert [(w.proposal.name, w.trainings) for w in waiting] == [("Heftruck", 1), ("VCA", 1)]
    assert set(waiting[1].proposal.candidates) == {"VCA Basis", "VCA VOL"}

    ids = type_ids(store)
    assert link_names(store.sessions, {"VCA": ids["VCA VOL"], "Heftruck": None}) == 1
    assert [w.proposal.name for w in unlinked_names(store.sessions)] == ["Heftruck"]
    counts = {r.name: r.trainings for r in list_certificate_types(store.sessions)}
    assert (counts["BHV"], counts["VCA Basis"], counts["VCA VOL"], counts["EHBO"]) == (1, 1, 1, 0)


def test_a_training_takes_its_types_name_and_the_expiry_its_rule_gives(
    store: DataStore, org
) -> None:
    ids = type_ids(store)
    (first,) = save_training(store.sessions, course(org["anna"], D(2026, 1, 31),
                                                    type_id=ids["BHV"]), TODAY)  # fmt: skip
    saved = get_training(store.sessions, first)
    assert (saved.certificate, saved.certificate_expires_on) == ("BHV", D(2027, 1, 31))
    # an expiry entered by hand (as on the certificate itself) is kept
    (second,) = save_training(store.sessions, course(org["bram"], D(2026, 1, 31),
                              type_id=ids["BHV"], expires=D(2027, 2, 15)), TODAY)  # fmt: skip
    assert get_training(store.sessions, second).certificate_expires_on == D(2027, 2, 15)
    # a renamed type renames the certificate of its trainings
    rule = next(r.rule for r in list_certificate_types(store.sessions) if r.name == "BHV")
    save_certificate_type(store.sessions, CertificateRule("BHV-basis", rule.description,
                          12, 3, True, rule.source), ids["BHV"])  # fmt: skip
    assert {r.certificate for r in list_trainings(store.sessions)} == {"BHV-basis"}
    with pytest.raises(ValidationError) as clash:
        save_certificate_type(store.sessions, CertificateRule("ehbo", valid_months=24))
    assert clash.value.field == "name" and "EHBO" not in str(clash.value)


def test_a_refresher_is_refused_once_the_grace_period_has_passed(store: DataStore, org) -> None:
    ids = type_ids(store)
    anna = org["anna"]
    save_training(store.sessions, course(anna, D(2025, 3, 10), type_id=ids["BHV"]), TODAY)
    # expired 10 March 2026, grace until 10 June 2026: a refresher in May renews it
    save_training(store.sessions, course(anna, D(2026, 5, 4), type_id=ids["BHV"],
                                         refresher=True), TODAY)  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        save_training(store.sessions, course(org["bram"], D(2026, 5, 4), type_id=ids["BHV"],
                                             refresher=True), TODAY)  # fmt: skip
    assert refused.value.field == "refresher" and "nooit behaald" in str(refused.value)
    save_training(store.sessions, course(org["bram"], D(2025, 1, 6), type_id=ids["BHV"]), TODAY)
    with pytest.raises(ValidationError) as refused:
        save_training(store.sessions, course(org["bram"], D(2026, 6, 1), type_id=ids["BHV"],
                                             refresher=True), TODAY)  # fmt: skip
    assert "de uitloop is voorbij" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        save_training(store.sessions, course(anna, D(2026, 6, 1), type_id=ids["VCA Basis"],
                                             refresher=True), TODAY)  # fmt: skip
    assert "alleen met de volledige cursus" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        save_training(store.sessions, course(anna, D(2026, 6, 1), refresher=True), TODAY)
    assert refused.value.field == "certificate"


def test_a_retired_type_stays_with_its_trainings_and_is_not_chosen_anew(
    store: DataStore, org
) -> None:
    ids = type_ids(store)
    (kept,) = save_training(store.sessions, course(org["anna"], D(2026, 1, 5),
                                                   type_id=ids["F-gassen"]), TODAY)  # fmt: skip
    retire_certificate_type(store.sessions, ids["F-gassen"], True)
    assert "F-gassen" not in type_ids(store)
    save_training(store.sessions, get_training(store.sessions, kept), TODAY, kept)
    with pytest.raises(ValidationError) as refused:
        save_training(store.sessions, course(org["bram"], D(2026, 1, 5),
                                             type_id=ids["F-gassen"]), TODAY)  # fmt: skip
    assert "niet meer aangeboden" in str(refused.value)


def test_the_expiring_list_follows_each_types_rule(store: DataStore, org) -> None:
    """TODAY is 28 November 2026."""
    ids = type_ids(store)
    anna, bram = org["anna"], org["bram"]
    # Anna's BHV expired on 1 October: a refresher renews it until 1 January
    save_training(store.sessions, course(anna, D(2025, 10, 1), type_id=ids["BHV"]), TODAY)
    # Bram's VCA expired on 1 November: no grace, listed as expired for a month
    save_training(store.sessions, course(bram, D(2016, 11, 1), type_id=ids["VCA Basis"]), TODAY)
    # Bram's EHBO expires in January, a refresher is planned: not listed
    save_training(store.sessions, course(bram, D(2025, 1, 20), type_id=ids["EHBO"]), TODAY)
    save_training(store.sessions, course(bram, D(2026, 12, 14), type_id=ids["EHBO"],
                  refresher=True, status=TrainingStatus.PLANNED), TODAY)  # fmt: skip
    # a name typed without a type keeps the old rule: the latest expiry
    save_training(store.sessions, course(anna, D(2024, 1, 10), typed="Heftruck",
                                         expires=D(2027, 1, 10)), TODAY)  # fmt: skip
    rows = expiring_certificates(store.sessions, TODAY)
    assert [(r.person_name, r.certificate, r.expires_on, r.grace_until) for r in rows] == [
        ("Anna de Wit", "BHV", D(2026, 10, 1), D(2027, 1, 1)),
        ("Bram Visser", "VCA Basis", D(2026, 11, 1), None),
        ("Anna de Wit", "Heftruck", D(2027, 1, 10), None),
    ]
    assert rows[0].in_grace(TODAY) and not rows[1].in_grace(TODAY)
    # in January Anna's grace has passed: listed a month more, then gone
    assert [r.certificate for r in expiring_certificates(store.sessions, D(2027, 1, 20))] == [
        "BHV",
        "Heftruck",
    ]
    assert "BHV" not in {r.certificate for r in expiring_certificates(store.sessions,
                                                                       D(2027, 2, 5))}  # fmt: skip
    # her refresher in the grace renews it, and the list says nothing more of it
    save_training(store.sessions, course(anna, D(2026, 11, 20), type_id=ids["BHV"],
                                         refresher=True), TODAY)  # fmt: skip
    assert [r.certificate for r in expiring_certificates(store.sessions, TODAY)] == [
        "VCA Basis",
        "Heftruck",
    ]
    brams = expiring_certificates(store.sessions, TODAY, person_id=bram)
    assert [r.certificate for r in brams] == ["VCA Basis"]


def test_the_demo_keeps_the_rules_it_shows(store: DataStore) -> None:
    """The demo's BHV'ers: refreshers only within a year and a grace period of the last
    course (checked against the rows as SQL reads them), one BHV'er in the grace period
    now, and VCA certificates typed before there were types, waiting to be linked."""
    from werkleren_desktop.domain.certificates import Obtained, Standing, standing
    from werkleren_desktop.services.demo import DemoSize, generate_demo

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    with store.engine.connect() as sql:
        chains = sql.execute(
            text(
                "SELECT t.person_id, t.ends_on, t.certificate_expires_on, t.refresher"
                " FROM training t JOIN certificate_type c ON c.id = t.certificate_type_id"
                " WHERE c.name = 'BHV' AND t.status = 'done' ORDER BY t.person_id, t.ends_on"
            )
        ).all()
        typed = sql.execute(
            text(
                "SELECT count(*) FROM training"
                " WHERE certificate = 'VCA' AND certificate_type_id IS NULL"
            )
        ).scalar_one()
    bhv = next(rule for rule in SHIPPED if rule.name == "BHV")
    by_person: dict[int, list[Obtained]] = {}
    for person, ends, expires, refresher in chains:
        day = ends if isinstance(ends, dt.date) else dt.date.fromisoformat(ends)
        until = expires if isinstance(expires, dt.date) else dt.date.fromisoformat(expires)
        by_person.setdefault(person, []).append(Obtained(day, until, bool(refresher)))
    states = {p: standing(bhv, history, TODAY) for p, history in by_person.items()}
    assert len(states) >= 3 and all(not s.ignored for s in states.values())
    assert sum(o.refresher for h in by_person.values() for o in h) >= 3
    in_grace = [p for p, s in states.items() if s.standing is Standing.GRACE]
    assert len(in_grace) == 1
    listed = {(r.person_id, r.certificate) for r in expiring_certificates(store.sessions, TODAY)}
    assert (in_grace[0], "BHV") in listed
    assert typed > 0 and [w.proposal.name for w in unlinked_names(store.sessions)] == ["VCA"]


def test_the_warning_window_is_the_organisations_setting(store: DataStore, org) -> None:
    from dataclasses import replace

    from werkleren_desktop.services.organisation import load_settings, save_settings

    ids = type_ids(store)
    # Bram's VCA expires in five months: not within three, within six
    save_training(store.sessions, course(org["bram"], D(2017, 4, 28),
                                         type_id=ids["VCA Basis"]), TODAY)  # fmt: skip
    assert expiring_certificates(store.sessions, TODAY) == []
    settings = load_settings(store.sessions)
    assert settings is not None and settings.certificate_warning_months == 3
    save_settings(store.sessions, replace(settings, certificate_warning_months=6))
    (row,) = expiring_certificates(store.sessions, TODAY)
    assert (row.certificate, row.expires_on) == ("VCA Basis", D(2027, 4, 28))
    with pytest.raises(ValidationError) as refused:
        replace(settings, certificate_warning_months=13).validated()
    assert refused.value.field == "certificate_warning_months"


def test_a_persons_certificates_with_their_renewals(store: DataStore, org) -> None:
    from werkleren_desktop.services.certificates import person_certificates

    ids = type_ids(store)
    anna = org["anna"]
    for day, refresher in ((D(2024, 3, 1), False), (D(2025, 3, 3), True), (D(2026, 3, 2), True)):
        save_training(store.sessions, course(anna, day, type_id=ids["BHV"],
                                             refresher=refresher), TODAY)  # fmt: skip
    save_training(store.sessions, course(anna, D(2020, 6, 1), type_id=ids["VCA Basis"]), TODAY)
    held = person_certificates(store.sessions, anna, TODAY, 3)
    assert [(h.name, h.status.standing, h.status.expires_on) for h in held] == [
        ("BHV", Standing.VALID, D(2027, 3, 2)),
        ("VCA Basis", Standing.VALID, D(2030, 6, 1)),
    ]
    assert [o.refresher for o in held[0].history] == [False, True, True]
    assert person_certificates(store.sessions, org["bram"], TODAY, 3) == []


def test_who_holds_which_certificate_against_sql(store: DataStore) -> None:
    """The demo's matrix: a row for everyone in service, a column for each type someone
    followed a training of, each cell where that person stands by the type's rule,
    checked against the followed trainings as SQL written here reads them."""
    import io

    import openpyxl
    from pypdf import PdfReader

    from werkleren_desktop.documents.certificate_matrix import (
        matrix_pdf,
        matrix_xlsx,
    )
    from werkleren_desktop.domain.certificates import Obtained, standing
    from werkleren_desktop.domain.qualifications import cell_text
    from werkleren_desktop.services.demo import DemoSize, generate_demo
    from werkleren_desktop.services.functions import qualification_matrix

    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    matrix = qualification_matrix(store.sessions, TODAY, 3)
    with store.engine.connect() as sql:
        in_service = sql.execute(
            text(
                "SELECT count(*) FROM person WHERE in_service <= :day"
                " AND (out_of_service IS NULL OR out_of_service >= :day)"
            ),
            {"day": TODAY.isoformat()},
        ).scalar_one()
        followed = sql.execute(
            text(
                "SELECT t.person_id, c.name, t.ends_on, t.certificate_expires_on, t.refresher"
                " FROM training t JOIN certificate_type c ON c.id = t.certificate_type_id"
                " JOIN person p ON p.id = t.person_id WHERE t.status = 'done'"
                " AND p.in_service <= :day AND (p.out_of_service IS NULL"
                " OR p.out_of_service >= :day) ORDER BY t.ends_on"
            ),
            {"day": TODAY.isoformat()},
        ).all()
        required = sql.execute(
            text(
                "SELECT DISTINCT c.name FROM function_requirement r"
                " JOIN certificate_type c ON c.id = r.certificate_type_id"
                " JOIN person p ON p.function_id = r.function_id WHERE p.in_service <= :day"
                " AND (p.out_of_service IS NULL OR p.out_of_service >= :day)"
            ),
            {"day": TODAY.isoformat()},
        ).scalars()
        names = {name for _p, name, *_r in followed} | set(required)
    assert len(matrix.rows) == in_service
    # (a column for each certificate anyone followed or their function requires)
    assert [t.name for t in matrix.certificates] == sorted(names, key=str.lower)
    rules = {t.name: t.rule for t in matrix.certificates if t.rule is not None}
    histories: dict[tuple[int, str], list[Obtained]] = {}
    for person, name, ends, expires, refresher in followed:
        day = ends if isinstance(ends, dt.date) else dt.date.fromisoformat(ends)
        until = expires if isinstance(expires, dt.date) else dt.date.fromisoformat(expires)
        histories.setdefault((person, name), []).append(Obtained(day, until, bool(refresher)))
    for row in matrix.rows:
        for kind, cell in zip(matrix.columns, row.cells, strict=True):
            if kind.is_skill:
                continue  # (tests/services/test_functions.py)
            expected = standing(rules[kind.name], histories.get((row.person_id, kind.name), []),
                                TODAY, 3)  # fmt: skip
            assert cell.status == expected, (row.name, kind.name)
    grace = [(r.name, t.name) for r in matrix.rows for t, c in zip(matrix.columns, r.cells,
             strict=True) if c.status and c.status.standing is Standing.GRACE]  # fmt: skip
    assert len(grace) == 1  # the demo's BHV'er in the grace period

    # the spreadsheet holds the same cells, coloured; the printed page the same words
    sheet = openpyxl.load_workbook(io.BytesIO(matrix_xlsx(matrix))).active
    assert sheet is not None
    assert [c.value for c in sheet[1]][2:] == [t.name for t in matrix.columns]
    first = matrix.rows[0]
    assert sheet.cell(row=2, column=1).value == first.name
    for column, status in enumerate(first.cells, start=3):
        assert (sheet.cell(row=2, column=column).value or "") == cell_text(status)
    grace_name, grace_type = grace[0]
    line = next(i for i, r in enumerate(matrix.rows, start=2) if r.name == grace_name)
    place = 3 + [t.name for t in matrix.columns].index(grace_type)
    assert sheet.cell(row=line, column=place).fill.fgColor.rgb.endswith("FFDDB0")
    said = str(sheet.cell(row=line, column=place).value)
    assert said.startswith("herhaling tot ")
    reader = PdfReader(io.BytesIO(matrix_pdf(matrix, "Van Dijk", None, TODAY)))
    printed = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Wie heeft wat" in printed and "iedereen in dienst" in printed
    assert said in printed
    assert f"{len(matrix.rows)} personen" in printed


def test_a_name_in_the_spreadsheet_stays_text_whatever_it_starts_with(
    store: DataStore, org
) -> None:
    """A job title typed as "=HYPERLINK(…)" is shown as typed, never run as a formula."""
    import io

    import openpyxl

    from werkleren_desktop.documents.certificate_matrix import matrix_xlsx
    from werkleren_desktop.services.functions import qualification_matrix

    hostile = '=HYPERLINK("http://example.org","klik")'
    save_person(store.sessions, PersonInput("Eva", "Smit", D(2020, 1, 1), job_title=hostile), TODAY)
    ids = type_ids(store)
    save_training(store.sessions, course(org["anna"], D(2026, 6, 1), type_id=ids["BHV"]), TODAY)
    exported = matrix_xlsx(qualification_matrix(store.sessions, TODAY, 3))
    book = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = book.active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if c.value == hostile]
    assert len(cells) == 1 and cells[0].data_type == "s"
