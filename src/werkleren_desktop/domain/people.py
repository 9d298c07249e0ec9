"""A person of the organisation: the rules their data must satisfy."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from werkleren_desktop.domain.text import shortened
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import _

NAME_MAX = 100
LAST_NAME_MAX = 150
JOB_TITLE_MAX = 150
EMAIL_MAX = 254
MAX_HOURS = 80
OLDEST_BIRTH_YEAR = 1920
YOUNGEST_WORKING_AGE = 13  # Dutch law allows light work from 13
FIRST_SERVICE_DATE = dt.date(1920, 1, 1)  # as far back as the date fields go
YEARS_AHEAD = 10  # a contract's end, or a start agreed long before
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def is_email_address(text: str) -> bool:
    return len(text) <= EMAIL_MAX and _EMAIL.match(text) is not None


def latest_service_date(today: dt.date) -> dt.date:
    """The last day a date in or out of service may name: ten years from today."""
    return dt.date(today.year + YEARS_AHEAD, 12, 31)


def _tidy(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class PersonInput:
    first_name: str
    last_name: str
    in_service: dt.date
    email: str = ""
    job_title: str = ""
    manager_id: int | None = None
    out_of_service: dt.date | None = None
    birth_year: int | None = None
    contract_minutes: int | None = None
    notes: str = ""
    # when the last talent conversation was held, for the time before this program
    last_conversation_on: dt.date | None = None

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.last_name)

    def validated(self, today: dt.date) -> PersonInput:
        """This person tidied up, or a ValidationError naming the first problem."""
        problems = self.problems(today)
        if problems:
            raise problems[0]
        return self.tidied()

    def tidied(self) -> PersonInput:
        """This person with the spaces of every text tidied, nothing checked."""
        return replace(
            self,
            first_name=_tidy(self.first_name),
            last_name=_tidy(self.last_name),
            email=self.email.strip(),
            job_title=_tidy(self.job_title),
            notes=self.notes.strip(),
        )

    def problems(self, today: dt.date) -> list[ValidationError]:
        """Every rule this person breaks, in the order of the form's fields (an import
        shows them all at once, so that one round of corrections is enough)."""
        found: list[ValidationError] = []
        first, last = _tidy(self.first_name), _tidy(self.last_name)
        if not first:
            found.append(ValidationError(_("Enter the first name."), "first_name"))
        elif len(first) > NAME_MAX:
            found.append(ValidationError(_("The first name is too long."), "first_name"))
        if not last:
            found.append(ValidationError(_("Enter the surname."), "last_name"))
        elif len(last) > LAST_NAME_MAX:
            found.append(ValidationError(_("The surname is too long."), "last_name"))
        email = self.email.strip()
        if email and not is_email_address(email):
            found.append(
                ValidationError(
                    _("“{email}” is not an e-mail address.").format(email=shortened(email)),
                    "email",
                )
            )
        if len(_tidy(self.job_title)) > JOB_TITLE_MAX:
            found.append(ValidationError(_("The job title is too long."), "job_title"))
        latest = latest_service_date(today)
        for day, field_name in (
            (self.in_service, "in_service"),
            (self.out_of_service, "out_of_service"),
        ):
            if day is not None and not (FIRST_SERVICE_DATE <= day <= latest):
                found.append(
                    ValidationError(
                        _("A date in or out of service lies between {first} and {last}.").format(
                            first=FIRST_SERVICE_DATE.year, last=latest.year
                        ),
                        field_name,
                    )
                )
        if self.out_of_service is not None and self.out_of_service < self.in_service:
            found.append(
                ValidationError(
                    _("The date out of service cannot be before the date in service."),
                    "out_of_service",
                )
            )
        if self.birth_year is not None and not (
            OLDEST_BIRTH_YEAR <= self.birth_year <= today.year - YOUNGEST_WORKING_AGE
        ):
            found.append(
                ValidationError(
                    _("A birth year lies between {first} and {last}.").format(
                        first=OLDEST_BIRTH_YEAR, last=today.year - YOUNGEST_WORKING_AGE
                    ),
                    "birth_year",
                )
            )
        if self.contract_minutes is not None and not (0 < self.contract_minutes <= MAX_HOURS * 60):
            found.append(
                ValidationError(
                    _("Contract hours lie between 0 and {n} per week.").format(n=MAX_HOURS),
                    "contract_hours",
                )
            )
        found.extend(self._last_conversation_problems(today))
        return found

    def _last_conversation_problems(self, today: dt.date) -> list[ValidationError]:
        day = self.last_conversation_on
        if day is None:
            return []
        if day > today:
            message = _(
                "A last conversation cannot lie in the future; plan the conversation instead."
            )
        elif day < self.in_service:
            message = _("The last conversation cannot be before the date in service.")
        elif self.out_of_service is not None and day > self.out_of_service:
            message = _("The last conversation cannot be after the date out of service.")
        else:
            return []
        return [ValidationError(message, "last_conversation_on")]

    def is_active(self, day: dt.date) -> bool:
        return self.in_service <= day and (
            self.out_of_service is None or self.out_of_service >= day
        )


def check_manager_chain(
    person_id: int | None,
    manager_id: int | None,
    managers: Mapping[int, int | None],
    names: Mapping[int, str],
) -> None:
    """Refuse a manager that would make the chain of managers loop.

    ``managers`` maps every person to their current manager; ``person_id`` is None for
    a person not saved yet (who cannot close a loop).
    """
    if manager_id is None or person_id is None:
        return
    if manager_id == person_id:
        raise ValidationError(_("Someone cannot be their own manager."), "manager")
    seen = {person_id}
    current: int | None = manager_id
    while current is not None:
        if current in seen:
            raise ValidationError(
                _(
                    "{manager} cannot be the manager of {person}: {person} is already "
                    "{manager}'s manager, directly or further up."
                ).format(manager=names.get(manager_id, "?"), person=names.get(person_id, "?")),
                "manager",
            )
        seen.add(current)
        current = managers.get(current)


def has_manager_loop(managers: Mapping[int, int | None]) -> bool:
    """Whether the chain of managers (person -> manager) comes round anywhere; one
    walk over every chain, linear in the number of people."""
    done: set[int] = set()
    for start in managers:
        on_path: set[int] = set()
        current: int | None = start
        while current is not None and current not in done:
            if current in on_path:
                return True
            on_path.add(current)
            current = managers.get(current)
        done.update(on_path)
    return False


def decimal_hours(text: str, field: str) -> Decimal | None:
    """Hours as typed: "32", "32,5" or "32.5"; None for an empty field."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        hours = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(
            _("“{text}” is not a number of hours.").format(text=shortened(text)), field
        ) from None
    if not hours.is_finite():
        raise ValidationError(
            _("“{text}” is not a number of hours.").format(text=shortened(text)), field
        )
    return hours


def parse_hours(text: str, *, field: str = "contract_hours") -> int | None:
    """Minutes per week from "32", "32,5" or "32.5"; None for an empty field."""
    hours = decimal_hours(text, field)
    if hours is None:
        return None
    if not (0 < hours <= MAX_HOURS):
        raise ValidationError(
            _("Contract hours lie between 0 and {n} per week.").format(n=MAX_HOURS), field
        )
    return int(hours * 60)


def format_hours(minutes: int | None, language: str = "nl") -> str:
    if minutes is None:
        return ""
    hours = Decimal(minutes) / 60
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "nl" else text


def parse_birth_year(text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or len(cleaned) != 4:
        raise ValidationError(
            _("“{text}” is not a year; write it like 1987.").format(text=shortened(text)),
            "birth_year",
        )
    return int(cleaned)


# Dutch surname prefixes (tussenvoegsels): lists sort "van den Berg" under B.
_PREFIXES = {
    "van",
    "de",
    "den",
    "der",
    "het",
    "'t",
    "te",
    "ten",
    "ter",
    "in",
    "op",
    "aan",
    "la",
    "le",
    "du",
    "da",
    "di",
    "von",
    "vd",
    "v.d.",
}


def _split_surname(last_name: str) -> tuple[list[str], list[str]]:
    """The tussenvoegsels in front, and the surname they belong to."""
    words = last_name.split()
    prefix: list[str] = []
    while len(words) > 1 and words[0].casefold() in _PREFIXES:
        prefix.append(words.pop(0))
    return prefix, words


# letters that Unicode does not decompose into a base letter and a mark
_BASE_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h",
     "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH"}
)  # fmt: skip


def folded(text: str) -> str:
    """``text`` as Dutch lists and searches compare it: without accents (Özdemir with
    O, Şahin with S, Łukasz with L), without case, spaces tidied."""
    return " ".join(_bare(text).split())


def _bare(text: str) -> str:
    if text.isascii():  # most text: nothing to decompose or take off
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_BASE_LETTERS))
    if decomposed.isascii():
        return decomposed.casefold()
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def found_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where in ``text`` the folded ``words`` stand (as ``folded`` compares them: "sukru"
    in "Şükrü"), as (start, end) of the text itself, in order and not overlapping."""
    letters: list[str] = []
    origin: list[int] = []  # for each folded letter, the text's character it came from
    for index, character in enumerate(text):
        bare = _bare(character)
        letters.extend(bare)
        origin.extend([index] * len(bare))
    plain = "".join(letters)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = plain.find(word)
        while word and start >= 0:
            spans.append((origin[start], origin[start + len(word) - 1] + 1))
            start = plain.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


SORT_SEPARATOR = "\x01"  # below every letter: "Berg" before "Bergman" byte for byte


def sort_key(first_name: str, last_name: str) -> str:
    """Where a person stands in every list: by surname without its tussenvoegsel ("de
    Groot" under G, "van 't Hoff" under H), then first name, accents as their base
    letter. Stored with the person, so that any database keeps the same order when it
    compares bytes (on PostgreSQL: COLLATE "C")."""
    prefix, surname = _split_surname(last_name)
    return SORT_SEPARATOR.join(
        (folded(" ".join(surname)), folded(first_name), folded(" ".join(prefix)))
    )


def full_name_key(full_name: str) -> str:
    """``sort_key`` for a name written whole ("Zoë van den Berg"): first word the first
    name, the rest the surname, as the program writes names."""
    first, _space, last = full_name.strip().partition(" ")
    return sort_key(first, last) if last else sort_key("", first)


def full_name(first_name: str, last_name: str) -> str:
    """ "Fleur de Groot": how a person is named in sentences, forms and lists of names
    (the one place that joins the two; list_name sorts surname first)."""
    return f"{first_name} {last_name}".strip()


def list_name(first_name: str, last_name: str) -> str:
    """How a list writes a name: "Berg-IJzerman, Zoë van den", "Wójcik, Łukasz"."""
    prefix, words = _split_surname(last_name)
    given = " ".join([first_name, *prefix]).strip()
    return f"{' '.join(words)}, {given}" if given else " ".join(words)
