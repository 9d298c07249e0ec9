import datetime as dt

import pytest

from tests.conftest import TODAY
from werkleren_desktop.db.models import SituationKind
from werkleren_desktop.domain.pseudonymise import Pseudonymiser
from werkleren_desktop.domain.situations import (
    SituationInput,
    ai_prompt,
    anonymise,
    default_questions,
    parse_minutes,
)
from werkleren_desktop.errors import ValidationError

ROLES = {
    "Łukasz Wójcik": "Monteur A",
    "Zoë van den Berg-IJzerman": "Directeur A",
    "Şükrü Yılmaz": "Monteur B",
}


def situation(**changes: object) -> SituationInput:
    base: dict[str, object] = {
        "occurred_on": TODAY,
        "title": "Storing bij klant",
        "kind": SituationKind.IMPROVE,
        "person_ids": (1,),
    }
    return SituationInput(**{**base, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"person_ids": ()}, "people", "Kies wie van deze situatie heeft geleerd."),
        ({"title": "  "}, "title", "Geef de situatie een korte titel."),
        (
            {"occurred_on": TODAY + dt.timedelta(days=1)},
            "occurred_on",
            "Een situatie wordt vastgelegd als hij is gebeurd; de datum ligt in de toekomst.",
        ),
        ({"minutes": -5}, "minutes", "Bestede tijd kan niet negatief zijn."),
        (
            {"minutes": 2000},
            "minutes",
            "Dat is meer dan 16 uur aan één situatie; controleer de minuten.",
        ),
    ],
)
def test_invalid_situations(changes, field, message) -> None:
    with pytest.raises(ValidationError) as caught:
        situation(**changes).validated(TODAY)
    assert (caught.value.field, str(caught.value)) == (field, message)


def test_ai_details_are_dropped_when_no_ai_was_used() -> None:
    tidy = situation(ai_used=False, ai_tool="ChatGPT").validated(TODAY)
    assert tidy.ai_tool == ""


def test_minutes_text() -> None:
    assert parse_minutes(" 45 ") == 45 and parse_minutes("") is None
    with pytest.raises(ValidationError, match="geen aantal minuten"):
        parse_minutes("een uur")


def test_ten_questions_of_our_own_in_dutch() -> None:
    questions = default_questions()
    assert len(questions) == 10 and questions[0].startswith("Wat gebeurde er")
    # the article's themes: work environment, productivity, society; feedback both ways;
    # well-being
    together = " ".join(questions)
    for theme in (
        "werkomgeving",
        "productiviteit",
        "maatschappelijk",
        "feedback gaf en kreeg",
        "van je leidinggevende",
        "balans tussen je werk en de rest van je leven",
    ):
        assert theme in together, theme


def test_names_become_roles() -> None:
    text = (
        "Łukasz had de storing, zoë van den berg-ijzerman belde. Wójcik en Şükrü "
        "vonden samen de oorzaak; Lukasz zonder streepjes blijft."
    )
    assert anonymise(text, ROLES) == (
        "Monteur A had de storing, Directeur A belde. Monteur A en Monteur B vonden samen de "
        "oorzaak; Lukasz zonder streepjes blijft."
    )


def test_the_ai_prompt_contains_no_name() -> None:
    prompt = ai_prompt(
        situation(
            description="Łukasz Wójcik kreeg de ketel niet aan de praat.",
            tried="Şükrü belde de leverancier.",
            outcome="Zoë besloot tot vervanging.",
        ),
        "Hoe vinden we de oorzaak sneller?",
        "",
        Pseudonymiser(ROLES),
    ).text
    for name in ("Łukasz", "Wójcik", "Şükrü", "Yılmaz", "Zoë", "Berg"):
        assert name not in prompt
    assert "Monteur A kreeg de ketel niet aan de praat." in prompt
    assert "Hoe vinden we de oorzaak sneller?" in prompt
    assert "een werksituatie verbeteren" in prompt


def test_the_question_set_is_tidied_and_keeps_one_in_use() -> None:
    from werkleren_desktop.domain.situations import QuestionRow, clean_questions

    rows = clean_questions([QuestionRow(1, "  Wat   gebeurde er? "), QuestionRow(2, "Oud", True)])
    assert rows == [QuestionRow(1, "Wat gebeurde er?"), QuestionRow(2, "Oud", True)]
    with pytest.raises(ValidationError, match="minstens één"):
        clean_questions([QuestionRow(1, "Wat gebeurde er?", True)])
    with pytest.raises(ValidationError, match="500"):
        clean_questions([QuestionRow(None, "x" * 501)])
