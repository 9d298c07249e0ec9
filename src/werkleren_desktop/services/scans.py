"""Use cases of the scans: keep dated scans and their anonymous forms, compute the
results next to the previous scan, and measure from the program's own data what it
can measure (see domain/scans.py)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import (
    Agreement,
    Attendance,
    CycleSession,
    GroupMembership,
    LearningGroup,
    LearningRequest,
    LearningSituation,
    Organisation,
    Person,
    Scan,
    ScanAnswer,
    ScanResponse,
    SituationConsultation,
    SituationPerson,
    TalentConversation,
    Training,
)
from werkleren_desktop.db.portable import days_between
from werkleren_desktop.domain.constants import (
    AgreementOwner,
    AgreementStatus,
    AttendanceStatus,
    SituationKind,
    TrainingStatus,
)
from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.groups import mixes_generations
from werkleren_desktop.domain.scans import (
    CONVERSATION_MONTHS,
    JUST_IN_TIME_DAYS,
    QUESTIONNAIRE,
    Answer,
    Facts,
    ItemResult,
    Period,
    ScanInput,
    changed_between,
    clean_answers,
    item_results,
    perspective_mean,
)
from werkleren_desktop.errors import UserError, ValidationError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.groups import wanted_span
from werkleren_desktop.services.undo import Deleted, delete_keeping


@dataclass(frozen=True)
class ScanRow:
    id: int
    held_on: dt.date
    title: str
    note: str
    responses: int
    mean: float | None  # over the learning perspective's characteristics
    questionnaire: int = QUESTIONNAIRE  # the version its forms were filled in with


@dataclass(frozen=True)
class ScanResult:
    scan: ScanRow
    response_ids: tuple[int, ...]  # in the order of their numbers
    response_numbers: tuple[int, ...]
    items: dict[str, ItemResult]
    previous: ScanRow | None
    previous_items: dict[str, ItemResult] | None
    organisation: str
    logo_png: bytes | None

    @property
    def changed(self) -> frozenset[str]:
        """The characteristics worded differently in the previous scan's questionnaire:
        their change is marked, to be read with care."""
        if self.previous is None:
            return frozenset()
        return changed_between(self.scan.questionnaire, self.previous.questionnaire)


def _responses(db: Session, scan_ids: list[int]) -> dict[int, list[dict[str, Answer]]]:
    """Every scan's forms, as answers by characteristic, in the order of their numbers."""
    forms: dict[int, dict[int, dict[str, Answer]]] = defaultdict(dict)
    rows = db.execute(
        select(
            ScanResponse.scan_id,
            ScanResponse.number,
            ScanAnswer.item,
            ScanAnswer.score,
            ScanAnswer.not_applicable,
            ScanAnswer.remark,
        )
        .join(ScanAnswer, ScanAnswer.response_id == ScanResponse.id, isouter=True)
        .where(ScanResponse.scan_id.in_(scan_ids))
        .order_by(ScanResponse.scan_id, ScanResponse.number)
    )
    for scan_id, number, item, score, not_applicable, remark in rows:
        answers = forms[scan_id].setdefault(number, {})
        if item is not None:
            answers[item] = Answer(score, bool(not_applicable), remark)
    return {scan_id: [forms[scan_id][n] for n in sorted(forms[scan_id])] for scan_id in forms}


def _row(scan: Scan, forms: list[dict[str, Answer]]) -> ScanRow:
    return ScanRow(
        scan.id,
        scan.held_on,
        scan.title,
        scan.note,
        len(forms),
        perspective_mean(item_results(forms)) if forms else None,
        scan.questionnaire,
    )


def list_scans(database: SessionFactory) -> list[ScanRow]:
    """Every scan, newest first, with its number of forms and its overall average."""
    with database() as db:
        scans = list(db.scalars(select(Scan).order_by(Scan.held_on.desc(), Scan.id.desc())))
        forms = _responses(db, [s.id for s in scans])
        return [_row(s, forms.get(s.id, [])) for s in scans]


def _get(db: Session, scan_id: int) -> Scan:
    scan = db.get(Scan, scan_id)
    if scan is None:
        raise UserError(_("This scan no longer exists."))
    return scan


def save_scan(
    database: SessionFactory, data: ScanInput, today: dt.date, scan_id: int | None = None
) -> int:
    """A new scan, or a change of a scan's date, name, note or questionnaire version
    (only while it holds no forms: they were filled in with the version it has);
    returns its id."""
    data = data.validated(today)
    with database.begin() as db:
        scan = Scan() if scan_id is None else _get(db, scan_id)
        if scan_id is not None and scan.questionnaire != data.questionnaire and scan.responses:
            raise ValidationError(
                _(
                    "The forms of this scan were filled in with questionnaire version {n}: "
                    "the version can only change while the scan holds no forms."
                ).format(n=scan.questionnaire),
                "questionnaire",
            )
        scan.held_on, scan.title, scan.note = data.held_on, data.title, data.note
        scan.questionnaire = data.questionnaire
        db.add(scan)
        db.flush()
        return scan.id


def get_scan(database: SessionFactory, scan_id: int) -> ScanInput:
    with database() as db:
        scan = _get(db, scan_id)
        return ScanInput(scan.held_on, scan.title, scan.note, scan.questionnaire)


def delete_scan(database: SessionFactory, scan_id: int) -> Deleted:
    """Delete a scan with its forms; what it returns puts them back (services.undo)."""
    with database.begin() as db:
        scan = _get(db, scan_id)
        return delete_keeping(db, scan, _("Scan “{title}”").format(title=scan.title))


def save_response(
    database: SessionFactory,
    scan_id: int,
    answers: dict[str, Answer],
    response_id: int | None = None,
) -> int:
    """A respondent's form: a new one gets the next number; a change replaces the
    answers. Returns the form's id."""
    cleaned = clean_answers(answers)
    with database.begin() as db:
        scan = _get(db, scan_id)
        if response_id is None:
            number = max((r.number for r in scan.responses), default=0) + 1
            response = ScanResponse(scan=scan, number=number)
            db.add(response)
        else:
            found = db.get(ScanResponse, response_id)
            if found is None or found.scan_id != scan_id:
                raise UserError(_("This form no longer exists."))
            response = found
            response.answers.clear()  # the old answers go before the new ones arrive
            db.flush()
        response.answers = [
            ScanAnswer(item=key, score=a.score, not_applicable=a.not_applicable, remark=a.remark)
            for key, a in cleaned.items()
        ]
        db.flush()
        return response.id


def get_response(database: SessionFactory, response_id: int) -> dict[str, Answer]:
    with database() as db:
        response = db.get(ScanResponse, response_id)
        if response is None:
            raise UserError(_("This form no longer exists."))
        return {a.item: Answer(a.score, a.not_applicable, a.remark) for a in response.answers}


def delete_response(database: SessionFactory, response_id: int) -> Deleted:
    """Remove one form; the others keep their numbers, so remarks stay traceable."""
    with database.begin() as db:
        response = db.get(ScanResponse, response_id)
        if response is None:
            raise UserError(_("This form no longer exists."))
        return delete_keeping(db, response, _("Form {n}").format(n=response.number))


def scan_result(database: SessionFactory, scan_id: int) -> ScanResult:
    """A scan's results per characteristic, with the scan before it (by date) to
    compare with."""
    with database() as db:
        scan = db.scalars(
            select(Scan).options(selectinload(Scan.responses)).where(Scan.id == scan_id)
        ).one_or_none()
        if scan is None:
            raise UserError(_("This scan no longer exists."))
        previous = db.scalars(
            select(Scan)
            .where(
                (Scan.held_on < scan.held_on)
                | and_(Scan.held_on == scan.held_on, Scan.id < scan.id)
            )
            .order_by(Scan.held_on.desc(), Scan.id.desc())
            .limit(1)
        ).one_or_none()
        ids = [scan.id] + ([previous.id] if previous else [])
        forms = _responses(db, ids)
        organisation = db.scalars(select(Organisation)).first()
        mine = forms.get(scan.id, [])
        theirs = forms.get(previous.id, []) if previous else []
        return ScanResult(
            _row(scan, mine),
            tuple(r.id for r in scan.responses),
            tuple(r.number for r in scan.responses),
            item_results(mine),
            _row(previous, theirs) if previous else None,
            item_results(theirs) if previous else None,
            organisation.name if organisation else "",
            organisation.logo_png if organisation else None,
        )


# --- Measured from the program's data -------------------------------------------------


def _situation_facts(db: Session, period: Period) -> dict[str, int]:
    s = LearningSituation
    logged_after = days_between(s.occurred_on, s.created_at)
    in_period = s.occurred_on.between(period.first, period.last)
    row = db.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((logged_after <= JUST_IN_TIME_DAYS, 1), else_=0)), 0),
            func.coalesce(func.sum(case((s.ai_used, 1), else_=0)), 0),
            func.coalesce(func.sum(case((s.kind == SituationKind.IMPROVE, 1), else_=0)), 0),
            func.coalesce(func.sum(case((s.kind == SituationKind.INNOVATE, 1), else_=0)), 0),
            func.coalesce(func.sum(case((s.brought_in_by.is_not(None), 1), else_=0)), 0),
            func.coalesce(func.sum(case((s.from_mistake, 1), else_=0)), 0),
        ).where(in_period)
    ).one()
    # learning hours are person-hours, as in the yearly overview: a situation two people
    # learned from counts its time twice, as two people's training or attendance would
    hours = db.execute(
        select(
            func.coalesce(func.sum(s.minutes), 0),
            func.coalesce(func.sum(case((s.in_working_time, s.minutes), else_=0)), 0),
            func.coalesce(func.sum(case((s.cycle_id.is_not(None), s.minutes), else_=0)), 0),
        )
        .select_from(SituationPerson)
        .join(s, s.id == SituationPerson.situation_id)
        .where(in_period)
    ).one()
    requests = db.scalar(
        select(func.count())
        .select_from(LearningRequest)
        .where(LearningRequest.asked_on.between(period.first, period.last))
    )
    consulted = db.scalar(
        select(func.count(func.distinct(SituationConsultation.situation_id)))
        .join(s, s.id == SituationConsultation.situation_id)
        .where(in_period)
    )
    return {
        "situations": row[0],
        "situations_just_in_time": row[1],
        "situations_with_ai": row[2],
        "situations_improving": row[3],
        "situations_innovating": row[4],
        "situations_consulted": consulted or 0,
        "situations_brought_in": row[5],
        "situations_from_mistake": row[6],
        "requests": requests or 0,
        "minutes": hours[0],
        "minutes_working": hours[1],
        "minutes_in_cycles": hours[2],
    }


def _other_learning_minutes(db: Session, period: Period) -> tuple[int, int, int]:
    """Formal training (all minutes, those in working time) and attended week-cycle
    sessions (always working time)."""
    training = db.execute(
        select(
            func.coalesce(func.sum(Training.minutes), 0),
            func.coalesce(func.sum(case((Training.in_working_time, Training.minutes), else_=0)), 0),
        ).where(
            Training.starts_on.between(period.first, period.last),
            Training.status != TrainingStatus.CANCELLED,
        )
    ).one()
    cycles = db.scalar(
        select(func.coalesce(func.sum(CycleSession.duration_minutes), 0))
        .select_from(Attendance)
        .join(CycleSession, CycleSession.id == Attendance.session_id)
        .where(
            Attendance.status == AttendanceStatus.PRESENT,
            CycleSession.cancelled.is_(False),
            CycleSession.starts_at >= dt.datetime.combine(period.first, dt.time()),
            CycleSession.starts_at < dt.datetime.combine(period.last, dt.time()) + dt.timedelta(1),
        )
    )
    return training[0], training[1], cycles or 0


def _group_facts(db: Session, period: Period) -> tuple[int, int]:
    """Groups active in the period with two or more members of known birth year, and
    how many of them mix generations."""
    rows = db.execute(
        select(GroupMembership.group_id, Person.birth_year)
        .join(LearningGroup, LearningGroup.id == GroupMembership.group_id)
        .join(Person, Person.id == GroupMembership.person_id)
        .where(
            LearningGroup.starts <= period.last,
            (LearningGroup.ends.is_(None)) | (LearningGroup.ends >= period.first),
            GroupMembership.joined <= period.last,
            (GroupMembership.left_on.is_(None)) | (GroupMembership.left_on >= period.first),
        )
    )
    births: dict[int, list[int | None]] = defaultdict(list)
    for group_id, birth_year in rows:
        births[group_id].append(birth_year)
    span = wanted_span(db)
    known = mixed = 0
    for years in births.values():
        mixes = mixes_generations(years, span)
        if mixes is not None:
            known += 1
            mixed += mixes
    return known, mixed


def _conversation_facts(db: Session, period: Period) -> tuple[int, int]:
    day = period.last
    # in service with a manager: someone without one is never due a conversation
    in_service = (
        (Person.in_service <= day)
        & (Person.out_of_service.is_(None) | (Person.out_of_service >= day))
        & Person.manager_id.is_not(None)
    )
    people = db.scalar(select(func.count()).select_from(Person).where(in_service)) or 0
    since = add_months(day, -CONVERSATION_MONTHS)
    held = db.scalar(
        select(func.count(func.distinct(TalentConversation.person_id)))
        .join(Person, Person.id == TalentConversation.person_id)
        .where(in_service, TalentConversation.held_on > since, TalentConversation.held_on <= day)
    )
    return people, held or 0


def _agreement_facts(db: Session, period: Period) -> tuple[int, int]:
    review = aliased(TalentConversation)
    row = db.execute(
        select(
            func.count(),
            func.coalesce(
                func.sum(case((Agreement.status == AgreementStatus.DONE, 1), else_=0)), 0
            ),
        )
        .select_from(Agreement)
        .join(review, review.id == Agreement.reviewed_in_id)
        .where(
            Agreement.owner.in_((AgreementOwner.MANAGER, AgreementOwner.BOTH)),
            Agreement.status != AgreementStatus.OPEN,
            review.held_on.between(period.first, period.last),
        )
    ).one()
    return row[0], row[1]


def measure(database: SessionFactory, period: Period) -> Facts:
    """What the program's data says about ``period``, for the measured indicators."""

    def reading(part: Callable[[Session, Period], Any]) -> Callable[[], Any]:
        def read() -> Any:
            with database() as db:
                return part(db, period)

        return read

    # independent of each other: side by side on a server (``SessionFactory.at_once``)
    (
        situations,
        (training_minutes, training_working, cycle_minutes),
        (groups_known, groups_mixed),
        (people, with_conversation),
        (reviewed, kept),
    ) = database.at_once(
        *map(
            reading,
            (
                _situation_facts,
                _other_learning_minutes,
                _group_facts,
                _conversation_facts,
                _agreement_facts,
            ),
        )
    )
    return Facts(
        situations=situations["situations"],
        situations_just_in_time=situations["situations_just_in_time"],
        situations_with_ai=situations["situations_with_ai"],
        situations_consulted=situations["situations_consulted"],
        situations_improving=situations["situations_improving"],
        situations_innovating=situations["situations_innovating"],
        situations_brought_in=situations["situations_brought_in"],
        situations_from_mistake=situations["situations_from_mistake"],
        requests=situations["requests"],
        learning_minutes=situations["minutes"] + training_minutes + cycle_minutes,
        learning_minutes_in_working_time=(
            situations["minutes_working"] + training_working + cycle_minutes
        ),
        situation_minutes=situations["minutes"],
        cycle_minutes=cycle_minutes,
        cycle_situation_minutes=situations["minutes_in_cycles"],
        training_minutes=training_minutes,
        groups_known=groups_known,
        groups_mixed=groups_mixed,
        people=people,
        people_with_conversation=with_conversation,
        manager_agreements_reviewed=reviewed,
        manager_agreements_kept=kept,
    )


def data_years(database: SessionFactory) -> list[int]:
    """The years with learning situations, newest first: periods worth measuring."""
    from werkleren_desktop.services.situations import situation_years

    years = situation_years(database)
    return [] if years is None else list(range(years[1], years[0] - 1, -1))
