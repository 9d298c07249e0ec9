"""Learning situations (werkleersituaties): the rules, the guiding questions, the AI prompt.

The seed names ten "sustainable didactic questions" without listing them; these are the
program's own, written to steer learning from one's own work situation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from werkleren_desktop.domain.constants import SituationKind, SituationStatus
from werkleren_desktop.domain.people import folded
from werkleren_desktop.domain.pseudonymise import Cleaned, Pseudonymiser
from werkleren_desktop.domain.qualifications import check_skill_choice
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

TITLE_MAX = 200
MAX_MINUTES = 16 * 60  # more than two working days on one situation is a typing error

KIND_LABELS: dict[SituationKind, str] = {
    SituationKind.ANALYSE: N_("Analysing a work situation"),
    SituationKind.IMPROVE: N_("Improving a work situation"),
    SituationKind.INNOVATE: N_("Innovating a work situation"),
    SituationKind.PERFORM: N_("Performing better myself"),
}
KIND_SHORT_LABELS: dict[SituationKind, str] = {  # for a narrow column
    SituationKind.ANALYSE: N_("analysing"),
    SituationKind.IMPROVE: N_("improving"),
    SituationKind.INNOVATE: N_("innovating"),
    SituationKind.PERFORM: N_("performing better"),
}
STATUS_LABELS: dict[SituationStatus, str] = {
    SituationStatus.OPEN: N_("open"),
    SituationStatus.IN_PROGRESS: N_("in progress"),
    SituationStatus.DONE: N_("done"),
}

DEFAULT_QUESTIONS: tuple[str, ...] = (
    N_("What happened, and what made this situation worth learning from?"),
    N_("What did you want to achieve, and what got in the way?"),
    N_("What do you already know or can you do that helps here?"),
    N_("What do you not know yet, and who or what could help you find out?"),
    N_("Which solutions can you think of? Ask an AI assistant for more, and weigh them."),
    N_("Which solution do you try first, and how will you see whether it works?"),
    N_(
        "What did the people you work for (clients, residents, colleagues) notice, and what "
        "feedback did you give and get, from colleagues and from your manager?"
    ),
    N_(
        "What gave you energy and what cost energy, and how is the balance between your work "
        "and the rest of your life?"
    ),
    N_(
        "What do you do differently from now on, and what does it bring your working "
        "environment, the productivity of the work and, perhaps, a question in society?"
    ),
    N_("What do you want to learn next, and what do you need from your manager for it?"),
)


# A situation that began with a mistake or a near miss is learned from with questions that
# ask what made it possible and what changes, never who is to blame (the article's
# learning culture: mistakes seen as learning moments). Their answers are stored as any
# answer, with the question's text as it read then.
MISTAKE_QUESTIONS: tuple[str, ...] = (
    N_(
        "What happened, step by step, as far as you can tell? Describe what happened, not "
        "who did it."
    ),
    N_("What made it possible: the circumstances, the tools, the instructions, the time pressure?"),
    N_("What went well, and what was noticed in time, or too late?"),
    N_("What do we change so that it cannot easily happen again, and who else should know?"),
)


def mistake_questions() -> list[str]:
    return [_(question) for question in MISTAKE_QUESTIONS]


def default_questions() -> list[str]:
    return [_(question) for question in DEFAULT_QUESTIONS]


@dataclass(frozen=True)
class QuestionRow:
    id: int | None  # None: a new question not stored yet
    text: str
    retired: bool = False


def clean_questions(rows: list[QuestionRow]) -> list[QuestionRow]:
    """The organisation's set as it will be stored: spaces tidied, every question
    filled in and not too long, and at least one still asked."""
    cleaned = [replace(r, text=" ".join(r.text.split())) for r in rows]
    if any(not r.text for r in cleaned):
        raise ValidationError(_("A guiding question cannot be empty."), "questions")
    if any(len(r.text) > 500 for r in cleaned):
        raise ValidationError(_("A guiding question is at most 500 characters."), "questions")
    if all(r.retired for r in cleaned):
        raise ValidationError(_("Keep at least one guiding question in use."), "questions")
    return cleaned


@dataclass(frozen=True)
class Answer:
    question_id: int | None
    question_text: str
    answer: str


@dataclass(frozen=True)
class SituationInput:
    occurred_on: dt.date
    title: str
    kind: SituationKind
    person_ids: tuple[int, ...]
    description: str = ""
    group_id: int | None = None
    cycle_id: int | None = None
    answers: tuple[Answer, ...] = ()
    tried: str = ""
    outcome: str = ""
    next_step: str = ""
    status: SituationStatus = SituationStatus.OPEN
    ai_used: bool = False
    ai_tool: str = ""
    ai_contribution: str = ""
    ai_checked: str = ""
    consulted_ids: tuple[int, ...] = ()
    consulted_outside: tuple[str, ...] = field(default=())
    minutes: int | None = None
    in_working_time: bool = True
    from_mistake: bool = False  # began with a mistake or a near miss (MISTAKE_QUESTIONS)
    # who brought it in ("ingebracht door"): the professional who raised it, also when
    # the owner enters it on their behalf; None: whoever enters it
    brought_in_by: int | None = None
    # the skill it built, at what level: a situation of the kind "zelf beter performen"
    skill_id: int | None = None
    skill_level: int | None = None

    def validated(self, today: dt.date) -> SituationInput:
        if not self.person_ids:
            raise ValidationError(_("Choose who learned from this situation."), "people")
        title = " ".join(self.title.split())
        if not title:
            raise ValidationError(_("Give the situation a short title."), "title")
        if len(title) > TITLE_MAX:
            raise ValidationError(
                _("The title is too long (at most {n} characters).").format(n=TITLE_MAX), "title"
            )
        if self.occurred_on > today:
            raise ValidationError(
                _("A situation is logged when it has happened; the date lies in the future."),
                "occurred_on",
            )
        if self.minutes is not None and self.minutes < 0:
            raise ValidationError(_("Time spent cannot be negative."), "minutes")
        if self.minutes is not None and self.minutes > MAX_MINUTES:
            raise ValidationError(
                _("That is more than {hours} hours on one situation; check the minutes.").format(
                    hours=MAX_MINUTES // 60
                ),
                "minutes",
            )
        if self.skill_id is not None and self.kind is not SituationKind.PERFORM:
            raise ValidationError(
                _("A skill is built by a situation of the kind ‘{kind}’.").format(
                    kind=_(KIND_LABELS[SituationKind.PERFORM])
                ),
                "skill",
            )
        check_skill_choice(
            self.skill_id,
            self.skill_level,
            _("Choose both the skill the situation built and its level, or neither."),
        )
        outside = tuple(n for n in (" ".join(x.split()) for x in self.consulted_outside) if n)
        answers = tuple(
            Answer(a.question_id, a.question_text, a.answer.strip())
            for a in self.answers
            if a.answer.strip()
        )
        return replace(
            self,
            title=title,
            description=self.description.strip(),
            answers=answers,
            tried=self.tried.strip(),
            outcome=self.outcome.strip(),
            next_step=self.next_step.strip(),
            ai_tool=self.ai_tool.strip() if self.ai_used else "",
            ai_contribution=self.ai_contribution.strip() if self.ai_used else "",
            ai_checked=self.ai_checked.strip() if self.ai_used else "",
            person_ids=tuple(dict.fromkeys(self.person_ids)),
            consulted_ids=tuple(dict.fromkeys(self.consulted_ids)),
            consulted_outside=outside,
        )


# what the log's search looks in: every text written about a situation, and the answers
# to the guiding questions (where people write most); the questions themselves are not
# searched, or every situation would match their words
SEARCHED_COLUMNS = (
    "title",
    "description",
    "tried",
    "outcome",
    "next_step",
    "ai_tool",
    "ai_contribution",
    "ai_checked",
)


def search_text(texts: Iterable[str]) -> str:
    """The texts of a situation as the search compares them, stored with it: folded as
    names are (no case, "Şükrü" found by "sukru"), one line per text. Computed here and
    not by the database, so that SQLite's and PostgreSQL's searches find the same."""
    return "\n".join(line for line in (folded(t) for t in texts) if line)


def search_text_of(situation: SituationInput) -> str:
    return search_text(
        [*(getattr(situation, c) for c in SEARCHED_COLUMNS), *(a.answer for a in situation.answers)]
    )


def search_words(search: str) -> list[str]:
    """The words typed in the search, folded as ``search_text`` folds the texts."""
    return folded(search).split()


def parse_minutes(text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not re.fullmatch(r"-?\d+", cleaned):
        raise ValidationError(
            _("“{text}” is not a number of minutes.").format(text=text), "minutes"
        )
    return int(cleaned)


class Anonymiser:
    """Replaces every name in ``roles`` (full names, then first and last names) by its
    role, in one pass over a text: built once for the many texts of an export (a
    pattern per name and text took 85 s for a manager's ten years).

    ``roles`` maps a full name to what stands in its place, e.g. "Łukasz Wójcik" →
    "monteur A". Matching ignores case and respects word boundaries; the longest name
    wins, so "Zoë van den Berg" goes before "Zoë".
    """

    def __init__(self, roles: Mapping[str, str]) -> None:
        replacements: dict[str, str] = {}
        for full_name, role in roles.items():
            replacements[full_name] = role
            parts = full_name.split()
            if parts:
                replacements.setdefault(parts[0], role)  # first name
            surname = " ".join(p for p in parts[1:] if p.casefold() not in NAME_PARTICLES)
            if surname:
                replacements.setdefault(surname, role)
        self._roles: dict[str, str] = {}
        for name, role in replacements.items():
            self._roles.setdefault(name.casefold(), role)
        names = sorted(replacements, key=len, reverse=True)
        self._pattern = (
            re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in names)})(?!\w)", re.IGNORECASE)
            if names
            else None
        )

    def _role(self, match: re.Match[str]) -> str:
        found = match.group()
        role = self._roles.get(found.casefold())
        if role is None:  # a case that folds differently: find the name it matched
            role = next(
                r for n, r in self._roles.items() if re.fullmatch(re.escape(n), found, re.I)
            )
        return role

    def __call__(self, text: str) -> str:
        if not text or self._pattern is None:
            return text
        return self._pattern.sub(self._role, text)


def anonymise(text: str, roles: Mapping[str, str]) -> str:
    """``text`` with every name in ``roles`` replaced by its role (see Anonymiser)."""
    return Anonymiser(roles)(text)


NAME_PARTICLES = {"van", "de", "den", "der", "het", "'t", "te", "ten", "ter", "el", "la", "le"}


def ai_prompt(
    situation: SituationInput,
    question: str,
    kind_of_answer: str,
    pseudonymise: Pseudonymiser,
) -> Cleaned:
    """A ready prompt for an AI assistant, with the answers already given to the guiding
    questions, and the personal data taken out (see domain.pseudonymise)."""
    parts = [
        _("I work in a small organisation and want to learn from a situation in my own work."),
        "",
        _("The situation ({kind}):").format(kind=_(KIND_LABELS[situation.kind]).lower()),
        situation.title + (f"\n{situation.description}" if situation.description else ""),
    ]
    answers = [a for a in situation.answers if a.answer.strip()]
    if answers:
        parts += ["", _("What I already wrote down about it:")]
        for answer in answers:
            parts += [f"- {answer.question_text}", f"  {answer.answer.strip()}"]
    if situation.tried:
        parts += ["", _("What we tried so far:"), situation.tried]
    if situation.outcome:
        parts += ["", _("What came of it:"), situation.outcome]
    parts += ["", _("My question:"), question or _("What could we do better?")]
    parts += [
        "",
        _("What I would like from you:"),
        kind_of_answer
        or _(
            "Three to five concrete options with their pros and cons, "
            "and questions I should ask myself before choosing."
        ),
    ]
    return pseudonymise("\n".join(parts))


@dataclass(frozen=True)
class SituationLink:
    """A situation as a cycle's workbook and the digest of lessons list it."""

    id: int
    occurred_on: dt.date
    title: str
    kind: SituationKind
    people: str  # who learned from it, by name
    outcome: str
    next_step: str
