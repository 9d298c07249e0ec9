import datetime as dt

import pytest

from werkleren_desktop.domain.organisation import ClosingPeriodInput, OrganisationSettings
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.services.organisation import (
    create_organisation,
    has_organisation,
    holds_data,
    load_settings,
    save_settings,
)
from werkleren_desktop.storage.data_store import DataStore


def test_a_new_data_folder_holds_nothing(store: DataStore) -> None:
    assert not has_organisation(store.sessions)
    assert not holds_data(store.sessions)
    assert load_settings(store.sessions) is None


def test_settings_round_trip(store: DataStore) -> None:
    create_organisation(store.sessions, OrganisationSettings(name=" Zorgboerderij  De Linde "))
    stored = load_settings(store.sessions)
    assert stored is not None and stored.name == "Zorgboerderij De Linde"

    changed = OrganisationSettings(
        name="Zorgboerderij De Linde",
        logo_png=b"\x89PNG fake",
        working_days=frozenset({2, 3, 4, 5, 6}),
        closed_holidays=frozenset({"christmas_day", "new_year"}),
        default_training_budget_cents=1_250_50,
        language="en",
        closing_periods=(
            ClosingPeriodInput(dt.date(2026, 12, 28), dt.date(2026, 12, 31), "Kerstsluiting"),
        ),
    )
    assert save_settings(store.sessions, changed) == changed
    assert load_settings(store.sessions) == changed


def test_a_second_organisation_is_refused(store: DataStore) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Eerste"))
    with pytest.raises(UserError, match="bevat al een organisatie"):
        create_organisation(store.sessions, OrganisationSettings(name="Tweede"))
    settings = load_settings(store.sessions)
    assert settings is not None and settings.name == "Eerste"


def test_invalid_settings_change_nothing(store: DataStore) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Eerste"))
    with pytest.raises(ValidationError):
        save_settings(store.sessions, OrganisationSettings(name="", language="en"))
    settings = load_settings(store.sessions)
    assert settings is not None and (settings.name, settings.language) == ("Eerste", "nl")


def test_settings_cannot_be_saved_before_there_is_an_organisation(store: DataStore) -> None:
    with pytest.raises(UserError, match="nog geen organisatie"):
        save_settings(store.sessions, OrganisationSettings(name="A"))


def test_settings_and_guiding_questions_are_stored_together_or_not_at_all(
    store: DataStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from werkleren_desktop.domain.situations import QuestionRow
    from werkleren_desktop.services import situations
    from werkleren_desktop.services.organisation import load_settings, save_settings

    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    settings = load_settings(store.sessions)
    assert settings is not None

    def failing(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(situations, "store_questions", failing)
    with pytest.raises(OSError):
        save_settings(
            store.sessions, replace(settings, name="Bakkerij Nieuw"), [QuestionRow(None, "Wat?")]
        )
    stored = load_settings(store.sessions)
    assert stored is not None and stored.name == "Bakkerij"
