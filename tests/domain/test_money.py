import pytest

from werkleren_desktop.domain.money import format_euro, format_euro_plain, parse_euro
from werkleren_desktop.errors import ValidationError


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("750", 75000),
        ("750,00", 75000),
        ("1.250,50", 125050),
        ("€ 1.250,50", 125050),
        ("€\u00a01.250", 125000),
        ("12.50", 1250),  # a point typed as decimal sign is understood
        ("0", 0),
        ("  99,9 ", 9990),
    ],
)
def test_amounts_as_dutch_people_type_them(text: str, cents: int) -> None:
    assert parse_euro(text, language="nl") == cents


def test_english_writing_in_english() -> None:
    assert parse_euro("1,250.50", language="en") == 125050
    assert parse_euro("1.250", language="en") == 125  # a decimal point in English


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Vul een bedrag in euro’s in"),
        ("abc", "‘abc’ is geen bedrag in euro’s"),
        ("-5", "niet negatief"),
        ("12,345", "hoogstens twee decimalen"),
        ("1e400", "geen bedrag"),
        ("999999999999", "te groot"),
    ],
)
def test_bad_amounts_get_a_clear_dutch_message(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        parse_euro(text, field="budget", language="nl")
    assert caught.value.field == "budget"


def test_formatting() -> None:
    assert format_euro(125050, language="nl") == "€\u00a01.250,50"
    assert format_euro(125050, language="en") == "€1,250.50"
    assert format_euro_plain(75000, language="nl") == "750,00"
    assert parse_euro(format_euro_plain(123456, language="nl"), language="nl") == 123456
