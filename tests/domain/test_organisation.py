import datetime as dt
import io

import pytest
from PIL import Image

from werkleren_desktop.domain.organisation import (
    ClosingPeriodInput,
    OrganisationSettings,
    prepare_logo,
)
from werkleren_desktop.errors import ValidationError

D = dt.date


def image_bytes(fmt: str, size: tuple[int, int] = (120, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (15, 94, 99)).save(out, format=fmt)
    return out.getvalue()


def test_valid_settings_are_tidied() -> None:
    settings = OrganisationSettings(
        name="  Bakkerij   De Korenschoof ",
        closing_periods=(
            ClosingPeriodInput(D(2026, 12, 28), D(2026, 12, 31), " Kerst  sluiting "),
            ClosingPeriodInput(D(2026, 6, 19), D(2026, 6, 19), "Bedrijfsuitje"),
        ),
    ).validated()
    assert settings.name == "Bakkerij De Korenschoof"
    assert [p.first_day for p in settings.closing_periods] == [D(2026, 6, 19), D(2026, 12, 28)]
    assert settings.closing_periods[1].description == "Kerst sluiting"


@pytest.mark.parametrize(
    ("settings", "field", "message"),
    [
        (OrganisationSettings(name="   "), "name", "Vul de naam van de organisatie in."),
        (
            OrganisationSettings(name="x" * 201),
            "name",
            "De naam is te lang (hoogstens 200 tekens).",
        ),
        (
            OrganisationSettings(name="A", working_days=frozenset()),
            "working_days",
            "Kies minstens één werkdag.",
        ),
        (
            OrganisationSettings(name="A", working_days=frozenset({0})),
            "working_days",
            "Onbekende werkdag.",
        ),
        (
            OrganisationSettings(name="A", closed_holidays=frozenset({"sinterklaas"})),
            "closed_holidays",
            "Onbekende feestdag.",
        ),
        (
            OrganisationSettings(name="A", default_training_budget_cents=-1),
            "budget",
            "Een bedrag kan niet negatief zijn.",
        ),
        (OrganisationSettings(name="A", language="de"), "language", "Kies Nederlands of English."),
        (
            OrganisationSettings(
                name="A", closing_periods=(ClosingPeriodInput(D(2026, 6, 20), D(2026, 6, 19)),)
            ),
            "closing_periods",
            "De laatste sluitingsdag kan niet vóór de eerste liggen.",
        ),
        (
            OrganisationSettings(
                name="A", closing_periods=(ClosingPeriodInput(D(2026, 1, 1), D(2027, 1, 1)),)
            ),
            "closing_periods",
            "Een sluitingsperiode duurt hoogstens een jaar.",
        ),
    ],
)
def test_invalid_settings_name_the_field_and_say_why(
    settings: OrganisationSettings, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        settings.validated()
    assert caught.value.field == field
    assert str(caught.value) == message


def test_calendar_follows_the_settings() -> None:
    settings = OrganisationSettings(
        name="A",
        working_days=frozenset({1, 2, 3, 4}),
        closing_periods=(ClosingPeriodInput(D(2026, 6, 15), D(2026, 6, 15), "Uitje"),),
    )
    calendar = settings.work_calendar()
    assert not calendar.is_working_day(D(2026, 6, 19))  # a Friday
    assert calendar.closure_reason(D(2026, 6, 15)) == "Uitje"


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF"])
def test_logo_becomes_a_png(fmt: str) -> None:
    png = prepare_logo(image_bytes(fmt))
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (120, 60)


def test_a_huge_logo_is_scaled_down_keeping_its_shape() -> None:
    with Image.open(io.BytesIO(prepare_logo(image_bytes("PNG", (4000, 1000))))) as image:
        assert image.size == (800, 200)


def test_a_file_that_is_no_image_is_refused() -> None:
    with pytest.raises(ValidationError, match="geen afbeelding") as caught:
        prepare_logo(b"%PDF-1.7 this is not an image")
    assert caught.value.field == "logo"


def test_a_logo_file_that_is_too_large_is_refused() -> None:
    with pytest.raises(ValidationError, match="te groot"):
        prepare_logo(b"\x89PNG" + b"\0" * (6 * 1024 * 1024))
