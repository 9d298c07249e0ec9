"""The scan's characteristics, answers, results and measured indicators, without a
database."""

from __future__ import annotations

import datetime as dt

import pytest

from werkleren_desktop.domain.scans import (
    BY_KEY,
    CHARACTERISTICS,
    HELP,
    POINTERS,
    QUESTIONNAIRE,
    Answer,
    Facts,
    Period,
    Question,
    ScanInput,
    Unit,
    changed_between,
    clean_answers,
    format_difference,
    format_score,
    format_share,
    indicators,
    item_results,
    of_question,
    perspective_mean,
    pointer,
    question_mean,
)
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import set_language

TODAY = dt.date(2026, 11, 28)


def test_the_characteristics_follow_the_sources_numbering() -> None:
    numbers = {q: [c.key for c in of_question(q)] for q in Question}
    assert numbers[Question.WHY] == ["1", "2", "3", "4", "5", "6"]
    assert numbers[Question.HOW] == [str(n) for n in range(11, 21)]
    assert numbers[Question.WHAT] == [str(n) for n in range(21, 26)]
    assert numbers[Question.WHEN] == [str(n) for n in range(31, 36)]
    assert numbers[Question.ROLES] == [str(n) for n in range(41, 47)]
    assert numbers[Question.CULTURE] == [f"C{n}" for n in range(1, 11)]
    assert sum(not c.is_culture for c in CHARACTERISTICS) == 32


def test_labels_are_the_sources_in_dutch_and_translated_in_english() -> None:
    set_language("nl")
    assert BY_KEY["21"].label() == "verbeteren werksituaties"
    # version 1 scored the article's table as it stands
    assert BY_KEY["21"].low_end(1) == "organisatiegerichte competenties"
    assert BY_KEY["35"].label() == "vooral tijdens vitale weekcycli"
    assert BY_KEY["35"].low_end(1) == "nog niet aanwezig"
    assert BY_KEY["C3"].label() == "Fouten zien als leermomenten"
    set_language("en")
    assert BY_KEY["21"].label() == "improving work situations"
    assert BY_KEY["C3"].high_end() == "fully recognisable here"


def test_every_characteristic_points_to_a_part_of_the_program() -> None:
    assert set(POINTERS) == set(BY_KEY)
    assert set(POINTERS.values()) <= set(HELP)
    area, advice = pointer("35")
    assert area == "cycles"
    assert "weekcycli" in advice
    # each points where its row is served: mistakes to the log, lessons to agreements
    assert pointer("C3") == (
        "situations",
        "Leg fouten en bijna-fouten vast als werkleersituaties (vink ‘Het begon met een fout "
        "of een bijna-fout’ aan): wat ze mogelijk maakte en wat er verandert, niet wie de "
        "schuld heeft.",
    )
    assert pointer("C9")[0] == "agreements" and pointer("42")[0] == "situations"
    assert pointer("14")[0] == pointer("25")[0] == "people"  # learning requests


def test_answers_are_checked_and_empty_ones_dropped() -> None:
    cleaned = clean_answers(
        {"1": Answer(4), "2": Answer(not_applicable=True), "3": Answer(remark="  "), "4": Answer()}
    )
    assert cleaned == {"1": Answer(4), "2": Answer(not_applicable=True)}
    assert clean_answers({"1": Answer(2, remark=" te weinig tijd "), "C1": Answer(5)})["1"] == (
        Answer(2, remark="te weinig tijd")
    )


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"1": Answer(6)}, "Kenmerk 1: een score loopt van 1 tot 5."),
        ({"1": Answer(0)}, "Kenmerk 1: een score loopt van 1 tot 5."),
        ({"12": Answer(3, not_applicable=True)}, "Kenmerk 12: kies een score of"),
        ({"7": Answer(3)}, "De scan heeft geen kenmerk 7."),
        ({"1": Answer(remark="alleen een opmerking")}, "Geef minstens één kenmerk een score"),
        ({}, "Geef minstens één kenmerk een score"),
        ({"1": Answer(3, remark="x" * 1001)}, "Kenmerk 1: houd de opmerking onder 1000 tekens."),
    ],
)
def test_wrong_answers_say_what_is_wrong(answers: dict[str, Answer], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        clean_answers(answers)


def test_a_scan_needs_a_name_and_a_date_not_in_the_future() -> None:
    assert ScanInput(TODAY, "  Team   voorjaar ").validated(TODAY).title == "Team voorjaar"
    with pytest.raises(ValidationError, match="Geef de scan een naam") as error:
        ScanInput(TODAY, " ").validated(TODAY)
    assert error.value.field == "title"
    with pytest.raises(ValidationError, match="toekomst"):
        ScanInput(TODAY + dt.timedelta(days=1), "Later").validated(TODAY)


def test_results_show_average_spread_and_not_applicable() -> None:
    forms = [
        {"1": Answer(2), "2": Answer(not_applicable=True), "C1": Answer(5, remark="open")},
        {"1": Answer(4), "2": Answer(3)},
        {"1": Answer(3), "C1": Answer(4)},
    ]
    results = item_results(forms)
    assert list(results) == [c.key for c in CHARACTERISTICS]
    one = results["1"]
    assert one.mean == 3.0
    assert (one.lowest, one.highest) == (2, 4)
    assert one.deviation == pytest.approx(0.8165, abs=1e-4)
    assert one.counts() == [0, 1, 1, 1, 0]
    assert results["2"].scores == (3,) and results["2"].not_applicable == 1
    assert results["2"].deviation is None  # one score has no spread
    assert results["C1"].remarks == ("open",)
    assert results["3"].mean is None and not results["3"].is_low
    assert results["1"].is_low is False
    assert item_results([{"4": Answer(2)}])["4"].is_low


def test_group_averages_count_each_characteristic_once() -> None:
    results = item_results([{"1": Answer(1), "2": Answer(5)}, {"1": Answer(1)}])
    assert question_mean(results, Question.WHY) == 3.0  # (1 + 5) / 2, not (1 + 1 + 5) / 3
    assert question_mean(results, Question.HOW) is None
    assert perspective_mean(results) == 3.0
    assert perspective_mean(item_results([{"C1": Answer(5)}])) is None


def test_scores_and_differences_read_well_in_both_languages() -> None:
    assert format_score(3.25, "nl") == "3,2"
    assert format_score(3.26, "en") == "3.3"
    assert format_score(None, "nl") == "–"
    assert format_difference(0.6, "nl") == "+0,6"
    assert format_difference(-0.34, "nl") == "−0,3"
    assert format_difference(0.01, "nl") == "0,0"
    assert format_difference(None, "nl") == ""


def test_measured_indicators_compute_their_share() -> None:
    facts = Facts(
        situations=40,
        situations_just_in_time=30,
        situations_with_ai=10,
        situations_consulted=8,
        situations_improving=12,
        situations_innovating=4,
        situations_brought_in=30,
        situations_from_mistake=6,
        requests=10,
        learning_minutes=600,
        learning_minutes_in_working_time=450,
        situation_minutes=300,
        cycle_minutes=120,
        cycle_situation_minutes=60,
        training_minutes=180,
        groups_known=4,
        groups_mixed=3,
        people=20,
        people_with_conversation=15,
        manager_agreements_reviewed=5,
        manager_agreements_kept=4,
    )
    found = indicators(facts)
    assert list(found) == [
        "5",
        "13",
        "18",
        "20",
        "21",
        "22",
        "31",
        "32",
        "35",
        "42",
        "44",
        "46",
        "C3",
    ]
    shares = {key: i.share for key, i in found.items()}
    assert shares == {
        "5": 0.75,
        "13": 0.7,
        "18": 0.25,
        "20": 0.2,
        "21": 0.3,
        "22": 0.1,
        "31": 0.75,
        "32": 0.75,
        "35": 0.3,
        "42": 0.8,
        "44": 0.75,
        "46": 0.8,
        "C3": 0.15,
    }
    assert found["31"].unit is Unit.HOURS
    assert found["31"].counted() == "8 van 10 uur"
    many = indicators(Facts(learning_minutes=63_540, learning_minutes_in_working_time=52_390))
    assert many["31"].counted() == "873 van 1.059 uur"
    assert found["18"].counted() == "10 van 40 situaties"
    assert found["44"].counted() == "15 van 20 mensen"
    assert found["42"].counted() == "40 van 50 situaties en vragen"
    assert format_share(found["5"].share) == "75 %"
    assert all(i.how for i in found.values())
    assert not any(i.note for i in found.values())  # workplace learning leads


@pytest.mark.parametrize(
    ("situations", "cycles", "training", "warned"),
    [
        (300, 120, 180, False),
        (300, 120, 300, False),  # as large as the work situations: not the largest
        (200, 150, 467, True),  # the demo's 2025: 46.7 % formal, the largest part
        (0, 0, 60, True),
        (0, 0, 0, False),
    ],
)
def test_characteristic_13_warns_when_formal_training_is_the_largest_part(
    situations: int, cycles: int, training: int, warned: bool
) -> None:
    facts = Facts(
        learning_minutes=situations + cycles + training,
        situation_minutes=situations,
        cycle_minutes=cycles,
        training_minutes=training,
    )
    note = indicators(facts)["13"].note
    assert bool(note) == warned
    if warned:
        assert "Formeel leren is het grootste deel" in note


def test_a_period_without_data_says_no_data_never_zero() -> None:
    found = indicators(Facts())
    assert all(i.share is None for i in found.values())
    assert {i.counted() for i in found.values()} == {"geen gegevens"}
    assert format_share(found["31"].share) == "geen gegevens"
    # nothing done is a real 0 %, and shown as such
    zero = indicators(Facts(situations=5))["18"]
    assert zero.share == 0.0 and format_share(zero.share) == "0 %"


def test_periods() -> None:
    assert Period.months_before(dt.date(2026, 11, 28), 12) == Period(
        dt.date(2025, 11, 29), dt.date(2026, 11, 28)
    )
    assert Period.year(2025) == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_version_two_words_both_ends_of_a_row_about_the_same_thing() -> None:
    set_language("en")
    # version 1 had rows with one text at both ends, and 44 set two different things
    # against each other (outsourcing against a conversation every six months)
    assert BY_KEY["1"].low_end(1) == BY_KEY["1"].high_end(1)
    assert "outsourced" in BY_KEY["44"].low_end(1)
    for c in CHARACTERISTICS:
        if c.is_culture:
            continue
        low, high, goal = c.low_end(2), c.high_end(2), c.goal(2)
        assert low != high, c.key
        if goal:
            assert (low, high) == ("not reached (yet)", "fully reached")
    # the reasons to learn and the rows whose traditional side had no counterpart (or,
    # as 44, a different subject) are goals, reached or not; 32 got a traditional end
    goals = {c.key for c in CHARACTERISTICS if c.goal(2)}
    assert goals == {"1", "2", "3", "4", "5", "6", "12", "18", "35", "43", "44", "46"}
    assert BY_KEY["44"].goal(2) == (
        "Everyone has a talent-development conversation every six months."
    )
    assert BY_KEY["13"].low_end(2).startswith("formal training")
    assert BY_KEY["13"].high_end(2).startswith("learning at the workplace")
    assert BY_KEY["1"].goal() == BY_KEY["1"].goal(QUESTIONNAIRE)  # new scans use the latest


def test_changed_rows_between_versions() -> None:
    changed = changed_between(1, 2)
    assert changed == changed_between(2, 1)
    assert not changed_between(2, 2) and not changed_between(1, 1)
    # rows that already described one thing at both ends, and the culture traits, stay
    assert not changed & {"31", "33", "34"}
    assert not any(key.startswith("C") for key in changed)
    assert {"1", "2", "13", "44"} <= changed
    assert len(changed) == 29


def test_a_scan_names_a_questionnaire_version_the_program_knows() -> None:
    today = dt.date(2026, 11, 30)
    assert ScanInput(today, "Sessie").validated(today).questionnaire == QUESTIONNAIRE == 2
    assert ScanInput(today, "Sessie", questionnaire=1).validated(today).questionnaire == 1
    with pytest.raises(ValidationError) as raised:
        ScanInput(today, "Sessie", questionnaire=7).validated(today)
    assert raised.value.field == "questionnaire"


def test_mistakes_are_measured_as_logged_learning_moments() -> None:
    found = indicators(Facts(situations=40, situations_from_mistake=3))
    assert (found["C3"].part, found["C3"].whole, found["C3"].unit) == (3, 40, Unit.SITUATIONS)
    assert indicators(Facts())["C3"].share is None  # "no data", never 0 %
