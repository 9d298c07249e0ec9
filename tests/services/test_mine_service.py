"""Mijn leren's own services, on the laptop's file and on the server (``--database``):
one's sessions while one was in the group, one's own check-in after a session, and
how one kept an agreement."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from sqlalchemy import text

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import AgreementStatus, AttendanceStatus
from werkleren_desktop.domain.conversations import AgreementInput, ConversationPlan, RecordInput
from werkleren_desktop.domain.cycles import SessionTimes
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.services.conversations import (
    get_conversation,
    plan_conversation,
    save_record,
)
from werkleren_desktop.services.cycles import CycleDraft, plan_series
from werkleren_desktop.services.groups import add_member, end_membership, group_detail, save_group
from werkleren_desktop.services.mine import (
    CheckIn,
    account_for_agreement,
    check_in,
    my_agreements,
    my_groups,
    my_preparation,
    my_sessions,
    save_my_preparation,
)
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage.data_store import DataStore

D = dt.date
MONDAYS = (D(2026, 9, 7), D(2026, 10, 5), D(2026, 11, 2), D(2026, 12, 7))


def cycle_on(monday: dt.date, group: int) -> CycleDraft:
    days = tuple(monday + dt.timedelta(days=n) for n in range(4))
    return CycleDraft(group, days, SessionTimes(dt.time(15, 0)), ("", "", "", ""))


@pytest.fixture
def anna(store: DataStore) -> tuple[int, int]:
    """Anna, in the group ‘Jong en oud’ from October until 10 November; a cycle a month
    from September to December. Returns Anna and the group."""
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    boss = save_person(store.sessions, PersonInput("Marieke", "de Boer", D(2010, 1, 1)), TODAY)
    anna = save_person(
        store.sessions, PersonInput("Anna", "de Wit", D(2015, 1, 1), manager_id=boss), TODAY
    )
    group = save_group(store.sessions, GroupInput("Jong en oud", D(2026, 1, 1)))
    add_member(store.sessions, group, boss, D(2026, 1, 1))
    add_member(store.sessions, group, anna, D(2026, 10, 1))
    (membership,) = [
        m for m in group_detail(store.sessions, group, TODAY).members if m.person_id == anna
    ]
    end_membership(store.sessions, membership.membership_id, D(2026, 11, 10))
    plan_series(store.sessions, [cycle_on(monday, group) for monday in MONDAYS])
    return anna, group


def test_ones_sessions_are_those_of_the_days_one_was_in_the_group(
    store: DataStore, anna: tuple[int, int]
) -> None:
    person, _group = anna
    sessions = my_sessions(store.sessions, person)
    days = sorted(s.starts_at.date() for s in sessions)
    assert days == [MONDAYS[1] + dt.timedelta(days=n) for n in range(4)] + [
        MONDAYS[2] + dt.timedelta(days=n) for n in range(4)
    ]
    (group,) = my_groups(store.sessions, person, TODAY)
    assert (group.name, group.left_on, group.members) == (
        "Jong en oud", D(2026, 11, 10), ("Marieke de Boer",),
    )  # fmt: skip


def test_a_check_in_says_one_was_there_and_replaces_ones_own(
    store: DataStore, anna: tuple[int, int]
) -> None:
    person, _group = anna
    sessions = {s.starts_at.date(): s for s in my_sessions(store.sessions, person)}
    first = sessions[MONDAYS[1]]
    for wrong, field in (
        (CheckIn(None, None, " "), "energy"),
        (CheckIn(6, None), "energy"),
        (CheckIn(3, 0), "meaning"),
    ):
        with pytest.raises(ValidationError) as said:
            check_in(store.sessions, first.id, person, wrong, TODAY)
        assert said.value.field == field
    check_in(store.sessions, first.id, person, CheckIn(2, 3, " moe "), TODAY)
    check_in(store.sessions, first.id, person, CheckIn(4, 5, "toch goed"), TODAY)
    with store.sessions() as db:
        rows = db.execute(
            text(
                "SELECT status, energy, meaning, note FROM attendance"
                " WHERE session_id = :s AND person_id = :p"
            ),
            {"s": first.id, "p": person},
        ).all()
    assert [tuple(r) for r in rows] == [("present", 4, 5, "toch goed")]
    again = {s.id: s for s in my_sessions(store.sessions, person)}[first.id]
    assert (again.status, again.energy, again.meaning) == (AttendanceStatus.PRESENT, 4, 5)
    with store.sessions() as db:  # September's cycle: before Anna joined the group
        september = db.execute(
            text("SELECT id FROM cycle_session WHERE date(starts_at) = :d"),
            {"d": MONDAYS[0].isoformat()},
        ).scalar_one()
    with pytest.raises(UserError, match="niet in deze groep"):
        check_in(store.sessions, september, person, CheckIn(3, 3), TODAY)
    later = sessions[MONDAYS[2]]  # 2 November: before TODAY, fine; a later day is not
    check_in(store.sessions, later.id, person, CheckIn(3, None), TODAY)
    with pytest.raises(UserError, match="na de bijeenkomst"):
        check_in(store.sessions, later.id, person, CheckIn(3, None), D(2026, 10, 30))


def test_an_agreement_is_accounted_for_by_its_status_and_a_note(
    store: DataStore, anna: tuple[int, int]
) -> None:
    person, _group = anna
    conversation = plan_conversation(store.sessions, person, ConversationPlan(D(2026, 3, 2)))
    save_record(
        store.sessions,
        conversation,
        RecordInput(D(2026, 3, 2), {}, (AgreementInput("Cursus tillen", due_on=D(2026, 9, 1)),)),
        TODAY,
    )
    (agreement,) = my_agreements(store.sessions, person)
    assert (agreement.what, agreement.status) == ("Cursus tillen", AgreementStatus.OPEN)
    with pytest.raises(ValidationError) as said:
        account_for_agreement(store.sessions, person, agreement.id, AgreementStatus.NOT_DONE, "  ")
    assert said.value.field == "note"
    with pytest.raises(UserError):  # someone else's agreement is not theirs to account for
        account_for_agreement(store.sessions, person + 1, agreement.id, AgreementStatus.DONE, "")
    account_for_agreement(store.sessions, person, agreement.id, AgreementStatus.DONE, "")
    account_for_agreement(store.sessions, person, agreement.id, AgreementStatus.PARTLY, " Half af ")
    (agreement,) = my_agreements(store.sessions, person)
    assert (agreement.status, agreement.review_note, agreement.what) == (
        AgreementStatus.PARTLY, "Half af", "Cursus tillen",
    )  # fmt: skip


def test_ones_own_preparation_is_kept_apart_until_it_is_shared(
    store: DataStore, anna: tuple[int, int]
) -> None:
    person, _group = anna
    conversation = plan_conversation(store.sessions, person, ConversationPlan(D(2026, 12, 14)))
    with pytest.raises(ValidationError) as said:  # nothing to share
        save_my_preparation(store.sessions, person, conversation, {}, share=True)
    assert said.value.field == "went_well"
    save_my_preparation(
        store.sessions, person, conversation, {"talents": " Plannen ", "observations": "x"}, False
    )
    mine = my_preparation(store.sessions, conversation)
    assert mine.texts == {"went_well": "", "talents": "Plannen", "learning_wishes": "", "needs": ""}
    assert (mine.shared_at, mine.changed_since_shared) == (None, False)
    assert get_conversation(store.sessions, conversation).preparation.get("talents", "") == ""
    save_my_preparation(store.sessions, person, conversation, {"talents": "Plannen"}, True)
    assert get_conversation(store.sessions, conversation).preparation["talents"] == "Plannen"
    assert get_conversation(store.sessions, conversation).preparation.get("observations", "") == ""
    save_my_preparation(store.sessions, person, conversation, {"talents": "Overzicht"}, False)
    mine = my_preparation(store.sessions, conversation)
    assert mine.shared_at is not None and mine.changed_since_shared
    save_record(store.sessions, conversation, RecordInput(D(2026, 11, 2), {}), TODAY)
    with pytest.raises(UserError, match="gevoerd"):
        save_my_preparation(store.sessions, person, conversation, {"talents": "Later"}, True)


def test_a_preparation_says_who_brought_it_in_on_screen_and_on_paper(
    store: DataStore, anna: tuple[int, int]
) -> None:
    """On a laptop the owner enters what the professional prepared, and says they brought
    it in; on a server sharing one's own preparation says so by itself. The printed
    preparation form says it under the professional's part."""
    from pypdf import PdfReader

    from werkleren_desktop.documents.conversation_form import Organisation, preparation_pdf
    from werkleren_desktop.services.conversations import save_conversation

    person, _group = anna
    entered = save_conversation(
        store.sessions,
        person,
        ConversationPlan(D(2026, 12, 14)),
        {"talents": "Plannen"},
        None,
        TODAY,
    )
    assert not get_conversation(store.sessions, entered).preparation_brought_in
    save_conversation(
        store.sessions,
        person,
        ConversationPlan(D(2026, 12, 14)),
        {"talents": "Plannen"},
        None,
        TODAY,
        entered,
        preparation_brought_in=True,
    )
    view = get_conversation(store.sessions, entered)
    assert view.preparation_brought_in
    pdf = preparation_pdf(Organisation("Van Dijk", None), view, TODAY)
    printed = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Ingebracht door Anna de Wit." in " ".join(printed.split())
    # None leaves it as it was
    save_conversation(
        store.sessions, person, ConversationPlan(D(2026, 12, 14)), {}, None, TODAY, entered
    )
    assert get_conversation(store.sessions, entered).preparation_brought_in

    shared = plan_conversation(store.sessions, person, ConversationPlan(D(2027, 6, 14)))
    save_my_preparation(store.sessions, person, shared, {"needs": "Tijd"}, share=False)
    assert not get_conversation(store.sessions, shared).preparation_brought_in
    save_my_preparation(store.sessions, person, shared, {"needs": "Tijd"}, share=True)
    assert get_conversation(store.sessions, shared).preparation_brought_in
