import datetime as dt

import pytest

from werkleren_desktop.domain.groups import GroupInput, generation_of, group_mix, mixes_generations
from werkleren_desktop.errors import ValidationError

ON = dt.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("birth_year", "generation"),
    [
        (2000, "under_30"),
        (1997, "under_30"),
        (1996, "30_44"),
        (1982, "30_44"),
        (1981, "45_59"),
        (1967, "45_59"),
        (1966, "60_plus"),
        (1950, "60_plus"),
    ],
)
def test_generations_by_age_in_the_year(birth_year: int, generation: str) -> None:
    assert generation_of(birth_year, ON) == generation


def test_mix_of_a_good_group() -> None:
    mix = group_mix([2001, 1990, 1960, None], ON)
    assert mix.size == 4
    assert mix.generations == {"under_30": 1, "30_44": 1, "45_59": 0, "60_plus": 1}
    assert mix.unknown_birth_year == 1
    assert mix.size_advice is None
    assert mix.generation_warning is None


def test_advice_on_size() -> None:
    assert group_mix([2000, 1970], ON).size_advice == (
        "Een leergroep werkt het best met 3 tot 6 leden; deze heeft er 2."
    )
    assert "splitsen" in (group_mix([1990] * 7, ON).size_advice or "")


def test_warning_when_the_ages_lie_close_together() -> None:
    mix = group_mix([1998, 1999, 2003, None], ON)
    assert mix.age_span == 5 and mix.mixes is False
    assert mix.generation_warning == (
        "Het jongste en het oudste lid met een bekend geboortejaar schelen 5 jaar: de groep "
        "mengt jong en oud niet (minstens 15 jaar)."
    )
    one_known = group_mix([1998, None, None], ON)  # one known is no pattern
    assert one_known.mixes is None and one_known.generation_warning is None


@pytest.mark.parametrize(
    ("birth_years", "span", "mixes"),
    [
        # 29 and 31 fall in two bands (under 30, 30-44) but do not mix
        ([ON.year - 29, ON.year - 31], 15, False),
        ([1990, 2005], 15, True),  # exactly the span
        ([1990, 2004, None], 15, False),
        ([1961, 1975, 1980], 15, True),  # oldest and youngest, whatever lies between
        ([1990, 2005], 20, False),  # the organisation asks for more
        ([1990, None], 15, None),
        ([], 15, None),
    ],
)
def test_a_group_mixes_by_the_years_between_youngest_and_oldest(
    birth_years: list[int | None], span: int, mixes: bool | None
) -> None:
    assert mixes_generations(birth_years, span) is mixes
    assert group_mix(birth_years, ON, span).mixes is mixes


@pytest.mark.parametrize(
    ("group", "field", "message"),
    [
        (GroupInput(name=" ", starts=ON), "name", "Vul de naam van de groep in."),
        (
            GroupInput(name="A", starts=ON, ends=ON - dt.timedelta(days=1)),
            "ends",
            "De einddatum kan niet vóór de startdatum liggen.",
        ),
        (
            GroupInput(name="A", starts=ON, expert_contact="06-12345678"),
            "expert_name",
            "Vul de naam van de externe expert in, of haal de contactgegevens weg.",
        ),
    ],
)
def test_invalid_groups(group: GroupInput, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        group.validated()
    assert (caught.value.field, str(caught.value)) == (field, message)


def test_a_colleague_on_call_needs_no_outside_details() -> None:
    group = GroupInput(name="A", starts=ON, expert_id=3, expert_name="X", expert_contact="y")
    assert group.validated().expert_name == ""
    assert group.validated().expert_contact == ""
