"""When conversations are due, and what a conversation record accepts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import TODAY
from werkleren_desktop.db.models import AgreementOwner
from werkleren_desktop.domain.conversations import (
    AgreementInput,
    ConversationPlan,
    ConversationSchedule,
    DueStatus,
    RecordInput,
    Signature,
    add_months,
    clean_reason,
    due_status,
    half_year,
)
from werkleren_desktop.errors import ValidationError

D = dt.date


def test_half_years_and_months() -> None:
    assert half_year(D(2026, 6, 30)) == (D(2026, 1, 1), D(2026, 6, 30))
    assert half_year(D(2026, 7, 1)) == (D(2026, 7, 1), D(2026, 12, 31))
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)


def test_fixed_months_are_due_at_the_end_of_the_month() -> None:
    schedule = ConversationSchedule((9, 3)).validated()
    assert schedule.months == (3, 9)
    assert schedule.due_in(D(2026, 7, 1), D(2015, 5, 1)) == D(2026, 9, 30)
    assert schedule.due_in(D(2026, 1, 1), D(2015, 5, 1)) == D(2026, 3, 31)
    # came into service after September began: the first one is in March
    assert schedule.due_in(D(2026, 7, 1), D(2026, 10, 1)) is None
    with pytest.raises(ValidationError, match="elke helft"):
        ConversationSchedule((3, 5)).validated()


def test_six_monthly_from_the_date_in_service() -> None:
    schedule = ConversationSchedule()
    assert schedule.due_in(D(2026, 7, 1), D(2019, 2, 14)) == D(2026, 8, 14)
    assert schedule.due_in(D(2026, 1, 1), D(2019, 2, 14)) == D(2026, 2, 14)
    assert schedule.due_in(D(2026, 7, 1), D(2026, 3, 1)) == D(2026, 9, 1)  # six months in
    assert schedule.due_in(D(2026, 7, 1), D(2026, 8, 1)) is None  # too new


def test_where_someone_stands() -> None:
    assert due_status(D(2026, 9, 30), TODAY, False, None) is DueStatus.OVERDUE
    assert due_status(D(2026, 12, 31), TODAY, False, None) is DueStatus.DUE
    assert due_status(D(2026, 9, 30), TODAY, False, D(2026, 12, 3)) is DueStatus.PLANNED
    assert due_status(D(2026, 9, 30), TODAY, True, None) is DueStatus.DONE
    assert due_status(None, TODAY, False, None) is DueStatus.NOT_DUE


def test_what_a_record_accepts() -> None:
    with pytest.raises(ValidationError, match="toekomst"):
        RecordInput(TODAY + dt.timedelta(days=1), {}).validated(TODAY)
    with pytest.raises(ValidationError, match="wat er is afgesproken"):
        RecordInput(TODAY, {}, (AgreementInput("  "),)).validated(TODAY)
    with pytest.raises(ValidationError, match="vóór het gesprek"):
        RecordInput(TODAY, {}, (AgreementInput("VCA halen", due_on=D(2026, 1, 1)),)).validated(
            TODAY
        )
    record = RecordInput(
        TODAY, {"went_well": " Goed \n"}, (AgreementInput("VCA", AgreementOwner.BOTH),)
    ).validated(TODAY)
    assert record.notes["went_well"] == "Goed" and record.notes["talents"] == ""
    with pytest.raises(ValidationError, match="plaats"):
        ConversationPlan(TODAY, place="x" * 201).validated(D(2020, 1, 1), None)
    with pytest.raises(ValidationError, match="in dienst"):
        ConversationPlan(D(2019, 1, 1)).validated(D(2020, 1, 1), None)


def test_signing_and_correcting_need_the_facts() -> None:
    with pytest.raises(ValidationError, match="gehouden"):
        Signature("Anna", TODAY).validated(None, TODAY)
    with pytest.raises(ValidationError, match="naam"):
        Signature(" ", TODAY).validated(TODAY, TODAY)
    with pytest.raises(ValidationError, match="toekomst"):
        Signature("Anna", TODAY + dt.timedelta(days=1)).validated(TODAY, TODAY)
    assert Signature(" Anna  de Wit ", TODAY).validated(TODAY, TODAY).name == "Anna de Wit"
    with pytest.raises(ValidationError, match="reden"):
        clean_reason("  ")
