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
import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory, refresh_statistics
from werkleren_desktop.db.models import (
    Attendance,
    CycleSession,
    GroupMembership,
    LearningGroup,
    Person,
    Scan,
    ScanAnswer,
    ScanResponse,
    WeekCycle,
)
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.constants import (
    AttendanceStatus,
    GroupStatus,
    LiberationDayPolicy,
)
from werkleren_desktop.domain.conversations import ConversationSchedule, add_months
from werkleren_desktop.domain.cycles import default_outline, propose_cycle
from werkleren_desktop.domain.organisation import ClosingPeriodInput, OrganisationSettings
from werkleren_desktop.domain.people import sort_key
from werkleren_desktop.domain.scans import CHARACTERISTICS
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import DEFAULT_LANGUAGE, _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.services.organisation import add_organisation, holds_data
from werkleren_desktop.storage.data_store import DataStore, open_data_folder


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
    group_themes: tuple[tuple[str, str], ...]
    expert_titles: tuple[str, ...]
    outside_expert: tuple[str, str]
    situations_per_year: int
    situation_titles: tuple[str, ...]


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
        group_themes=(
            (
                "Storingen sneller vinden",
                "Hoe vinden we de oorzaak van een storing bij de klant in één bezoek?",
            ),
            (
                "Warmtepompen",
                "Wat moeten we weten om warmtepompen goed te installeren en uit te leggen?",
            ),
            (
                "Werkvoorbereiding",
                "Hoe voorkomen we dat monteurs zonder materiaal op de bouw staan?",
            ),
            ("Veilig op hoogte", "Hoe werken we veilig op daken en steigers, ook onder tijdsdruk?"),
            ("Klant in beeld", "Hoe leggen we de klant helder uit wat we gedaan hebben?"),
            (
                "Slimme meters en AI",
                "Hoe helpt AI bij het lezen van storingscodes en handleidingen?",
            ),
        ),
        expert_titles=("Eerste monteur", "Projectleider", "Werkvoorbereider"),
        outside_expert=("Marloes de Haan (Techniek Nederland)", "m.dehaan@example.nl"),
        situations_per_year=300,
        situation_titles=(
            "Storing cv-ketel bleef terugkomen",
            "Warmtepomp maakte te veel geluid",
            "Materiaal ontbrak op de bouw",
            "Klant begreep de factuur niet",
            "Nieuwe thermostaat koppelen aan de app",
            "Lekkage na oplevering",
            "Offerte duurde te lang",
            "Veilig werken op een schuin dak",
            "Storingscode opzoeken met AI",
            "Leerling zelfstandig laten werken",
        ),
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
        group_themes=(
            ("Valpreventie", "Hoe voorkomen we dat bewoners vallen, zonder ze vast te zetten?"),
            ("Zinvolle dag", "Hoe geven we bewoners met dementie een dag die ertoe doet?"),
            ("Overdracht", "Hoe maken we de overdracht tussen diensten korter en beter?"),
            ("Medicatieveiligheid", "Waar gaat het mis bij het delen van medicijnen, en waarom?"),
            (
                "Rapporteren met AI",
                "Hoe helpt AI bij het schrijven van rapportages, en wat controleren we zelf?",
            ),
            ("Werkdruk en rooster", "Hoe houden we het rooster werkbaar voor jong en oud?"),
            ("Familie als partner", "Hoe betrekken we familie bij de zorg?"),
            ("Palliatieve zorg", "Wat hebben bewoners en naasten nodig in de laatste fase?"),
            ("Nieuwe collega's", "Hoe werken we nieuwe collega's in zonder ze te overladen?"),
            ("Eten en drinken", "Hoe krijgen bewoners genoeg te eten en te drinken?"),
        ),
        expert_titles=("Verpleegkundige", "Specialist ouderengeneeskunde", "Fysiotherapeut"),
        outside_expert=("Dr. Ilse Verhoef (Vilans)", "i.verhoef@example.nl, 030 789 12 34"),
        situations_per_year=5000,  # ten years: the 50,000 situations of the speed checks
        situation_titles=(
            "Bewoner viel 's nachts uit bed",
            "Overdracht tussen diensten liep mis",
            "Familie ontevreden over de verzorging",
            "Medicatie verkeerd klaargezet",
            "Rapportage schrijven met AI",
            "Bewoner met dementie onrustig aan tafel",
            "Nieuwe collega wist de weg niet",
            "Tillift werkte niet",
            "Bewoner at te weinig",
            "Rooster klopte niet met de zorgvraag",
        ),
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
            sort_key=sort_key(first, last),
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
    database: SessionFactory,
    size: DemoSize,
    today: dt.date | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> OrganisationSettings:
    """Fill an empty data folder with the demo organisation; refuse one that holds data."""
    if holds_data(database):
        raise UserError(_("This data folder already holds data; the demo only fills an empty one."))
    today = today or dt.date.today()
    profile = PROFILES[size]
    settings = OrganisationSettings(
        name=profile.organisation,
        liberation_day=profile.liberation_day,
        default_training_budget_cents=profile.budget_cents,
        closing_periods=_closing_periods(today, profile.history_years),
        language=language,
        # the small company talks in March and September; the care group six-monthly
        # from each person's date in service
        conversation_months=(3, 9) if size is DemoSize.SMALL else None,
    )
    rng = random.Random(f"{size}-{today.isoformat()}")
    # one transaction: a demo cut short (a crash, a kill) leaves the folder empty, never
    # an organisation without people that refuses a new demo
    with database.begin() as db:
        add_organisation(db, settings)
        people = _add_people(db, profile, today, rng)
        db.flush()
        groups = _add_groups(db, people, profile, today, rng)
        db.flush()
        _add_cycles(db, groups, settings.validated().work_calendar(), today, rng)
        db.flush()
        _add_situations(db, people, groups, profile, today, rng)
        _add_trainings(db, people, profile, today, rng)
        _add_conversations(
            db,
            people,
            settings.conversation_schedule,
            today,
            dt.date(today.year - profile.history_years, 1, 1),
            rng,
        )
        _add_scans(db, today, rng)
    refresh_statistics(database.kw["bind"])  # thousands of rows at once: tell the planner
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


def _add_people(
    db: Session, profile: DemoProfile, today: dt.date, rng: random.Random
) -> list[Person]:
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
    db.add_all(people)
    return people


def _active(person: Person, day: dt.date) -> bool:
    return person.in_service <= day and (
        person.out_of_service is None or person.out_of_service >= day
    )


def _add_groups(
    db: Session,
    people: list[Person],
    profile: DemoProfile,
    today: dt.date,
    rng: random.Random,
) -> list[LearningGroup]:
    """Groups of three to six, started over the years, mostly mixing generations."""
    groups: list[LearningGroup] = []
    themes = list(profile.group_themes)
    rng.shuffle(themes)
    history_start = dt.date(today.year - profile.history_years, 1, 1)
    groups_wanted = max(4, profile.active_people // 6)
    for number in range(groups_wanted):
        name, theme = themes[number % len(themes)]
        if number >= len(themes):
            name = f"{name} {number // len(themes) + 1}"
        # the later groups are the current ones; a few early ones are closed
        share = (number + 1) / groups_wanted
        starts = history_start + dt.timedelta(
            days=int((today - history_start).days * rng.uniform(share * 0.55, share * 0.9))
        )
        closed = number < groups_wanted // 4 and (today - starts).days > 400
        ends = starts + dt.timedelta(days=rng.randint(300, 380)) if closed else None
        candidates = [p for p in people if _active(p, starts) and p.manager is not None]
        rng.shuffle(candidates)
        young = [p for p in candidates if p.birth_year and starts.year - p.birth_year < 35]
        old = [p for p in candidates if p.birth_year and starts.year - p.birth_year >= 45]
        others = [p for p in candidates if p not in young and p not in old]
        size = rng.choice((3, 4, 4, 5, 5, 6, 7)) if number % 7 else 2  # now and then off
        chosen: list[Person] = []
        for pool in (young, old, others, young, old, others, candidates):
            for person in pool:
                if len(chosen) < size and person not in chosen:
                    chosen.append(person)
                    break
        expert: Person | None = None
        if number % 3 == 0:
            experienced = [
                p for p in candidates if p not in chosen and p.job_title in profile.expert_titles
            ]
            expert = experienced[0] if experienced else None
        group = LearningGroup(
            name=name,
            theme=theme,
            starts=starts,
            ends=ends,
            status=GroupStatus.CLOSED if closed else GroupStatus.ACTIVE,
            expert=expert,
            expert_name="" if expert or number % 3 != 1 else profile.outside_expert[0],
            expert_contact="" if expert or number % 3 != 1 else profile.outside_expert[1],
        )
        db.add(group)
        groups.append(group)
        for person in chosen:
            joined = starts + dt.timedelta(days=rng.choice((0, 0, 0, 14, 30)))
            left_on = ends
            if person.out_of_service is not None and (
                left_on is None or person.out_of_service < left_on
            ):
                left_on = max(joined, person.out_of_service)
            group.memberships.append(GroupMembership(person=person, joined=joined, left_on=left_on))
    return groups


ROOMS = ("Leerlokaal", "Kantine", "Vergaderruimte De Kas", "Tuinkamer")
SLOTS = (dt.time(15, 0), dt.time(8, 30), dt.time(12, 30))


def _add_cycles(
    db: Session,
    groups: list[LearningGroup],
    calendar: WorkCalendar,
    today: dt.date,
    rng: random.Random,
) -> None:
    """Cycles every six weeks or so through each group's life, and a few ahead of today;
    the past ones with attendance and check-ins that slowly rise."""
    outline = default_outline()
    horizon = today + dt.timedelta(weeks=10)
    for index, group in enumerate(groups):
        room = ROOMS[index % len(ROOMS)]
        slot = SLOTS[(index // len(ROOMS)) % len(SLOTS)]
        last = min(group.ends or horizon, horizon)
        wanted = group.starts + dt.timedelta(days=rng.randint(7, 21))
        number = 0
        while wanted <= last:
            proposal = propose_cycle(calendar, wanted)
            if not proposal.days or proposal.days[-1] > last:
                break
            cycle = WeekCycle(group=group)
            for day_number, (day, theme) in enumerate(
                zip(proposal.days, outline, strict=True), start=1
            ):
                item = CycleSession(
                    day_number=day_number,
                    starts_at=dt.datetime.combine(day, slot),
                    duration_minutes=60,
                    location=room,
                    theme=theme,
                    uid=uuid.UUID(int=rng.getrandbits(128)).hex,
                    cancelled=rng.random() < 0.02,
                    sequence=0,
                )
                cycle.sessions.append(item)
                if day < today and not item.cancelled:
                    _attend(item, group, day, number, rng)
            db.add(cycle)
            number += 1
            wanted = proposal.days[0] + dt.timedelta(weeks=rng.choice((5, 6, 6, 7, 8)))


def _attend(
    item: CycleSession, group: LearningGroup, day: dt.date, number: int, rng: random.Random
) -> None:
    growth = min(1.0, number / 8)  # energy and meaning rise as a group finds its way
    for membership in group.memberships:
        if membership.joined > day or (membership.left_on and membership.left_on < day):
            continue
        roll = rng.random()
        if roll < 0.85:
            status = AttendanceStatus.PRESENT
        elif roll < 0.93:
            status = AttendanceStatus.EXCUSED
        else:
            status = AttendanceStatus.ABSENT
        present = status is AttendanceStatus.PRESENT
        item.attendance.append(
            Attendance(
                person=membership.person,
                status=status,
                energy=_score(rng, 3.0 + growth) if present else None,
                meaning=_score(rng, 3.2 + growth) if present else None,
                note="",
            )
        )


def _score(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.8))))


OUTCOMES = (
    "De oorzaak gevonden en de werkwijze aangepast.",
    "Een eerste verbetering uitgeprobeerd; volgende keer meten we het effect.",
    "Nog geen oplossing; een collega met ervaring gevraagd mee te kijken.",
    "Afspraak gemaakt met het team om dit voortaan anders te doen.",
)
AI_TOOLS = ("ChatGPT", "Copilot", "Le Chat")
# answers to some of the program's own guiding questions (by their place in the list),
# where people write most about a situation
ANSWERS: dict[int, tuple[str, ...]] = {
    1: (
        "Dezelfde klacht kwam binnen een week twee keer terug; dat wilden we begrijpen.",
        "Een nieuwe collega liep vast in de overdracht aan het begin van de dienst.",
        "Het materiaal was er niet op tijd, waardoor de planning van de dag omviel.",
    ),
    4: (
        "Waarom het alleen 's ochtends misgaat; een ervaren collega heeft dit eerder gezien.",
        "Hoe de nieuwe regeling precies werkt; de leverancier kan het uitleggen.",
        "Welke stap in de overdracht wordt overgeslagen; meekijken in een vroege dienst.",
    ),
    6: (
        "Eerst een korte checklist bij de overdracht, een week lang, en dan samen kijken.",
        "De volgorde van de stappen omdraaien en het met de klant testen.",
        "Een vaste collega als aanspreekpunt; na twee weken bekijken of het rustiger is.",
    ),
    8: (
        "Energie gaf het samen puzzelen met een jonge collega; dat het twee keer mis moest "
        "gaan kostte energie.",
        "De waardering van de klant gaf energie; het zoeken naar papieren kostte energie.",
    ),
    9: (
        "Voortaan bellen we de klant na afloop terug; het team wint minder herhaalbezoeken.",
        "We bespreken dit in de volgende weekcyclus, zodat het hele team ervan leert.",
    ),
}
LOGGED_AFTER = (0, 0, 1, 0, 2, 1, 5, 9)  # days between a situation and its logging
NOON = dt.time(12, 0)


def _add_situations(
    db: Session,
    people: list[Person],
    groups: list[LearningGroup],
    profile: DemoProfile,
    today: dt.date,
    rng: random.Random,
) -> None:
    """Situations of every kind across the years, written in bulk: the large demo has
    fifty thousand of them."""
    from sqlalchemy import delete, insert, select

    from werkleren_desktop.db.models import (
        GuidingQuestion,
        LearningSituation,
        SituationAnswer,
        SituationConsultation,
        SituationPerson,
    )
    from werkleren_desktop.domain.constants import SituationKind, SituationStatus
    from werkleren_desktop.domain.situations import (
        DEFAULT_QUESTIONS,
        SEARCHED_COLUMNS,
        default_questions,
        search_text,
    )

    first = dt.date(today.year - profile.history_years, 1, 1)
    days = (today - first).days
    count = profile.situations_per_year * profile.history_years
    kinds = list(SituationKind)
    situations: list[dict[str, object]] = []
    links: list[dict[str, int]] = []
    consulted: list[dict[str, object]] = []
    for number in range(1, count + 1):
        day = first + dt.timedelta(days=rng.randint(0, days - 1))
        who = _people_on(people, day, rng.choice((1, 1, 1, 2, 3)), rng)
        group = rng.choice(groups) if groups and rng.random() < 0.4 else None
        ai = rng.random() < 0.35
        age = (today - day).days
        status = (
            SituationStatus.DONE
            if age > 60
            else rng.choice(
                (SituationStatus.OPEN, SituationStatus.IN_PROGRESS, SituationStatus.DONE)
            )
        )
        situations.append(
            {
                "id": number,
                "occurred_on": day,
                "title": rng.choice(profile.situation_titles),
                "description": "Wat er gebeurde, in een paar zinnen vastgelegd op het moment zelf.",
                "kind": rng.choice(kinds),
                "group_id": group.id if group else None,
                "cycle_id": None,
                "tried": "",
                "outcome": rng.choice(OUTCOMES),
                "next_step": "",
                "status": status,
                "ai_used": ai,
                "ai_tool": rng.choice(AI_TOOLS) if ai else "",
                "ai_contribution": "Mogelijke oorzaken op een rij gezet." if ai else "",
                "ai_checked": "Twee suggesties klopten niet voor onze situatie." if ai else "",
                "minutes": rng.choice((15, 20, 30, 45, 60, 90)),
                "in_working_time": rng.random() < 0.9,
                # most are logged the same day or the next; some a week later
                "created_at": min(
                    dt.datetime.combine(day + dt.timedelta(days=LOGGED_AFTER[number % 8]), NOON),
                    dt.datetime.combine(today, NOON),
                ),
            }
        )
        links.extend({"situation_id": number, "person_id": p.id} for p in who)
        if rng.random() < 0.3:  # a colleague or an outside expert was asked
            helper = _people_on(people, day, 1, rng)
            if helper and helper[0] not in who and rng.random() < 0.75:
                consulted.append(
                    {"situation_id": number, "person_id": helper[0].id, "outside_name": ""}
                )
            else:
                consulted.append(
                    {
                        "situation_id": number,
                        "person_id": None,
                        "outside_name": profile.outside_expert[0],
                    }
                )
    # the program's own questions (a window opened on the empty folder may have added them)
    questions = list(db.scalars(select(GuidingQuestion).order_by(GuidingQuestion.position)))
    if len(questions) < len(DEFAULT_QUESTIONS):
        db.execute(delete(GuidingQuestion))
        questions = [
            GuidingQuestion(position=i, text=text, retired=False)
            for i, text in enumerate(default_questions(), start=1)
        ]
        db.add_all(questions)
        db.flush()
    answers: list[dict[str, object]] = []
    for situation in situations:
        written: list[str] = []
        if rng.random() < 0.7:  # most say more than the form's first fields
            for position, pool in ANSWERS.items():
                if rng.random() < 0.6:
                    question = questions[position - 1]
                    written.append(rng.choice(pool))
                    answers.append(
                        {
                            "situation_id": situation["id"],
                            "question_id": question.id,
                            "question_text": question.text,
                            "answer": written[-1],
                            "position": len(written),
                        }
                    )
        situation["search_text"] = search_text(
            [*(str(situation[c]) for c in SEARCHED_COLUMNS), *written]
        )
    db.execute(insert(LearningSituation), situations)
    if answers:
        db.execute(insert(SituationAnswer), answers)
    db.execute(insert(SituationPerson), links)
    db.execute(insert(SituationConsultation), consulted)


def _people_on(people: list[Person], day: dt.date, wanted: int, rng: random.Random) -> list[Person]:
    """A few people in service on ``day``, drawn at random (fast enough for 50,000 draws)."""
    chosen: list[Person] = []
    for _attempt in range(wanted * 20):
        person = rng.choice(people)
        active = person.in_service <= day and (
            person.out_of_service is None or person.out_of_service >= day
        )
        if active and person not in chosen:
            chosen.append(person)
            if len(chosen) == wanted:
                break
    return chosen


CONVERSATION_NOTES = {
    "went_well": (
        "Storingen sneller gevonden door de nieuwe werkwijze.",
        "Goed samengewerkt met de nieuwe collega en hem wegwijs gemaakt.",
        "Klanten zijn tevreden over de uitleg achteraf.",
    ),
    "talents": (
        "Rustig blijven als het druk is; uitleggen aan anderen geeft energie.",
        "Puzzelen op lastige problemen; papierwerk kost energie.",
        "Goed in plannen en overzicht houden.",
    ),
    "learning_wishes": (
        "Meer leren over warmtepompen en de nieuwe regelgeving.",
        "Leren coachen van leerlingen op de werkvloer.",
        "Beter worden in lastige gesprekken met klanten.",
    ),
    "needs": (
        "Tijd om in de leergroep mee te doen, ook in drukke weken.",
        "Feedback na een klus, niet alleen als het misgaat.",
        "Een collega om mee te sparren over nieuwe technieken.",
    ),
    "observations": (
        "Neemt initiatief en deelt wat hij of zij leert met het team.",
        "Werkt nauwkeurig; mag vaker om hulp vragen.",
        "Groeit zichtbaar in het contact met klanten.",
    ),
    "organisation_needs": (
        "Meer kennis van duurzame installaties in het team.",
        "Iemand die nieuwe collega's begeleidt.",
        "Vaker leren van wat er misgaat, in de leergroep.",
    ),
    "manager_offers": (
        "Ruimte in de planning voor de weekcycli.",
        "Budget voor een cursus naar keuze.",
        "Een maandelijks kort gesprek over de voortgang.",
    ),
}
AGREEMENTS = (
    "Een werkleersituatie per maand vastleggen en in de leergroep bespreken",
    "Een nieuwe collega begeleiden bij de eerste klussen",
    "Het VCA-diploma vernieuwen",
    "Tijd vrijmaken in de planning voor de leergroep",
    "Feedback geven na elke grote klus",
    "Een cursus kiezen en aanvragen",
    "Samen met een collega een werkinstructie verbeteren",
)
REVIEW_NOTES = {
    "partly": ("Kwam er in de drukke maanden niet altijd aan toe.", "Half gedaan; loopt door."),
    "not_done": ("Door ziekte in het team geen tijd gehad.", "Andere prioriteit gekregen."),
}


def _add_conversations(
    db: Session,
    people: list[Person],
    schedule: ConversationSchedule,
    today: dt.date,
    history_start: dt.date,
    rng: random.Random,
) -> None:
    """Two conversations a year per person, held and signed in the past, this half year
    partly held, planned or overdue; agreements come back at the next one."""
    from sqlalchemy import insert

    from werkleren_desktop.db.models import Agreement, ConversationSection, TalentConversation
    from werkleren_desktop.domain.constants import AgreementOwner, AgreementStatus, SignMark
    from werkleren_desktop.domain.conversations import half_year

    conversations: list[dict[str, object]] = []
    sections: list[dict[str, object]] = []
    agreements: list[dict[str, object]] = []
    current_half = half_year(today)[0]
    for person in people:
        if person.manager is None:
            continue
        open_agreements: list[dict[str, object]] = []
        half = half_year(max(history_start, person.in_service))[0]
        while half <= current_half:
            due = schedule.due_in(half, person.in_service)
            next_half = dt.date(half.year + (half.month == 7), 7 if half.month == 1 else 1, 1)
            if due is None:
                half = next_half
                continue
            day = due - dt.timedelta(days=rng.randint(0, 25))
            current = half == current_half
            held = (day < today and rng.random() < (0.6 if current else 0.85)) and _active(
                person, day
            )
            ahead = today + dt.timedelta(days=rng.randint(3, 30))
            planned_ahead = current and not held and rng.random() < 0.4 and _active(person, ahead)
            if not held and not planned_ahead:
                half = next_half
                continue
            number = len(conversations) + 1
            when = day if held else ahead
            signed = held and (today - day).days > 14
            manager_name = person.manager.full_name
            conversations.append(
                {
                    "id": number,
                    "person_id": person.id,
                    "manager_id": person.manager.id,
                    "planned_on": when,
                    "starts_at": rng.choice((dt.time(9, 0), dt.time(10, 30), dt.time(14, 0))),
                    "place": "Kantoor",
                    "held_on": when if held else None,
                    "professional_signed_name": person.full_name if signed else None,
                    "professional_signed_on": when + dt.timedelta(days=2) if signed else None,
                    "professional_mark": rng.choice(list(SignMark)) if signed else None,
                    "manager_signed_name": manager_name if signed else None,
                    "manager_signed_on": when + dt.timedelta(days=1) if signed else None,
                    "manager_mark": SignMark.AGREED if signed else None,
                }
            )
            for key, texts in CONVERSATION_NOTES.items():
                sections.append(
                    {
                        "conversation_id": number,
                        "key": key,
                        "preparation": rng.choice(texts) if rng.random() < 0.7 else "",
                        "notes": rng.choice(texts) if held else "",
                    }
                )
            if held:
                for agreement in open_agreements:
                    status = rng.choices(
                        (AgreementStatus.DONE, AgreementStatus.PARTLY, AgreementStatus.NOT_DONE),
                        (60, 25, 15),
                    )[0]
                    agreement["status"] = status
                    agreement["reviewed_in_id"] = number
                    notes = REVIEW_NOTES.get(status.value, ("",))
                    agreement["review_note"] = rng.choice(notes)
                open_agreements = []
                for position in range(1, rng.randint(1, 2) + 1):
                    agreement = {
                        "id": len(agreements) + 1,
                        "conversation_id": number,
                        "position": position,
                        "what": rng.choice(AGREEMENTS),
                        "owner": rng.choice(list(AgreementOwner)),
                        "due_on": when + dt.timedelta(days=rng.choice((60, 90, 120, 150))),
                        "status": AgreementStatus.OPEN,
                        "review_note": "",
                        "reviewed_in_id": None,
                    }
                    agreements.append(agreement)
                    open_agreements.append(agreement)
            half = next_half
    db.execute(insert(TalentConversation), conversations)
    db.execute(insert(ConversationSection), sections)
    db.execute(insert(Agreement), agreements)


# (title, provider, form, hours, euros, required, certificate, years valid)
TRAININGS = (
    ("BHV herhaling", "Veiligheidscentrum Oost", "course", 8, 165, True, "BHV", 1),
    ("VCA basis", "Opleidingshuis Techniek", "certification", 16, 325, True, "VCA", 10),
    ("EHBO", "Het Oranje Kruis-instructeur", "course", 12, 140, True, "EHBO", 2),
    ("Omgaan met agressie", "Trainingsbureau De Brug", "workshop", 6, 395, False, "", 0),
    ("Coachen op de werkvloer", "Academie Werkplekleren", "course", 24, 1150, False, "", 0),
    ("Excel voor planners", "Online Academie", "elearning", 10, 89, False, "", 0),
    ("Vakdag van de branche", "Brancheorganisatie", "conference", 7, 120, False, "", 0),
    ("Klantgericht werken", "Trainingsbureau De Brug", "course", 20, 875, False, "", 0),
)


def _add_trainings(
    db: Session,
    people: list[Person],
    profile: DemoProfile,
    today: dt.date,
    rng: random.Random,
) -> None:
    """Formal training across the years: required courses with certificates that come
    back, voluntary ones, now and then a cancellation, and a few budget overrides."""
    from sqlalchemy import insert

    from werkleren_desktop.db.models import Training, TrainingBudget
    from werkleren_desktop.domain.constants import TrainingStatus

    rows: list[dict[str, object]] = []
    for year in range(today.year - profile.history_years, today.year + 1):
        for person in people:
            if not (_active(person, dt.date(year, 1, 1)) or _active(person, dt.date(year, 12, 1))):
                continue
            for _number in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
                title, provider, form, hours, euros, required, certificate, valid = rng.choice(
                    TRAININGS
                )
                start = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
                if not _active(person, start):
                    continue
                length = 0 if hours <= 8 else rng.choice((0, 1, 7, 14))
                status = (
                    TrainingStatus.PLANNED
                    if start > today
                    else TrainingStatus.CANCELLED
                    if rng.random() < 0.05
                    else TrainingStatus.DONE
                )
                rows.append(
                    {
                        "person_id": person.id,
                        "title": title,
                        "provider": provider,
                        "form": form,
                        "starts_on": start,
                        "ends_on": start + dt.timedelta(days=length),
                        "minutes": hours * 60,
                        "cost_cents": euros * 100,
                        "required": required,
                        "in_working_time": required or rng.random() < 0.7,
                        "status": status,
                        "certificate": certificate,
                        "certificate_expires_on": (
                            start.replace(year=start.year + valid) if certificate else None
                        ),
                        "study_cost_agreement": not required and euros > 1000,
                        "notes": "",
                    }
                )
    if rows:
        db.execute(insert(Training), rows)
    overrides = [
        {"person_id": p.id, "year": today.year, "amount_cents": rng.choice((50000, 150000))}
        for p in rng.sample(people, k=max(1, len(people) // 12))
        if _active(p, today)
    ]
    if overrides:
        db.execute(insert(TrainingBudget), overrides)


# (months ago, name, forms, how far along: 0 existing … 1 sustainable)
SCANS = (
    (14, "Teamsessie na de kick-off", 6, 0.25),
    (8, "Teamsessie voorjaar", 7, 0.4),
    (2, "Teamsessie najaar", 7, 0.55),
)
SCAN_REMARKS = (
    "We leren nog vooral als er een cursus is.",
    "De weekcycli geven energie, maar niet iedereen kan erbij zijn.",
    "AI gebruiken we nog weinig, vooral uit onzekerheid.",
    "Afspraken van de leidinggevende schieten er soms bij in.",
    "Fijn dat jong en oud samen leren.",
)


def _add_scans(db: Session, today: dt.date, rng: random.Random) -> None:
    """Three team sessions a few months apart that move towards the sustainable
    perspective, unevenly: some characteristics stay behind."""
    lagging = {"18", "32", "44", "46", "C3"}
    for months_ago, title, forms, progress in SCANS:
        held_on = add_months(today, -months_ago)
        scan = Scan(held_on=held_on, title=title, note="Ingevuld in de kantine, anoniem.")
        db.add(scan)
        for number in range(1, forms + 1):
            answers = []
            for c in CHARACTERISTICS:
                if rng.random() < 0.05:
                    answers.append(ScanAnswer(item=c.key, not_applicable=True))
                    continue
                centre = 1 + 4 * (progress * (0.5 if c.key in lagging else 1.0))
                score = max(1, min(5, round(rng.gauss(centre, 0.8))))
                remark = rng.choice(SCAN_REMARKS) if rng.random() < 0.03 else ""
                answers.append(ScanAnswer(item=c.key, score=score, remark=remark))
            db.add(ScanResponse(scan=scan, number=number, answers=answers))
