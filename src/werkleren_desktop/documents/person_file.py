"""Inzage: everything stored about one person, readable (PDF) and machine-readable
(JSON), written side by side into a folder."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from werkleren_desktop.documents.pdf import (
    Letterhead,
    fact_table,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.domain.apprenticeship import KIND_LABELS as GUIDANCE_KINDS
from werkleren_desktop.domain.conversations import AGREEMENT_STATUS_LABELS, OWNER_LABELS
from werkleren_desktop.domain.cycles import ATTENDANCE_STATUS_LABELS
from werkleren_desktop.domain.formatting import format_date, format_moment
from werkleren_desktop.domain.money import format_euro
from werkleren_desktop.domain.onboarding import OWNER_LABELS as STEP_OWNERS
from werkleren_desktop.domain.people import format_hours
from werkleren_desktop.domain.requests import KIND_LABELS as REQUEST_KINDS
from werkleren_desktop.domain.requests import STATUS_LABELS as REQUEST_STATES
from werkleren_desktop.domain.situations import KIND_LABELS
from werkleren_desktop.domain.situations import STATUS_LABELS as SITUATION_STATUS_LABELS
from werkleren_desktop.domain.training import FORM_LABELS, TRAINING_STATUS_LABELS
from werkleren_desktop.domain.work_agreements import KIND_LABELS as WORK_AGREEMENT_KINDS
from werkleren_desktop.i18n import N_, _, current_language, n_
from werkleren_desktop.storage.files import write_atomically

SECTIONS = (
    ("learning_groups", N_("Learning groups")),
    ("week_cycle_attendance", N_("Week-cycle attendance")),
    ("learning_situations", N_("Learning situations")),
    ("consulted_by_colleagues", N_("Consulted by colleagues")),
    ("brought_in_for_colleagues", N_("Brought in for colleagues")),
    ("trainings", N_("Training")),
    ("training_budgets", N_("Training budgets")),
    ("training_attendance", N_("Presence on the days of training")),
    ("learning_requests", N_("Learning requests")),
    ("requests_to_you_as_manager", N_("Learning requests you answered as a manager")),
    ("talent_conversations", N_("Talent conversations")),
    ("conversations_as_manager", N_("Talent conversations you held as a manager")),
    ("expert_for_groups", N_("Learning groups with you as expert on call")),
    ("contact_for_work_agreements", N_("Work agreements with you as the one to ask")),
    ("skill_levels_seen", N_("Skill levels your manager saw")),
    ("onboarding_steps", N_("Your onboarding plan")),
    ("buddy_for_new_colleagues", N_("New colleagues you were the buddy of")),
    ("exit_conversation", N_("Your exit conversation")),
    ("apprenticeship", N_("Your placement as an apprentice")),
    ("guidance_and_progress", N_("Guidance and progress talks of your placement")),
    ("workplace_trainer_for_apprentices", N_("Apprentices you guided as workplace trainer")),
    ("fund_claims", N_("Claims on a fund for your training")),
)


LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "email": N_("E-mail"),
    "job_title": N_("Job title"),
    "has_manager": N_("Has a manager"),
    "manages_people": N_("Manager of (number of people)"),
    "in_service": N_("In service"),
    "out_of_service": N_("Out of service"),
    "birth_year": N_("Birth year"),
    "contract_minutes_per_week": N_("Contract hours per week"),
    "notes": N_("Notes"),
    "last_conversation_before_records": N_("Last conversation before these records"),
    "group": N_("Learning group"),
    "joined": N_("Member from"),
    "left": N_("Member until"),
    "session": N_("Session"),
    "status": N_("Status"),
    "energy": N_("Energy"),
    "meaning": N_("Meaning"),
    "note": N_("Note"),
    "date": N_("Date"),
    "title": N_("Title"),
    "kind": N_("Kind"),
    "situation": N_("The situation"),
    "with_colleagues": N_("Colleagues involved"),
    "brought_in_by_them": N_("Brought in by you"),
    "answers": N_("Guiding questions"),
    "question": N_("Question"),
    "answer": N_("Answer"),
    "tried": N_("What was tried"),
    "outcome": N_("Outcome"),
    "next_step": N_("Next step"),
    "ai_used": N_("AI used"),
    "ai_tool": N_("AI tool"),
    "ai_contribution": N_("What AI contributed"),
    "ai_checked": N_("How it was checked"),
    "consulted": N_("Colleagues or experts consulted"),
    "minutes": N_("Time"),
    "in_working_time": N_("In working time"),
    "provider": N_("Provider"),
    "form": N_("Form"),
    "starts_on": N_("Starts on"),
    "ends_on": N_("Ends on"),
    "cost_cents": N_("Cost"),
    "required_for_the_job": N_("Required for the job"),
    "certificate": N_("Certificate"),
    "certificate_expires_on": N_("Certificate expires on"),
    "study_cost_agreement": N_("Study-cost agreement"),
    "year": N_("Year"),
    "amount_cents": N_("Budget"),
    "planned_on": N_("Planned on"),
    "held_on": N_("Held on"),
    "place": N_("Place"),
    "sections": N_("Parts"),
    "part": N_("Part"),
    "preparation": N_("Preparation"),
    "own_preparation": N_("Your own preparation"),
    "preparation_brought_in_by_you": N_("Your part of the preparation brought in by you"),
    "text": N_("Text"),
    "shared_at": N_("Shared with your manager on"),
    "agreements": N_("Agreements"),
    "your_agreements": N_("Your agreements"),
    "what": N_("What"),
    "owner": N_("Who"),
    "due_on": N_("Due"),
    "why": N_("Why"),
    "signed_by_professional_on": N_("Signed by the professional on"),
    "signed_by_manager_on": N_("Signed by the manager on"),
    "signed_by_you_on": N_("Signed by you on"),
    "corrections": N_("Corrections after signing"),
    "made_at": N_("Made on"),
    "before": N_("Earlier text"),
    "after": N_("New text"),
    "reason": N_("Reason"),
    "from": N_("From"),
    "until": N_("Until"),
    "asked_on": N_("Asked on"),
    "answered_on": N_("Answered on"),
    "your_answer": N_("Your answer"),
    "skill": N_("Skill"),
    "level": N_("Level"),
    "step": N_("Step"),
    "training": N_("Training"),
    "day": N_("Day"),
    "present": N_("Present"),
    "whose": N_("Whose"),
    "done_on": N_("Done on"),
    "why_you_left": N_("Why you left"),
    "what_worked_well": N_("What worked well"),
    "what_could_be_better": N_("What could be better"),
    "knowledge_to_hand_over": N_("Knowledge to hand over"),
}
DATES = {
    "in_service", "out_of_service", "joined", "left", "date", "starts_on", "ends_on",
    "certificate_expires_on", "planned_on", "held_on", "due_on", "signed_by_professional_on",
    "signed_by_manager_on", "signed_by_you_on", "from", "until", "done_on", "day",
    "last_conversation_before_records", "asked_on", "answered_on", "claimed_on",
}  # fmt: skip
MOMENTS = {"session", "made_at"}
HOURS = {"minutes", "contract_minutes_per_week"}
EUROS = {"cost_cents", "amount_cents"}
# (the list a record is in, its field) -> the labels of the field's values
CHOICES: dict[tuple[str, str], Mapping[Any, str]] = {
    ("week_cycle_attendance", "status"): ATTENDANCE_STATUS_LABELS,
    ("learning_situations", "kind"): KIND_LABELS,
    ("learning_situations", "status"): SITUATION_STATUS_LABELS,
    ("trainings", "form"): FORM_LABELS,
    ("trainings", "status"): TRAINING_STATUS_LABELS,
    ("onboarding_steps", "whose"): STEP_OWNERS,
    ("guidance_and_progress", "kind"): GUIDANCE_KINDS,
    ("agreements", "owner"): OWNER_LABELS,
    ("agreements", "status"): AGREEMENT_STATUS_LABELS,
    ("your_agreements", "owner"): OWNER_LABELS,
    ("your_agreements", "status"): AGREEMENT_STATUS_LABELS,
    ("learning_requests", "kind"): REQUEST_KINDS,
    ("learning_requests", "status"): REQUEST_STATES,
    ("requests_to_you_as_manager", "kind"): REQUEST_KINDS,
    ("requests_to_you_as_manager", "status"): REQUEST_STATES,
    ("contact_for_work_agreements", "kind"): WORK_AGREEMENT_KINDS,
}


def _label(key: str) -> str:
    return _(LABELS[key]) if key in LABELS else key.replace("_", " ")


def shown(key: str, value: Any, within: str = "") -> str:
    """A stored value as the employee reads it: a Dutch date, ja/nee, euros, hours, the
    words for a status; ``within`` is the list the record is in."""
    language = current_language()
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key in DATES and isinstance(value, str):
        return format_date(dt.date.fromisoformat(value))
    if key in MOMENTS and isinstance(value, str):
        return format_moment(dt.datetime.fromisoformat(value))
    if key in HOURS and isinstance(value, int):
        hours = format_hours(value, language)
        return n_("{n} hour", "{n} hours", 1 if value == 60 else 2).format(n=hours)
    if key in EUROS and isinstance(value, int):
        return format_euro(value)
    labels = CHOICES.get((within, key))
    if labels is not None:
        for choice, label in labels.items():
            if str(choice) == str(value):
                return _(label)
    return str(value)


def _lines(value: Any, depth: int = 0, within: str = "") -> list[tuple[int, str]]:
    """Nested data as indented lines of "label: value"."""
    if isinstance(value, dict):
        lines: list[tuple[int, str]] = []
        for key, item in value.items():
            if isinstance(item, dict | list):
                if item:
                    lines.append((depth, f"{_label(key)}:"))
                    lines += _lines(item, depth + 1, key)
            elif item not in (None, ""):
                lines.append((depth, f"{_label(key)}: {shown(key, item, within)}"))
        return lines
    if isinstance(value, list):
        lines = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, dict | list):
                lines.append((depth, f"{index}."))
                lines += _lines(item, depth + 1, within)
            else:
                lines.append((depth, f"{index}. {item}"))
        return lines
    return [(depth, str(value))]


def _local(moment: str) -> dt.datetime:
    """The moment of export (stored in UTC) on the clock of this computer."""
    return dt.datetime.fromisoformat(moment).astimezone()


def person_file_pdf(organisation: str, data: dict[str, Any], made_on: dt.date) -> bytes:
    s = styles()
    person = data["person"]
    name = f"{person['first_name']} {person['last_name']}"
    head = Letterhead(organisation, None, _("Personal data"), name, confidential=True)
    story: list[Flowable] = [
        title_block(head, _("Everything stored about {name}").format(name=name)),
        Paragraph(
            _(
                "An overview of the personal data Werkleren Desktop holds about you (right "
                "of access, AVG art. 15). Other people are named by their role only."
            ),
            s["small"],
        ),
        Spacer(0, 3),
        fact_table(
            [
                (_label(key), shown(key, value))
                for key, value in person.items()
                if value not in (None, "")
            ]
            + [(_("Exported on"), format_moment(_local(data["exported_at"])))],
            label_width=58 * mm,
        ),
    ]
    for key, title in SECTIONS:
        story.append(Paragraph(_(title), s["heading"]))
        items = data.get(key) or []
        if not items:
            story.append(Paragraph(_("Nothing stored."), s["small"]))
        for depth, line in _lines(items, within=key):
            style = s["small"] if depth > 1 else s["body"]
            story.append(Paragraph("&nbsp;" * 4 * depth + text(line), style))
    return render(head, story, made_on)


def write_person_file(
    folder: Path, organisation: str, data: dict[str, Any], made_on: dt.date
) -> tuple[Path, Path]:
    """The PDF and the JSON, named after the person, each written whole or not at all."""
    person = data["person"]
    stem = re.sub(r"[^\w-]+", "-", f"{person['first_name']}-{person['last_name']}").strip("-")
    # (outside the f-string: the catalog's extraction does not look inside one)
    what = _("personal data")
    stem = f"{what} {stem} {made_on.isoformat()}".replace(" ", "-")
    pdf, machine = folder / f"{stem}.pdf", folder / f"{stem}.json"
    write_atomically(machine, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    write_atomically(pdf, person_file_pdf(organisation, data, made_on))
    return pdf, machine
