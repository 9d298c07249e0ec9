"""A plausible demo organisation, so that a new user can explore before entering data.

``small``: an installation company of about 25 people with two years of history.
``large``: a care group of 250 people with ten years of history, for speed
measurements. Both are deterministic: the same size and date give the same data.
"""

from __future__ import annotations

import datetime as dt
import enum
import random
import unicodedata
from dataclasses import dataclass

from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import LiberationDayPolicy, Person
from werkleren_desktop.domain.organisation import ClosingPeriodInput, OrganisationSettings
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import DEFAULT_LANGUAGE, _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.data_store import DataStore, open_data_folder
from werkleren_desktop.services.organisation import create_organisation, holds_data


class DemoSize(enum.StrEnum):
    SMALL = "small"
    LARGE = "large"


@dataclass(frozen=True)
class DemoProfile:
    organisation: str
    domain: str
    active_people: int
    history_years: int
    yearly_turnover: float
    department_heads: int
    teams: int
    budget_cents: int
    liberation_day: LiberationDayPolicy
    job_titles: tuple[str, ...]
    lead_title: str
    head_title: str
    director_title: str


PROFILES: dict[DemoSize, DemoProfile] = {
    DemoSize.SMALL: DemoProfile(
        organisation="Installatiebedrijf Van Dijk & Zn.",
        domain="vandijk-installatie.nl",
        active_people=25,
        history_years=2,
        yearly_turnover=0.10,
        department_heads=0,
        teams=3,
        budget_cents=750_00,
        liberation_day=LiberationDayPolicy.LUSTRUM,
        job_titles=(
            "Monteur",
            "Monteur",
            "Servicemonteur",
            "Eerste monteur",
            "Leerling-monteur",
            "Werkvoorbereider",
            "Calculator",
            "Planner",
            "Administratief medewerker",
            "Projectleider",
        ),
        lead_title="Teamleider",
        head_title="Hoofd uitvoering",
        director_title="Directeur-eigenaar",
    ),
    DemoSize.LARGE: DemoProfile(
        organisation="Zorggroep De Linde",
        domain="zorggroepdelinde.nl",
        active_people=250,
        history_years=10,
        yearly_turnover=0.12,
        department_heads=4,
        teams=20,
        budget_cents=900_00,
        liberation_day=LiberationDayPolicy.EVERY_YEAR,
        job_titles=(
            "Verzorgende IG",
            "Verzorgende IG",
            "Verpleegkundige",
            "Helpende",
            "Helpende",
            "Activiteitenbegeleider",
            "Facilitair medewerker",
            "Planner",
            "Kok",
            "Medewerker huishouding",
            "Fysiotherapeut",
            "Specialist ouderengeneeskunde",
            "Secretaresse",
            "Medewerker salarisadministratie",
            "Leerling-verpleegkundige",
        ),
        lead_title="Teamleider",
        head_title="Manager zorg",
        director_title="Bestuurder",
    ),
}

# The first names are placed first on purpose: every screen and form must handle them.
FEATURED = (
    ("Zoë", "van den Berg-IJzerman"),
    ("Łukasz", "Wójcik"),
    ("Şükrü", "Yılmaz"),
    ("IJsbrand", "de Vries"),
)
FIRST_NAMES = (
    "Anouk",
    "Daan",
    "Fatima",
    "Mohamed",
    "Sanne",
    "Bram",
    "Thijs",
    "Lotte",
    "Femke",
    "Jeroen",
    "Priya",
    "Wiktoria",
    "Mehmet",
    "Eline",
    "Noor",
    "Sem",
    "Ayşe",
    "Kees",
    "Henk",
    "Ria",
    "Joke",
    "Ingrid",
    "Gerrit",
    "Sophie",
    "Lars",
    "Emma",
    "Julia",
    "Milan",
    "Tess",
    "Ruben",
    "Iris",
    "Youssef",
    "Esra",
    "Marieke",
    "Wim",
    "Annelies",
    "Bart",
    "Chantal",
    "Dirk",
    "Fenna",
    "Gijs",
    "Hanneke",
    "Jasper",
    "Kübra",
    "Liam",
    "Maud",
    "Niels",
    "Olga",
    "Pieter",
    "Rosa",
    "Stijn",
    "Tamara",
    "Ugo",
    "Vera",
    "Willemijn",
    "Xander",
    "Yara",
    "Zeynep",
    "Aleksandra",
    "Björn",
    "Céline",
    "Dewi",
    "Jörg",
    "Małgorzata",
    "Nguyễn",
    "Renée",
    "Siebe",
    "Tjitske",
    "Wouter",
    "Hüseyin",
    "Ilse",
    "Koen",
    "Linda",
    "Marco",
)
LAST_NAMES = (
    "Jansen",
    "de Jong",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "El Amrani",
    "Öztürk",
    "Nowak",
    "Kowalski",
    "Pinas",
    "Koster",
    "Prins",
    "Huisman",
    "Kramer",
    "van Dam",
    "Kuipers",
    "Veenstra",
    "Kok",
    "Schouten",
    "van Wijk",
    "Postma",
    "Çelik",
    "Boukhari",
    "Lewandowska",
    "Tran",
    "Willems",
    "Hoekstra",
    "Sánchez",
    "IJzendoorn",
    "'t Hart",
    "van 't Veer",
    "Groen",
    "Wolters",
    "Zijlstra",
)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ł", "l"))
    letters = "".join(c for c in folded if c.isascii() and (c.isalnum() or c in " -"))
    return letters.lower().replace(" ", "").replace("-", "")


def _email(first: str, last: str, domain: str, taken: set[str]) -> str:
    base = f"{_ascii(first)}.{_ascii(last)}"
    address, n = f"{base}@{domain}", 2
    while address in taken:
        address, n = f"{base}{n}@{domain}", n + 1
    taken.add(address)
    return address


class _Hiring:
    """Hands out names and makes people, remembering who is already there."""

    def __init__(self, rng: random.Random, profile: DemoProfile, today: dt.date) -> None:
        self.rng = rng
        self.profile = profile
        self.today = today
        self.emails: set[str] = set()
        self.featured = list(FEATURED)

    def person(
        self, in_service: dt.date, job_title: str, manager: Person | None, min_age: int = 18
    ) -> Person:
        rng = self.rng
        if self.featured:
            first, last = self.featured.pop(0)
        else:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        age_at_hire = min(66, max(min_age, int(rng.triangular(17, 62, 30))))
        birth_year = in_service.year - age_at_hire
        hours = rng.choice((40, 38, 36, 32, 32, 28, 24, 20, 16)) if manager else 40
        return Person(
            first_name=first,
            last_name=last,
            email=_email(first, last, self.profile.domain, self.emails)
            if rng.random() > 0.08
            else None,
            job_title=job_title,
            manager=manager,
            in_service=in_service,
            birth_year=birth_year if rng.random() > 0.1 else None,
            contract_minutes=hours * 60,
            notes="",
        )


def _random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _closing_periods(today: dt.date, years: int) -> tuple[ClosingPeriodInput, ...]:
    periods: list[ClosingPeriodInput] = []
    for year in range(today.year - years, today.year + 2):
        # the week between Christmas and New Year, and a company day out in June
        periods.append(
            ClosingPeriodInput(dt.date(year, 12, 27), dt.date(year, 12, 31), "Kerstsluiting")
        )
        outing = dt.date(year, 6, 14)
        while outing.isoweekday() != 5:
            outing += dt.timedelta(days=1)
        periods.append(ClosingPeriodInput(outing, outing, "Bedrijfsuitje"))
    return tuple(periods)


def generate_demo(
    sessions: SessionFactory,
    size: DemoSize,
    today: dt.date | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> OrganisationSettings:
    """Fill an empty data folder with the demo organisation; refuse one that holds data."""
    if holds_data(sessions):
        raise UserError(_("This data folder already holds data; the demo only fills an empty one."))
    today = today or dt.date.today()
    profile = PROFILES[size]
    settings = OrganisationSettings(
        name=profile.organisation,
        liberation_day=profile.liberation_day,
        default_training_budget_cents=profile.budget_cents,
        closing_periods=_closing_periods(today, profile.history_years),
        language=language,
    )
    create_organisation(sessions, settings)
    with sessions.begin() as session:
        _add_people(session, profile, today, random.Random(f"{size}-{today.isoformat()}"))
    return settings


def open_demo_store(paths: DataPaths, language: str = DEFAULT_LANGUAGE) -> DataStore:
    """Open the demo folder beside the user's data, making the small demo on first use."""
    store = open_data_folder(paths)
    try:
        if not holds_data(store.sessions):
            generate_demo(store.sessions, DemoSize.SMALL, language=language)
    except BaseException:
        store.close()
        raise
    return store


def _add_people(session: Session, profile: DemoProfile, today: dt.date, rng: random.Random) -> None:
    hiring = _Hiring(rng, profile, today)
    history_start = dt.date(today.year - profile.history_years, 1, 1)
    founded = dt.date(history_start.year - 15, 1, 1)

    director = hiring.person(founded, profile.director_title, None, min_age=30)
    director.manager = None
    heads = [
        hiring.person(_random_day(rng, founded, history_start), profile.head_title, director, 30)
        for _i in range(profile.department_heads)
    ] or [director]
    leads = [
        hiring.person(
            _random_day(rng, founded, history_start), profile.lead_title, heads[i % len(heads)], 28
        )
        for i in range(profile.teams)
    ]
    people = [director, *heads[: profile.department_heads], *leads]
    members_wanted = profile.active_people - len(people)

    # Staff at the start of the history, then leavers and their replacements year by year.
    staff = [
        hiring.person(
            _random_day(rng, founded, history_start),
            rng.choice(profile.job_titles),
            rng.choice(leads),
        )
        for _i in range(members_wanted)
    ]
    people.extend(staff)
    current = list(staff)
    for year in range(history_start.year, today.year + 1):
        year_end = min(dt.date(year, 12, 31), today - dt.timedelta(days=1))
        leavers = max(1, round(len(current) * profile.yearly_turnover))
        for leaver in rng.sample(current, k=min(leavers, len(current))):
            earliest = max(leaver.in_service, dt.date(year, 1, 1))
            if earliest > year_end:
                continue
            leaver.out_of_service = _random_day(rng, earliest, year_end)
            current.remove(leaver)
            start = leaver.out_of_service + dt.timedelta(days=rng.randint(14, 75))
            newcomer = hiring.person(start, leaver.job_title, leaver.manager)
            people.append(newcomer)
            current.append(newcomer)
    session.add_all(people)
