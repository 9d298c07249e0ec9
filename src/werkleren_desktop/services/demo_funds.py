"""The demo's part of who pays for learning: the shipped funds and schemes, presence
marked on the days of the courses since last year began, claims on the sector's fund (one
of last year, claimed and granted; one of a course three weeks ago, still to send), and
an apprentice with their workplace trainer, weeks of guidance and progress talks since
the study year began."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from werkleren_desktop.db.models import (
    Apprenticeship,
    Fund,
    FundClaim,
    FundClaimTraining,
    GuidanceEntry,
    Person,
    Training,
    TrainingAttendance,
)
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.constants import GuidanceKind, TrainingForm, TrainingStatus
from werkleren_desktop.domain.funds import SHIPPED, study_year_days, study_year_of
from werkleren_desktop.services.funds import fund_record
from werkleren_desktop.services.training_attendance import course_days

ABSENT = 0.08  # the share of a course's days a participant missed

GUIDANCE = (
    "Samen een storing gezocht en uitgelegd hoe je de oorzaak uitsluit.",
    "Meegekeken bij het aansluiten; daarna zelf het tweede deel gedaan.",
    "Werkbon doorgenomen: wat je vastlegt en waarom de klant dat leest.",
    "Veilig werken op de ladder en in de kruipruimte voorgedaan en geoefend.",
    "Een klantgesprek voorbereid en daarna nabesproken.",
    "Het schoolwerk van deze week aan een klus van vandaag gekoppeld.",
)
TALKS = (
    "Voortgangsgesprek: tempo en zelfstandigheid groeien; volgende stap is zelf inregelen.",
    "Voortgangsgesprek met school erbij: op schema; meer oefenen met rapporteren.",
    "Voortgangsgesprek: sterk in het contact met klanten; let op de planning van materiaal.",
)
PROGRAMMES = {
    True: ("ROC Midden Nederland", "Eerste monteur installatietechniek (bbl, niveau 3)"),
    False: ("ROC Zorgcollege", "Verzorgende IG (bbl, niveau 3)"),
}


def add_funds_and_apprentice(
    db: Session,
    people: list[Person],
    calendar: WorkCalendar,
    technical: bool,
    today: dt.date,
    rng: random.Random,
) -> None:
    funds = {rule.name: fund_record(Fund(), rule) for rule in SHIPPED}
    db.add_all(funds.values())
    db.flush()
    recent = _add_group_course(db, people, calendar, technical, today)
    courses = _mark_recent_courses(db, calendar, today, rng)
    _add_claims(db, funds["OTIB" if technical else "Sectorplanplus"], courses, today)
    if recent is not None:
        _claim_recent(db, funds["OTIB" if technical else "Sectorplanplus"], recent, calendar)
    _add_apprentice(db, people, calendar, technical, today, rng)


Course = tuple[str, str, dt.date, dt.date]  # title, provider, first and last day


def _mark_recent_courses(
    db: Session, calendar: WorkCalendar, today: dt.date, rng: random.Random
) -> dict[Course, list[tuple[int, int, int]]]:
    """Presence on each day of the courses since last year began (followed, so ended);
    those courses with their participants' (training, minutes, cost)."""
    rows = db.execute(
        select(Training.id, Training.title, Training.provider, Training.starts_on,
               Training.ends_on, Training.minutes, Training.cost_cents)
        .where(
            Training.status == TrainingStatus.DONE,
            Training.ends_on <= today,
            Training.starts_on >= dt.date(today.year - 1, 1, 1),
        )
        .order_by(Training.id)
    ).all()  # fmt: skip
    courses: dict[Course, list[tuple[int, int, int]]] = defaultdict(list)
    marks = []
    for tid, title, provider, first, last, minutes, cost in rows:
        courses[(title, provider, first, last)].append((tid, minutes, cost))
        for day in course_days(calendar, first, last):
            present = rng.random() >= ABSENT
            marks.append(TrainingAttendance(training_id=tid, day=day, present=present))
    db.add_all(marks)
    return courses


GROUP_COURSES = {
    True: ("Warmtepompen installeren en inregelen", "Installatiewerk Opleidingen", 14, 450),
    False: ("Omgaan met onbegrepen gedrag", "Zorgacademie Midden", 12, 380),
}


def _add_group_course(
    db: Session,
    people: list[Person],
    calendar: WorkCalendar,
    technical: bool,
    today: dt.date,
) -> list[int] | None:
    """A two-day course three weeks ago that four colleagues of one team followed
    together, as a fund pays for; their trainings' ids."""
    active = [
        p for p in people
        if p.in_service <= today - dt.timedelta(days=60)
        and (p.out_of_service is None or p.out_of_service > today)
    ]  # fmt: skip
    teams: dict[int | None, list[Person]] = defaultdict(list)
    for p in active:
        teams[p.manager_id].append(p)
    team = max(teams.values(), key=len, default=[])
    if len(team) < 4:
        return None
    first = calendar.nearest_working_day(today - dt.timedelta(days=24), -1)
    last = calendar.nearest_working_day(first + dt.timedelta(days=1), 1)
    title, provider, hours, euros = GROUP_COURSES[technical]
    trainings = [
        Training(person_id=p.id, title=title, provider=provider, form=TrainingForm.COURSE,
                 starts_on=first, ends_on=last, minutes=hours * 60, cost_cents=euros * 100,
                 required=False, in_working_time=True, status=TrainingStatus.DONE,
                 certificate="", study_cost_agreement=False, notes="")
        for p in sorted(team, key=lambda p: p.id)[:4]
    ]  # fmt: skip
    db.add_all(trainings)
    db.flush()
    return [t.id for t in trainings]


def _claim_recent(db: Session, fund: Fund, trainings: list[int], calendar: WorkCalendar) -> None:
    """The recent course claimed for the participants present on both days (one missed
    the second: 50%, below what the funds ask), still to send."""
    one = db.get(Training, trainings[0])
    assert one is not None
    days = course_days(calendar, one.starts_on, one.ends_on)
    db.execute(
        update(TrainingAttendance)
        .where(TrainingAttendance.training_id.in_(trainings))
        .values(present=True)
    )
    db.execute(
        update(TrainingAttendance)
        .where(TrainingAttendance.training_id == trainings[-1], TrainingAttendance.day == days[-1])
        .values(present=False)
    )
    claim = FundClaim(
        fund_id=fund.id,
        amount_cents=one.cost_cents * (len(trainings) - 1),
        trainer_signed_on=one.ends_on + dt.timedelta(days=3),
        note="Presentielijsten liggen in de map Opleidingen.",
    )
    _with_trainings(db, claim, [(t, 0, 0) for t in trainings[:-1]])


def _add_claims(
    db: Session,
    fund: Fund,
    courses: dict[Course, list[tuple[int, int, int]]],
    today: dt.date,
) -> None:
    """Of last year's courses of six hours or more with two or more participants, the
    largest claimed in February and granted."""
    long_enough = {k: v for k, v in courses.items() if v[0][1] >= 6 * 60 and len(v) >= 2}
    last_year = [k for k in long_enough if k[2].year == today.year - 1]
    if last_year:
        course = max(last_year, key=lambda k: (len(long_enough[k]), k[3]))
        cost = sum(c for _t, _m, c in long_enough[course])
        claim = FundClaim(
            fund_id=fund.id,
            reference=f"{fund.name}-{course[2].year}-{len(long_enough[course]):03d}",
            claimed_on=dt.date(today.year, 2, 12),
            amount_cents=cost,
            granted_cents=cost * 9 // 10,
            trainer_signed_on=course[3] + dt.timedelta(days=2),
            manager_signed_on=course[3] + dt.timedelta(days=9),
            note="Toegekend na controle van de presentielijsten.",
        )
        _with_trainings(db, claim, long_enough[course])


def _with_trainings(db: Session, claim: FundClaim, trainings: list[tuple[int, int, int]]) -> None:
    db.add(claim)
    db.flush()
    db.add_all(FundClaimTraining(claim_id=claim.id, training_id=t) for t, _m, _c in trainings)


def _add_apprentice(
    db: Session,
    people: list[Person],
    calendar: WorkCalendar,
    technical: bool,
    today: dt.date,
    rng: random.Random,
) -> None:
    """The youngest colleague in service (not a manager) is an apprentice since the
    study year began (or since they came), guided by the longest-serving colleague of
    their team; guidance most weeks, a progress talk every ten weeks, initialled but the
    latest two entries (to initial by hand)."""

    def active(p: Person) -> bool:
        return p.in_service <= today and (p.out_of_service is None or p.out_of_service > today)

    managers = {p.manager_id for p in people}
    young = [p for p in people if active(p) and p.id not in managers and p.birth_year]
    if not young:
        return
    apprentice = max(young, key=lambda p: (p.birth_year or 0, p.id))
    team = [
        p for p in people
        if active(p) and p.id != apprentice.id and p.manager_id == apprentice.manager_id
    ]  # fmt: skip
    if not team:
        return
    trainer = min(team, key=lambda p: (p.in_service, p.id))
    first_day, _last = study_year_days(study_year_of(today))
    starts = max(calendar.nearest_working_day(first_day + dt.timedelta(days=30), 1),
                 apprentice.in_service)  # fmt: skip
    school, programme = PROGRAMMES[technical]
    db.add(Apprenticeship(person_id=apprentice.id, trainer_id=trainer.id, school=school,
                          programme=programme, starts_on=starts))  # fmt: skip
    db.flush()
    initials = (trainer.first_name[:1] + trainer.last_name.split()[-1][:1]).upper()
    entries: list[GuidanceEntry] = []
    monday = starts - dt.timedelta(days=starts.weekday())
    week = 0
    while monday + dt.timedelta(days=1) <= today:
        day = calendar.nearest_working_day(monday + dt.timedelta(days=1), 1)
        if starts <= day <= today and rng.random() < 0.85:
            entries.append(
                GuidanceEntry(
                    person_id=apprentice.id,
                    held_on=day,
                    kind=GuidanceKind.GUIDANCE,
                    minutes=rng.choice((60, 90, 120)),
                    summary=rng.choice(GUIDANCE),
                    initials=initials,
                )
            )
        if week and week % 10 == 0 and starts <= day <= today:
            entries.append(
                GuidanceEntry(
                    person_id=apprentice.id,
                    held_on=day,
                    kind=GuidanceKind.PROGRESS,
                    minutes=0,
                    summary=TALKS[(week // 10 - 1) % len(TALKS)],
                    initials=initials,
                )
            )
        monday += dt.timedelta(days=7)
        week += 1
    for entry in entries[-2:]:
        entry.initials = ""
    db.add_all(entries)
