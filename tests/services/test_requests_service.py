"""Leervragen: asked, answered (declined only with a reason), reworded only while open,
what came of it; addressed to the manager of the day they were asked."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import RequestKind, RequestStatus
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.requests import AnswerInput, RequestInput
from werkleren_desktop.errors import EditConflictError, ValidationError
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.requests import ask, list_requests, read_request, save_request
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def team(store: DataStore) -> tuple[int, int]:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    boss = save_person(store.sessions, PersonInput("Marieke", "de Boer", D(2010, 1, 1)), TODAY)
    anna = save_person(
        store.sessions, PersonInput("Anna", "de Wit", D(2015, 1, 1), manager_id=boss), TODAY
    )
    return boss, anna


def test_a_request_is_asked_answered_and_followed_up(store: DataStore, team) -> None:
    boss, anna = team
    asked = ask(
        store.sessions,
        RequestInput(anna, RequestKind.EXPERT, "  Wie kent de nieuwe pomp?  ", TODAY),
        TODAY,
    )
    (row,) = list_requests(store.sessions, anna)
    assert (row.question, row.status, row.addressed_to, row.addressed_to_name) == (
        "Wie kent de nieuwe pomp?", RequestStatus.OPEN, boss, "Marieke de Boer",
    )  # fmt: skip
    assert list_requests(store.sessions, status=RequestStatus.OPEN)[0].id == asked
    # declined needs a reason; an answer before the question is refused
    for answer, field in (
        (AnswerInput(RequestStatus.DECLINED, " ", TODAY), "answer"),
        (AnswerInput(RequestStatus.GRANTED, "Ja", TODAY - dt.timedelta(days=1)), "answered_on"),
        (AnswerInput(RequestStatus.OPEN, "Misschien", None), "status"),
    ):
        with pytest.raises(ValidationError) as refused:
            save_request(store.sessions, asked, row.kind, row.question, answer, TODAY)
        assert refused.value.field == field
    save_request(
        store.sessions, asked, RequestKind.EXPERT, "Wie kent de nieuwe warmtepomp?",
        AnswerInput(RequestStatus.PLANNED, "Met Kees, volgende week", TODAY), TODAY,
        answered_by=boss, version=row.stamp.version,
    )  # fmt: skip
    answered = read_request(store.sessions, asked)
    assert answered.question == "Wie kent de nieuwe warmtepomp?"  # reworded while open
    assert answered.status is RequestStatus.PLANNED
    assert answered.answered_by_name == "Marieke de Boer"
    # answered: the question stays; the outcome comes later
    with pytest.raises(ValidationError, match="houdt haar vraag"):
        save_request(
            store.sessions, asked, RequestKind.TRAINING, "Iets anders",
            AnswerInput(RequestStatus.PLANNED, "Met Kees", TODAY), TODAY,
        )  # fmt: skip
    # saved from what was read before the answer: the choice, never an overwrite
    with pytest.raises(EditConflictError):
        save_request(
            store.sessions, asked, row.kind, row.question,
            AnswerInput(RequestStatus.DECLINED, "Geen tijd", TODAY), TODAY,
            version=row.stamp.version,
        )  # fmt: skip
    save_request(
        store.sessions, asked, answered.kind, answered.question,
        AnswerInput(RequestStatus.PLANNED, "Met Kees", TODAY, "Kees liet het zien."), TODAY,
    )  # fmt: skip
    assert read_request(store.sessions, asked).outcome == "Kees liet het zien."


def test_a_request_is_asked_today_or_before_and_says_something(store: DataStore, team) -> None:
    _boss, anna = team
    with pytest.raises(ValidationError) as empty:
        ask(store.sessions, RequestInput(anna, RequestKind.GROUP, "  ", TODAY), TODAY)
    assert empty.value.field == "question"
    with pytest.raises(ValidationError) as future:
        ask(
            store.sessions,
            RequestInput(anna, RequestKind.GROUP, "Een leergroep", TODAY + dt.timedelta(days=1)),
            TODAY,
        )
    assert future.value.field == "asked_on"
    assert list_requests(store.sessions) == []


def test_requests_come_up_in_the_next_conversation_and_on_its_form(store: DataStore, team) -> None:
    """Asked or answered since the last conversation, or still waiting: on the next
    conversation's view and its printed preparation, read back with pypdf."""
    import io

    from pypdf import PdfReader

    from werkleren_desktop.documents.conversation_form import Organisation, preparation_pdf
    from werkleren_desktop.domain.conversations import ConversationPlan, RecordInput
    from werkleren_desktop.services.conversations import (
        next_conversation,
        plan_conversation,
        save_record,
    )

    _boss, anna = team
    old = ask(
        store.sessions, RequestInput(anna, RequestKind.GROUP, "Een leergroep", D(2026, 1, 5)), TODAY
    )
    save_request(
        store.sessions, old, RequestKind.GROUP, "Een leergroep",
        AnswerInput(RequestStatus.GRANTED, "Jong en oud", D(2026, 1, 10)), TODAY,
    )  # fmt: skip
    held = plan_conversation(store.sessions, anna, ConversationPlan(D(2026, 2, 1)))
    save_record(store.sessions, held, RecordInput(D(2026, 2, 1), {}), TODAY)
    waiting = ask(
        store.sessions,
        RequestInput(anna, RequestKind.EXPERT, "Wie kent de nieuwe regelaar?", D(2026, 6, 1)),
        TODAY,
    )
    view = next_conversation(store.sessions, anna, TODAY)
    assert [r.question for r in view.requests] == ["Wie kent de nieuwe regelaar?"]
    assert view.requests[0].state() == "Wacht op antwoord"
    printed = " ".join(
        page.extract_text()
        for page in PdfReader(
            io.BytesIO(preparation_pdf(Organisation("Van Dijk", None), view, TODAY))
        ).pages
    )
    assert "Leervragen sinds het vorige gesprek" in " ".join(printed.split())
    assert "Wie kent de nieuwe regelaar?" in printed
    assert "Een leergroep" not in printed  # answered before the last conversation
    save_request(
        store.sessions, waiting, RequestKind.EXPERT, "Wie kent de nieuwe regelaar?",
        AnswerInput(RequestStatus.DECLINED, "Niemand hier; de leverancier belt", TODAY), TODAY,
    )  # fmt: skip
    (line,) = next_conversation(store.sessions, anna, TODAY).requests
    assert line.state() == "Afgewezen: Niemand hier; de leverancier belt"
