"""Use cases around the organisation and its settings."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.db.models import ClosingPeriod, Organisation, Person
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.cycles import MethodRow
from werkleren_desktop.domain.organisation import ClosingPeriodInput, OrganisationSettings
from werkleren_desktop.domain.situations import QuestionRow
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.services.versions import Stamp


def _organisation(db: Session) -> Organisation | None:
    return db.scalars(select(Organisation).order_by(Organisation.id).limit(1)).first()


def has_organisation(database: SessionFactory) -> bool:
    with database() as db:
        return _organisation(db) is not None


def holds_data(database: SessionFactory) -> bool:
    """Whether anything at all was entered in this data folder."""
    with database() as db:
        return (
            _organisation(db) is not None
            or db.scalars(select(Person.id).limit(1)).first() is not None
        )


def load_settings(database: SessionFactory) -> OrganisationSettings | None:
    with database() as db:
        return _settings_from(db)


def _settings_from(db: Session) -> OrganisationSettings | None:
    organisation = _organisation(db)
    if organisation is None:
        return None
    periods = db.scalars(select(ClosingPeriod).order_by(ClosingPeriod.first_day)).all()
    return OrganisationSettings(
        name=organisation.name,
        logo_png=organisation.logo_png,
        working_days=frozenset(organisation.working_days),
        closed_holidays=frozenset(organisation.closed_holidays),
        liberation_day=organisation.liberation_day,
        default_training_budget_cents=organisation.default_training_budget_cents,
        required_training_on_budget=organisation.required_training_on_budget,
        language=organisation.language,
        closing_periods=tuple(
            ClosingPeriodInput(p.first_day, p.last_day, p.description) for p in periods
        ),
        cycle_outline=tuple(organisation.cycle_outline) if organisation.cycle_outline else None,
        conversation_months=(
            (organisation.conversation_months[0], organisation.conversation_months[1])
            if organisation.conversation_months
            else None
        ),
        retention_months=organisation.retention_months,
        email=organisation.email,
        calendar_alarm_minutes=organisation.calendar_alarm_minutes,
        mixed_age_span=organisation.mixed_age_span,
        certificate_warning_months=organisation.certificate_warning_months,
    )


def create_organisation(database: SessionFactory, settings: OrganisationSettings) -> None:
    """Start a new organisation in an empty data folder."""
    with database.begin() as db:
        add_organisation(db, settings)


def add_organisation(db: Session, settings: OrganisationSettings) -> None:
    """The organisation, inside a transaction the caller holds (the demo fills the
    whole folder in one)."""
    settings = settings.validated()
    if _organisation(db) is not None:
        raise UserError(_("This data folder already holds an organisation."))
    organisation = Organisation()
    db.add(organisation)
    _apply(db, organisation, settings)


def read_settings(database: SessionFactory) -> tuple[OrganisationSettings | None, Stamp]:
    """The settings as the settings form edits them, with the version read."""
    from werkleren_desktop.services.versions import UNREAD, stamp_of

    with database() as db:
        organisation = _organisation(db)
        stamp = stamp_of(organisation) if organisation is not None else UNREAD
        return _settings_from(db), stamp


def save_settings(
    database: SessionFactory,
    settings: OrganisationSettings,
    questions: list[QuestionRow] | None = None,
    version: int | None = None,
    methods: list[MethodRow] | None = None,
) -> OrganisationSettings:
    """Store changed settings, and the guiding questions and the working methods when
    given, in one transaction: all or none. Returns the settings as stored. ``version``
    is the version the form read: EditConflictError when someone else saved since."""
    from werkleren_desktop.services.situations import store_questions
    from werkleren_desktop.services.versions import refuse_if_changed, touch
    from werkleren_desktop.services.workbook import store_methods

    settings = settings.validated()
    with database.begin() as db:
        organisation = _organisation(db)
        if organisation is None:
            raise UserError(_("There is no organisation yet; start one first."))
        refuse_if_changed(organisation, version)
        _apply(db, organisation, settings)
        touch(organisation)  # the closing days are rows of their own: a change all the same
        if questions is not None:
            store_questions(db, questions)
        if methods is not None:
            store_methods(db, methods)
    return settings


def _apply(db: Session, organisation: Organisation, settings: OrganisationSettings) -> None:
    organisation.name = settings.name
    organisation.logo_png = settings.logo_png
    organisation.working_days = sorted(settings.working_days)
    organisation.closed_holidays = sorted(settings.closed_holidays)
    organisation.liberation_day = settings.liberation_day
    organisation.default_training_budget_cents = settings.default_training_budget_cents
    organisation.required_training_on_budget = settings.required_training_on_budget
    organisation.language = settings.language
    organisation.cycle_outline = list(settings.cycle_outline) if settings.cycle_outline else None
    organisation.conversation_months = (
        list(settings.conversation_months) if settings.conversation_months else None
    )
    organisation.retention_months = settings.retention_months
    organisation.email = settings.email
    organisation.calendar_alarm_minutes = settings.calendar_alarm_minutes
    organisation.mixed_age_span = settings.mixed_age_span
    organisation.certificate_warning_months = settings.certificate_warning_months
    db.execute(delete(ClosingPeriod))
    db.add_all(
        ClosingPeriod(first_day=p.first_day, last_day=p.last_day, description=p.description)
        for p in settings.closing_periods
    )


def calendar_of(database: SessionFactory) -> WorkCalendar:
    """The organisation's working calendar (the default one before there are settings)."""
    settings = load_settings(database)
    return settings.work_calendar() if settings is not None else WorkCalendar()
