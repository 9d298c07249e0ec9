"""Inzage: everything stored about one person, readable (PDF) and machine-readable
(JSON), written side by side into a folder."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Spacer

from werkleren_desktop.documents.pdf import (
    Letterhead,
    fact_table,
    render,
    styles,
    text,
    title_block,
)
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.files import write_atomically

SECTIONS = (
    ("learning_groups", "Learning groups"),
    ("week_cycle_attendance", "Week-cycle attendance"),
    ("learning_situations", "Learning situations"),
    ("consulted_by_colleagues_on", "Consulted by colleagues"),
    ("trainings", "Training"),
    ("training_budgets", "Training budgets"),
    ("talent_conversations", "Talent conversations"),
)


LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "email": N_("E-mail"),
    "job_title": N_("Job title"),
    "has_manager": N_("Has a manager"),
    "in_service": N_("In service"),
    "out_of_service": N_("Out of service"),
    "birth_year": N_("Birth year"),
    "contract_minutes_per_week": N_("Contract minutes per week"),
    "notes": N_("Notes"),
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
    "answers": N_("Guiding questions"),
    "question": N_("Question"),
    "answer": N_("Answer"),
    "tried": N_("What was tried"),
    "outcome": N_("Outcome"),
    "next_step": N_("Next step"),
    "minutes": N_("Minutes"),
    "provider": N_("Provider"),
    "starts_on": N_("Starts on"),
    "ends_on": N_("Ends on"),
    "cost_cents": N_("Cost in cents"),
    "certificate": N_("Certificate"),
    "year": N_("Year"),
    "amount_cents": N_("Amount in cents"),
    "planned_on": N_("Planned on"),
    "held_on": N_("Held on"),
    "place": N_("Place"),
    "sections": N_("Parts"),
    "part": N_("Part"),
    "preparation": N_("Preparation"),
    "agreements": N_("Agreements"),
    "what": N_("What"),
    "owner": N_("Who"),
    "due_on": N_("Due"),
    "why": N_("Why"),
    "corrections": N_("Corrections after signing"),
    "reason": N_("Reason"),
}


def _label(key: str) -> str:
    return _(LABELS[key]) if key in LABELS else key.replace("_", " ")


def _lines(value: Any, depth: int = 0) -> list[tuple[int, str]]:
    """Nested data as indented lines of "key: value"."""
    if isinstance(value, dict):
        lines: list[tuple[int, str]] = []
        for key, item in value.items():
            if isinstance(item, dict | list):
                if item:
                    lines.append((depth, f"{_label(key)}:"))
                    lines += _lines(item, depth + 1)
            elif item not in (None, ""):
                lines.append((depth, f"{_label(key)}: {item}"))
        return lines
    if isinstance(value, list):
        lines = []
        for index, item in enumerate(value, start=1):
            if isinstance(item, dict | list):
                lines.append((depth, f"{index}."))
                lines += _lines(item, depth + 1)
            else:
                lines.append((depth, f"{index}. {item}"))
        return lines
    return [(depth, str(value))]


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
            [(_label(key), str(value)) for key, value in person.items() if value not in (None, "")]
        ),
    ]
    for key, title in SECTIONS:
        story.append(Paragraph(_(title), s["heading"]))
        items = data.get(key) or []
        if not items:
            story.append(Paragraph(_("Nothing stored."), s["small"]))
        for depth, line in _lines(items):
            style = s["small"] if depth > 1 else s["body"]
            story.append(Paragraph("&nbsp;" * 4 * depth + text(line), style))
    return render(head, story, made_on)


def write_person_file(
    folder: Path, organisation: str, data: dict[str, Any], made_on: dt.date
) -> tuple[Path, Path]:
    """The PDF and the JSON, named after the person, each written whole or not at all."""
    person = data["person"]
    stem = re.sub(r"[^\w-]+", "-", f"{person['first_name']}-{person['last_name']}").strip("-")
    stem = f"{_('personal data')} {stem} {made_on.isoformat()}".replace(" ", "-")
    pdf, machine = folder / f"{stem}.pdf", folder / f"{stem}.json"
    write_atomically(machine, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    write_atomically(pdf, person_file_pdf(organisation, data, made_on))
    return pdf, machine
