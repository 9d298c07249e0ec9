import datetime as dt

import pytest

from tests.conftest import TODAY
from werkleren_desktop.domain.people import (
    PersonInput,
    check_manager_chain,
    format_hours,
    parse_birth_year,
    parse_hours,
)
from werkleren_desktop.errors import ValidationError

D = dt.date


def person(**changes: object) -> PersonInput:
    base = {"first_name": "Zoë", "last_name": "van den Berg-IJzerman", "in_service": D(2020, 1, 1)}
    return PersonInput(**{**base, **changes})  # type: ignore[arg-type]


def test_names_in_any_script_are_kept_and_tidied() -> None:
    for first, last in [("Łukasz", "Wójcik"), ("Şükrü", "Yılmaz"), (" Zoë ", " van den  Berg ")]:
        result = person(first_name=first, last_name=last).validated(TODAY)
        assert result.first_name == " ".join(first.split())
        assert result.last_name == " ".join(last.split())


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"first_name": "  "}, "first_name", "Vul de voornaam in."),
        ({"last_name": ""}, "last_name", "Vul de achternaam in."),
        ({"email": "zoe@"}, "email", "‘zoe@’ is geen e-mailadres."),
        (
            {"out_of_service": D(2019, 12, 31)},
            "out_of_service",
            "De datum uit dienst kan niet vóór de datum in dienst liggen.",
        ),
        ({"birth_year": 1850}, "birth_year", "Een geboortejaar ligt tussen 1920 en 2013."),
        ({"birth_year": 2020}, "birth_year", "Een geboortejaar ligt tussen 1920 en 2013."),
        ({"contract_minutes": 0}, "contract_hours", "Contracturen liggen tussen 0 en 80 per week."),
        (
            {"last_conversation_on": TODAY + dt.timedelta(days=1)},
            "last_conversation_on",
            "Een laatste gesprek ligt niet in de toekomst; plan het gesprek in.",
        ),
        (
            {"last_conversation_on": D(2019, 12, 31)},
            "last_conversation_on",
            "Het laatste gesprek kan niet vóór de datum in dienst liggen.",
        ),
        (
            {"out_of_service": D(2024, 6, 30), "last_conversation_on": D(2024, 7, 1)},
            "last_conversation_on",
            "Het laatste gesprek kan niet na de datum uit dienst liggen.",
        ),
    ],
)
def test_invalid_people_are_refused_with_a_reason(changes, field, message) -> None:
    with pytest.raises(ValidationError) as caught:
        person(**changes).validated(TODAY)
    assert (caught.value.field, str(caught.value)) == (field, message)


def test_a_manager_chain_can_never_loop() -> None:
    managers = {1: None, 2: 1, 3: 2, 4: 3}  # 1 manages 2 manages 3 manages 4
    names = {1: "Anouk", 2: "Bram", 3: "Chantal", 4: "Dirk"}
    check_manager_chain(4, 2, managers, names)  # moving Dirk under Bram is fine
    check_manager_chain(None, 4, managers, names)  # a new person under anyone is fine
    with pytest.raises(ValidationError, match="niet zijn eigen leidinggevende"):
        check_manager_chain(2, 2, managers, names)
    with pytest.raises(ValidationError) as caught:
        check_manager_chain(1, 4, managers, names)  # Anouk under Dirk: a loop
    assert caught.value.field == "manager"
    assert "Dirk kan niet de leidinggevende van Anouk zijn" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "minutes"), [("32", 1920), ("32,5", 1950), ("36.25", 2175), ("", None)]
)
def test_hours(text: str, minutes: int | None) -> None:
    assert parse_hours(text) == minutes
    if minutes:
        assert parse_hours(format_hours(minutes)) == minutes


@pytest.mark.parametrize("text", ["veel", "-4", "81", "0", "nan"])
def test_bad_hours(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_hours(text)


def test_birth_year_text() -> None:
    assert parse_birth_year(" 1987 ") == 1987
    assert parse_birth_year("") is None
    with pytest.raises(ValidationError, match="geen jaar"):
        parse_birth_year("87")


@pytest.mark.parametrize(
    ("text", "words", "found"),
    [
        ("Vragen aan Şükrü, hij weet het.", ["sukru"], ["Şükrü"]),
        ("De Straße in Özdemir's straat", ["strasse", "ozdemir"], ["Straße", "Özdemir"]),
        ("Łukasz en LUKAS", ["lukas"], ["Łukas", "LUKAS"]),
        ("checklist", ["check", "klist"], ["checklist"]),  # overlapping: one mark
        ("niets", ["xyz"], []),
    ],
)
def test_found_words_are_marked_in_the_text_as_written(text, words, found) -> None:
    from werkleren_desktop.domain.people import found_spans

    assert [text[start:end] for start, end in found_spans(text, words)] == found
