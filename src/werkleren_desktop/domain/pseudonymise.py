"""Taking personal data out of a text before the user shares it with an AI assistant.

Work situations in care, installation and retail are full of clients and residents with
their contact data; the owner answers for them under the AVG (the Dutch GDPR). What is
found, in this order (an earlier find wins where two overlap):

- e-mail addresses, bank accounts (IBAN), phone numbers (Dutch and international),
  postcodes, street addresses with a house number, and other long numbers (a BSN, a
  customer or policy number), each replaced by a stand-in in brackets;
- names after a courtesy title or a role word ("mevrouw De Jong", "dhr. J. Jansen",
  "klant Özdemir", "bewoner van der Berg"): the name becomes a letter, the word before it
  stays ("mevrouw A", "klant B"), and the same name alone later in the text gets the same
  stand-in ("mevrouw A");
- everyone in the program, by full name, first name or surname: their role
  ("Monteur A"). A lone first name or surname counts only when it starts with a
  capital, so that "de bakker" stays a job while "Bakker" is a name.

What it does not find, and the window says so: names without a title that nobody in the
program has, place names, and descriptions that make someone recognisable.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from werkleren_desktop.i18n import N_, _


class Kind(enum.StrEnum):
    EMAIL = "email"
    IBAN = "iban"
    PHONE = "phone"
    POSTCODE = "postcode"
    ADDRESS = "address"
    NUMBER = "number"
    NAME = "name"  # after a title or role word
    PERSON = "person"  # someone in the program


STAND_INS: dict[Kind, str] = {
    Kind.EMAIL: N_("[e-mail address]"),
    Kind.IBAN: N_("[bank account]"),
    Kind.PHONE: N_("[phone number]"),
    Kind.POSTCODE: N_("[postcode]"),
    Kind.ADDRESS: N_("[address]"),
    Kind.NUMBER: N_("[number]"),
}
KIND_LABELS: dict[Kind, str] = {
    Kind.EMAIL: N_("e-mail addresses"),
    Kind.IBAN: N_("bank accounts"),
    Kind.PHONE: N_("phone numbers"),
    Kind.POSTCODE: N_("postcodes"),
    Kind.ADDRESS: N_("addresses"),
    Kind.NUMBER: N_("long numbers"),
    Kind.NAME: N_("names after a title or role"),
    Kind.PERSON: N_("names of people in the program"),
}

# Tussenvoegsels and their foreign kin; "in", "op" and "te" are left out on purpose:
# "mevrouw De Jong in Zwolle" would take the town into the name.
PARTICLES = frozenset(
    {"van", "de", "den", "der", "het", "'t", "’t", "ten", "ter", "el", "al", "la", "le"}
    | {"du", "da", "di", "dos", "del", "von", "zu", "bin", "ibn"}
)
# Courtesy titles and role words after which a capitalised word is a name.
TITLES = (
    "mevrouw",
    "mevr.",
    "mevr",
    "mw.",
    "mw",
    "meneer",
    "mnr.",
    "dhr.",
    "dhr",
    "de heer",
    "juffrouw",
    "juf",
    "meester",
    "dokter",
    "zuster",
    "broeder",
    "pastoor",
    "dominee",
    "mr.",
    "dr.",
    "drs.",
    "ir.",
    "ing.",
    "prof.",
)
ROLE_WORDS = (
    "klant",
    "cliënt",
    "client",
    "cliënte",
    "bewoner",
    "bewoonster",
    "patiënt",
    "patient",
    "patiënte",
    "huurder",
    "huurster",
    "leerling",
    "cursist",
    "deelnemer",
    "bezoeker",
    "zorgvrager",
    "mantelzorger",
    "familielid",
    "buurman",
    "buurvrouw",
    "opdrachtgever",
    "leverancier",
    "stagiair",
    "stagiaire",
)

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b", re.I)
# a run of digits with spaces, dots, dashes or brackets that starts as a phone number
# does; how many digits it holds decides (see _phone_digits)
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)[1-9]\d{0,2}(?:[ .-]?\(0\))?|\(0\d{1,3}\)|0\d{1,3})"
    r"(?:[ .-]?\d){5,12}(?![\w])"
)
_POSTCODE = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b|\b[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}\b")
_STREET_ENDINGS = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|pad|steeg|hof|dreef|markt|baan|wal|"
    "haven|veld|ring|plantsoen|boulevard|allee|erf|zijde|dam|park|straatje|pleintje|hoek|"
    "wetering|vliet|poort|kamp|weide|akker|brink|dwarsstraat|burgwal|gang|kanaal|oord"
)
_ADDRESS = re.compile(
    r"(?:(?:[A-ZÀ-Þ][\w'’.-]*|van|de|der|den|het|'t|ter|ten|op|in) ){0,3}"
    rf"[A-ZÀ-Þ][\w'’-]*(?:{_STREET_ENDINGS}) \d{{1,5}}(?:[ -]?[a-zA-Z](?!\w)|[-/]\d{{1,4}})?(?!\d)"
)
_DATE = re.compile(r"\d{1,2}([-./])\d{1,2}\1(?:19|20)\d\d")
_NOT_STREETS = frozenset({"onderweg", "halfweg", "omweg", "uitweg", "zijweg", "snelweg"})
_NUMBER = re.compile(r"(?<![\w€$£])(?<![€$£] )\d(?:[ .-]?\d){6,}(?![\w])")
_TITLE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES + ROLE_WORDS, key=len, reverse=True))
    + r")(?:[ \t]+(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r"))?(?=[ \t]+)",
    re.I,
)
_INITIALS = re.compile(r"(?:[A-ZÀ-Þ]\.){1,4}")
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*|['’]t")
_GAP = re.compile(r"[ \t]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


@dataclass(frozen=True)
class Replacement:
    start: int  # where the stand-in stands in the cleaned text
    end: int
    kind: Kind
    original: str
    stand_in: str


@dataclass(frozen=True)
class Cleaned:
    text: str
    replacements: tuple[Replacement, ...]

    def counts(self) -> dict[Kind, int]:
        """How many of each kind were replaced, in the order of KIND_LABELS."""
        found = dict.fromkeys(KIND_LABELS, 0)
        for replacement in self.replacements:
            found[replacement.kind] += 1
        return {kind: n for kind, n in found.items() if n}


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: Kind
    stand_in: str


def _phone_digits(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    if text.startswith(("+", "00")):
        return 8 <= digits - (2 if text.startswith("00") else 0) <= 15
    return digits == 10  # 0 and nine digits: every Dutch number


class Pseudonymiser:
    """Finds personal data in a text and puts stand-ins in its place (see the module).

    ``roles`` maps the full name of everyone in the program to their stand-in, e.g.
    "Łukasz Wójcik" → "Monteur A". One Pseudonymiser serves many texts; each call
    starts its own lettering of the names it finds after titles.
    """

    def __init__(self, roles: Mapping[str, str]) -> None:
        variants: dict[str, str] = {}
        for full_name, role in roles.items():
            parts = full_name.split()
            if not parts:
                continue
            variants.setdefault(" ".join(parts), role)
            variants.setdefault(parts[0], role)  # first name
            rest = parts[1:]
            if rest:
                variants.setdefault(" ".join(rest), role)  # "van den Berg"
                surname = [p for p in rest if p.casefold() not in PARTICLES]
                if surname:
                    variants.setdefault(" ".join(surname), role)  # "Berg"
        self._roles = {name.casefold(): role for name, role in variants.items()}
        names = sorted(variants, key=len, reverse=True)
        self._people = (
            re.compile(
                r"(?<![\w@])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w@])", re.I
            )
            if names
            else None
        )

    def __call__(self, text: str) -> Cleaned:
        spans: list[_Span] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, kind: Kind, stand_in: str) -> None:
            if all(end <= s or start >= e for s, e in taken):
                spans.append(_Span(start, end, kind, stand_in))
                taken.append((start, end))

        for kind, pattern in (
            (Kind.EMAIL, _EMAIL),
            (Kind.IBAN, _IBAN),
            (Kind.PHONE, _PHONE),
            (Kind.POSTCODE, _POSTCODE),
            (Kind.ADDRESS, _ADDRESS),
            (Kind.NUMBER, _NUMBER),
        ):
            for match in pattern.finditer(text):
                start, end = match.span()
                if kind is Kind.IBAN and not any(c.isdigit() for c in match.group()[4:]):
                    continue
                if kind is Kind.PHONE and not _phone_digits(match.group()):
                    continue
                if kind is Kind.ADDRESS:
                    street = self._street_start(text, match)
                    if street is None:
                        continue
                    start = street
                if kind is Kind.NUMBER and (
                    re.match(r",\d", text[end : end + 2]) or _DATE.fullmatch(match.group())
                ):
                    continue  # an amount (12.500,00) or a date (15-03-2024)
                add(start, end, kind, _(STAND_INS[kind]))
        for span in self._titled_names(text):
            add(span.start, span.end, span.kind, span.stand_in)
        if self._people is not None:
            for match in self._people.finditer(text):
                found = match.group()
                if " " not in found and not found[0].isupper():
                    continue  # "de bakker" is a job, "Bakker" a name
                add(*match.span(), Kind.PERSON, self._roles[found.casefold()])
        return _apply(text, spans)

    @staticmethod
    def _street_start(text: str, match: re.Match[str]) -> int | None:
        """Where the address really starts: the leading capitalised words of a sentence
        ("Gisteren Dorpsstraat 12") are not part of the street."""
        words = list(re.finditer(r"\S+", match.group()))
        street = next(
            i for i, w in enumerate(words) if re.search(rf"(?:{_STREET_ENDINGS})$", w.group())
        )
        if words[street].group().casefold() in _NOT_STREETS:
            return None
        first = 0
        before = text[: match.start()]
        if _SENTENCE_START.search(before) and street > 0:
            first = street  # at a sentence's start only the street word itself is sure
            while first > 0 and words[first - 1].group().casefold() in PARTICLES:
                first -= 1
        return match.start() + words[first].start()

    def _titled_names(self, text: str) -> Iterator[_Span]:
        """The names after a title or role word, then the same names alone, each with
        its stand-in and whether it is a name found here (else someone in the program)."""
        letters: dict[str, str] = {}  # the name's key -> its stand-in when alone
        found: list[_Span] = []
        for title in _TITLE.finditer(text):
            gap = _GAP.match(text, title.end())
            if gap is None:
                continue
            name = _name_at(text, gap.end())
            if name is None:
                continue
            start, end = name
            written = text[start:end]
            role = self._known(written) if title.group().casefold() in TITLES else None
            if role is not None:  # "mevrouw Bakker", and Anouk Bakker works here
                found.append(_Span(title.start(), end, Kind.PERSON, role))
                continue
            key = _name_key(written)
            if key not in letters:
                # (openpyxl's letters, imported here: at start it cost 80 ms, see #34)
                from openpyxl.utils import get_column_letter

                letter = get_column_letter(len(letters) + 1)  # A, B, ..., Z, AA
                letters[key] = f"{' '.join(title.group().split()).lower()} {letter}"
            found.append(_Span(start, end, Kind.NAME, letters[key].split()[-1]))
        yield from found
        for key, stand_in in letters.items():
            for match in _name_pattern(_name_variants(key)).finditer(text):
                alone = stand_in
                if _SENTENCE_START.search(text[: match.start()]):
                    alone = stand_in[0].upper() + stand_in[1:]  # "Mevrouw A wil ..."
                yield _Span(match.start(), match.end(), Kind.NAME, alone)

    def _known(self, written: str) -> str | None:
        return self._roles.get(" ".join(written.split()).casefold())


def _name_at(text: str, position: int) -> tuple[int, int] | None:
    """The name that starts at ``position``: initials, a first name, particles and a
    surname (hyphenated ones too), ending with a capitalised word; None if there is none."""
    tokens: list[tuple[int, int, bool]] = []  # start, end, is a capitalised word
    at = position
    while len(tokens) < 6:
        initials = _INITIALS.match(text, at)
        word = _WORD.match(text, at)
        if initials is not None and (word is None or initials.end() > word.end()):
            tokens.append((initials.start(), initials.end(), False))
            at = initials.end()
        elif word is not None:
            value = word.group()
            if value.casefold() in PARTICLES:
                tokens.append((word.start(), word.end(), False))
            elif value[0].isupper():
                if sum(1 for t in tokens if t[2]) == 3:
                    break
                tokens.append((word.start(), word.end(), True))
                if (
                    len(tokens) > 1
                    and not tokens[-2][2]
                    and not _INITIALS.fullmatch(text[tokens[-2][0] : tokens[-2][1]])
                ):
                    break  # particles, then the surname: "de Vries van het ROC" ends here
            else:
                break
            at = word.end()
        else:
            break
        gap = _GAP.match(text, at)
        if gap is None:
            break
        at = gap.end()
    while tokens and not tokens[-1][2]:
        tokens.pop()  # a name ends with its surname
    return (tokens[0][0], tokens[-1][1]) if tokens else None


def _name_key(written: str) -> str:
    """One name however its particles were written: "De Jong" and "de Jong" alike."""
    return " ".join(w.casefold() if w.casefold() in PARTICLES else w for w in written.split())


def _name_variants(key: str) -> list[str]:
    """How the same person may be named alone later: "Sem de Vries" also as "de Vries",
    "Vries" and "Sem"; "J. Jansen" also as "Jansen". Longest first."""
    words = key.split()
    variants = [key]
    capitals = [i for i, w in enumerate(words) if w.casefold() not in PARTICLES]
    capitals = [i for i in capitals if not _INITIALS.fullmatch(words[i])]
    if len(capitals) >= 2:  # a first name, then the surname with its particles
        variants.append(" ".join(words[capitals[0] + 1 :]))
        variants.append(words[capitals[0]])
    elif capitals and capitals[0] > 0:  # initials or particles before the surname
        variants.append(" ".join(words[capitals[0] :]))
    surname = list(words[capitals[-1] :]) if capitals else []
    variants.append(" ".join(surname))
    return sorted({v for v in variants if v}, key=len, reverse=True)


def _name_pattern(variants: list[str]) -> re.Pattern[str]:
    """The name found after a title, alone elsewhere: particles in any case ("De Jong",
    "de Jong"), the rest as written, so that "Bakker" the name is not "bakker" the job."""

    def one(variant: str) -> str:
        parts = []
        for token in variant.split():
            escaped = re.escape(token)
            parts.append(f"(?i:{escaped})" if token.casefold() in PARTICLES else escaped)
        return r"\s+".join(parts)

    alternatives = "|".join(one(v) for v in variants)
    return re.compile(rf"(?<![\w@])(?:{alternatives})(?![\w@])")


def _apply(text: str, spans: list[_Span]) -> Cleaned:
    pieces: list[str] = []
    replacements: list[Replacement] = []
    at = written = 0
    for span in sorted(spans, key=lambda s: s.start):
        pieces.append(text[at : span.start])
        written += span.start - at
        pieces.append(span.stand_in)
        replacements.append(
            Replacement(
                written,
                written + len(span.stand_in),
                span.kind,
                text[span.start : span.end],
                span.stand_in,
            )
        )
        written += len(span.stand_in)
        at = span.end
    pieces.append(text[at:])
    return Cleaned("".join(pieces), tuple(replacements))
