"""Where do we stand? A scan of the learning perspective and the learning culture.

The 32 characteristics and ten culture traits come from dr. Jos J.M. Baeten, "Hoe ziet
een duurzaam leerperspectief er uit?" (November 2024): his table sets the existing
learning perspective against the sustainable one in five questions (why, how, what,
when, and in which division of roles one learns). A respondent scores each from 1 (the
traditional end) to 5 (the sustainable one), or marks it "not applicable"; the article
calls its table black-and-white, so the questionnaire words both ends of a row about
the same thing, or scores a row as a goal from not reached to fully reached (version 2;
``QUESTIONNAIRE``). A scan holds the forms of one or more anonymous respondents; the
program shows the average and the spread, and compares a scan with the one before it,
marking the rows whose wording changed between their versions.

Next to what people feel, the program's own data measures some characteristics
(``indicators``): each says how it is computed, and a period without data shows "no
data", never 0 %.
"""

from __future__ import annotations

import datetime as dt
import enum
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.formatting import format_number
from werkleren_desktop.domain.training import LearningSplit
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.i18n import N_, _

LOWEST, HIGHEST = 1, 5
LOW_BELOW = 2.5  # an average below this points to the part of the program that helps
TITLE_MAX = 200
REMARK_MAX = 1000
SOURCE = N_(
    "The characteristics come from dr. Jos J.M. Baeten, “Hoe ziet een duurzaam "
    "leerperspectief er uit?” (November 2024): his table of learning perspectives and "
    "the ten characteristics of a learning culture."
)


class Question(enum.StrEnum):
    WHY = "why"
    HOW = "how"
    WHAT = "what"
    WHEN = "when"
    ROLES = "roles"
    CULTURE = "culture"


QUESTION_TITLES: dict[Question, str] = {
    Question.WHY: N_("Why do you learn?"),
    Question.HOW: N_("How do you learn?"),
    Question.WHAT: N_("What do you learn?"),
    Question.WHEN: N_("When do you learn?"),
    Question.ROLES: N_("In which division of roles do you learn?"),
    Question.CULTURE: N_("Learning culture"),
}

QUESTION_SHORT: dict[Question, str] = {
    Question.WHY: N_("Why"),
    Question.HOW: N_("How"),
    Question.WHAT: N_("What"),
    Question.WHEN: N_("When"),
    Question.ROLES: N_("Roles"),
    Question.CULTURE: N_("Culture"),
}


# The questionnaire's versions. Version 1 scored the article's table as it stands: a row
# ran from the existing perspective's text to the sustainable one's, though in some rows
# both ends said the same (1, 2) or spoke of different things (44). Version 2 words both
# ends of a row about the same thing, from "traditional" to "sustainable", and scores a
# row whose existing side has no counterpart as a goal, from not reached to fully reached.
# A scan keeps the version its forms were filled in with; comparing scans of different
# versions marks the rows whose wording changed (``changed_between``).
QUESTIONNAIRE = 2  # what new scans use
QUESTIONNAIRE_NAMES: dict[int, str] = {
    1: N_("version 1: the article's table as it stands (earlier scans)"),
    2: N_("version 2: both ends of a row describe the same thing"),
}


@dataclass(frozen=True)
class Ends:
    """What a 1 and a 5 mean (untranslated); ``goal`` names what a goal row is about."""

    low: str
    high: str
    goal: str = ""


def _goal(text: str) -> Ends:
    return Ends(N_("not reached (yet)"), N_("fully reached"), text)


@dataclass(frozen=True)
class Characteristic:
    """One line of the scan. ``existing`` is None where the existing perspective has
    no counterpart (the characteristic is simply not there yet)."""

    key: str  # "1" … "46" as numbered in the source; culture traits "C1" … "C10"
    question: Question
    sustainable: str  # English source text; translate where shown
    existing: str | None = None

    @property
    def is_culture(self) -> bool:
        return self.question is Question.CULTURE

    def ends(self, version: int = QUESTIONNAIRE) -> Ends:
        """What a 1 and a 5 mean in questionnaire ``version`` (untranslated)."""
        if self.is_culture:
            return Ends(N_("hardly recognisable here"), N_("fully recognisable here"))
        if version >= 2 and self.key in ENDS_2:
            return ENDS_2[self.key]
        return Ends(self.existing or N_("not (yet) present"), self.sustainable)

    def goal(self, version: int = QUESTIONNAIRE) -> str:
        """The goal a row scores as reached or not, translated; "" for a scale."""
        goal = self.ends(version).goal
        return _(goal) if goal else ""

    def low_end(self, version: int = QUESTIONNAIRE) -> str:
        """What a 1 means, translated."""
        return _(self.ends(version).low)

    def high_end(self, version: int = QUESTIONNAIRE) -> str:
        """What a 5 means, translated."""
        return _(self.ends(version).high)

    def label(self) -> str:
        """The short label, translated: the sustainable side, or the culture trait."""
        return _(self.sustainable)

    def description(self) -> str:
        """A culture trait as the article describes it, translated; "" for the others."""
        found = CULTURE_DESCRIPTIONS.get(self.key)
        return _(found) if found else ""


def _items(question: Question, rows: Iterable[tuple[str, str | None, str]]) -> list[Characteristic]:
    return [
        Characteristic(key, question, sustainable, existing) for key, existing, sustainable in rows
    ]


CHARACTERISTICS: tuple[Characteristic, ...] = (
    *_items(
        Question.WHY,
        [
            (
                "1",
                N_("qualification and sustainable employability"),
                N_("qualification and sustainable employability"),
            ),
            ("2", N_("appreciation and reward"), N_("appreciation and reward")),
            ("3", None, N_("a different role and a more critical attitude")),
            ("4", None, N_("a better working climate")),
            ("5", None, N_("more inclusiveness, also across generations")),
            ("6", None, N_("a contribution to societal issues")),
        ],
    ),
    *_items(
        Question.HOW,
        [
            (
                "11",
                N_("the way the organisation chooses"),
                N_("appealing (energy, meaning, vitality)"),
            ),
            ("12", None, N_("development-oriented talent development")),
            (
                "13",
                N_("formal training dominant"),
                N_("professionalisation with workplace learning dominant"),
            ),
            ("14", N_("supply-driven"), N_("demand-driven")),
            ("15", N_("oriented towards courses"), N_("a comfortable learning environment")),
            ("16", N_("attractive learning and working methods"), N_("appealing working methods")),
            (
                "17",
                N_("well-organised learning interventions"),
                N_("work-learning situations partly created oneself"),
            ),
            ("18", None, N_("integration with AI")),
            ("19", N_("valid transfer of knowledge"), N_("critical acquisition of knowledge")),
            (
                "20",
                N_("(external) experienced trainers"),
                N_("experienced colleagues and experts"),
            ),
        ],
    ),
    *_items(
        Question.WHAT,
        [
            ("21", N_("competences the organisation needs"), N_("improving work situations")),
            ("22", N_("fixed content decided beforehand"), N_("innovating work situations")),
            (
                "23",
                N_("depends on the reflex to send people on courses"),
                N_("performing better oneself"),
            ),
            ("24", N_("knowledge and above all skills"), N_("tailor-made, liquid content")),
            (
                "25",
                N_("knowledge and skills the organisation initiates"),
                N_("knowledge and skills the professional wants"),
            ),
        ],
    ),
    *_items(
        Question.WHEN,
        [
            ("31", N_("partly in working time, partly in private time"), N_("in working time")),
            ("32", None, N_("just in time")),
            (
                "33",
                N_("when the organisation says so"),
                N_("fitting one's career and talent development"),
            ),
            ("34", N_("depends on planning"), N_("when work situations give cause")),
            ("35", None, N_("mainly during vital week cycles")),
        ],
    ),
    *_items(
        Question.ROLES,
        [
            ("41", N_("very diverse"), N_("a perfectly clear division of roles")),
            (
                "42",
                N_("the division of roles has grown gradually"),
                N_("initiative with the professional"),
            ),
            ("43", None, N_("shared ownership")),
            (
                "44",
                N_("often outsourced to training firms or content suppliers (e-learning)"),
                N_("a talent-development conversation every six months"),
            ),
            (
                "45",
                N_("initiative and organisation with HR/L&D or the manager"),
                N_("HR and L&D record and guide professionalisation"),
            ),
            ("46", None, N_("accountability, also by the manager")),
        ],
    ),
    *_items(
        Question.CULTURE,
        [
            ("C1", None, N_("Openness and transparency")),
            ("C2", None, N_("Continuous learning and development")),
            ("C3", None, N_("Mistakes seen as learning moments")),
            ("C4", None, N_("Collaboration and knowledge sharing")),
            ("C5", None, N_("Support from leadership")),
            ("C6", None, N_("Valuing innovation")),
            ("C7", None, N_("Feedback as a core part")),
            ("C8", None, N_("Talent development and well-being")),
            ("C9", None, N_("Learning systematically from experience")),
            ("C10", None, N_("A proactive attitude to change")),
        ],
    ),
)

BY_KEY: dict[str, Characteristic] = {c.key: c for c in CHARACTERISTICS}

# Version 2 of the rows that changed; the others (31, 33, 34 and the culture traits)
# already described one thing at both ends and read as in version 1
ENDS_2: dict[str, Ends] = {
    "1": _goal(N_("Learning keeps everyone qualified and employable for the long term.")),
    "2": _goal(N_("Learning is appreciated and rewarded.")),
    "3": _goal(N_("Learning gives people a different role and a more critical attitude.")),
    "4": _goal(N_("Learning makes the working climate better.")),
    "5": _goal(N_("Learning makes us more inclusive, also across generations.")),
    "6": _goal(N_("Learning contributes to questions in society.")),
    "11": Ends(
        N_("learning goes the way the organisation chooses"),
        N_("learning appeals: it gives energy and meaning and keeps us vital"),
    ),
    "12": _goal(N_("Talent development looks at how each person can develop further.")),
    "13": Ends(
        N_("formal training (courses, instruction) is most of our learning"),
        N_("learning at the workplace is most of our learning; training adds to it"),
    ),
    "14": Ends(
        N_("what we learn follows what is on offer (supply-driven)"),
        N_("what we learn follows what professionals ask for (demand-driven)"),
    ),
    "15": Ends(
        N_("we learn mostly in courses, away from the work"),
        N_("we learn in a comfortable learning environment close to the work"),
    ),
    "16": Ends(
        N_("trainers choose attractive methods for a course"),
        N_("working methods that appeal to us, in our own work"),
    ),
    "17": Ends(
        N_("learning comes as well-organised interventions planned for us"),
        N_("we partly create our own work-learning situations"),
    ),
    "18": _goal(N_("AI is part of how we learn, and we check what it says.")),
    "19": Ends(
        N_("knowledge is handed to us as valid"),
        N_("we acquire knowledge critically and check it"),
    ),
    "20": Ends(
        N_("(external) experienced trainers teach us"),
        N_("experienced colleagues and experts help us"),
    ),
    "21": Ends(
        N_("what we learn starts from competences the organisation needs"),
        N_("what we learn starts from improving our work situations"),
    ),
    "22": Ends(
        N_("the content is fixed and decided beforehand"),
        N_("the content comes from innovating our work situations"),
    ),
    "23": Ends(
        N_("what we learn depends on the reflex to send someone on a course"),
        N_("what we learn is what helps each of us perform better"),
    ),
    "24": Ends(
        N_("the same knowledge and above all skills for everyone"),
        N_("tailor-made, liquid content that moves with the work"),
    ),
    "25": Ends(
        N_("the organisation decides which knowledge and skills"),
        N_("the professional decides which knowledge and skills they want"),
    ),
    "32": Ends(
        N_("we learn when a course comes along, often long after the need"),
        N_("we learn just in time, when the need arises"),
    ),
    "35": _goal(N_("We learn mainly during vital week cycles: an hour a day, four days in a row.")),
    "41": Ends(
        N_("who does what in learning is very diverse and unclear"),
        N_("who does what in learning is perfectly clear"),
    ),
    "42": Ends(
        N_("who takes the initiative has grown gradually, mostly the organisation"),
        N_("the initiative lies with the professional"),
    ),
    "43": _goal(N_("Ownership of learning is shared by professionals and managers.")),
    "44": _goal(N_("Everyone has a talent-development conversation every six months.")),
    "45": Ends(
        N_("HR/L&D or the manager takes the initiative and organises learning"),
        N_("HR and L&D (here: the owner) record and guide the professionals' learning"),
    ),
    "46": _goal(N_("Everyone accounts for their learning, managers too.")),
}


def changed_between(version: int, other: int) -> frozenset[str]:
    """The characteristics whose wording differs between two questionnaire versions:
    where a comparison of their scores asks for care."""
    return frozenset(c.key for c in CHARACTERISTICS if c.ends(version) != c.ends(other))


# The ten culture traits as the article describes them (its section on a learning culture
# that fits a sustainable learning perspective); the Dutch catalogue holds its own words
CULTURE_DESCRIPTIONS: dict[str, str] = {
    "C1": N_(
        "Open communication is encouraged. Professionals feel free to ask questions, "
        "admit mistakes and share ideas without fear of negative repercussions. "
        "Transparency about goals, performance and mistakes contributes to a learning "
        "environment where everyone can grow."
    ),
    "C2": N_(
        "There is a continuous focus on learning, both formal and informal. This includes"
        " professional development, access to training, courses and learning resources, "
        "and encouraging self-directed learning. Learning is seen as an ongoing process."
    ),
    "C3": N_(
        "Instead of punishing mistakes, a learning culture sees them as chances to learn "
        "and improve. This helps develop a mindset in which experimenting and innovation "
        "are encouraged."
    ),
    "C4": N_(
        "Professionals are encouraged to work together, share knowledge and learn from "
        "each other. Teamwork and interdisciplinary collaboration are usual."
    ),
    "C5": N_(
        "Leaders play an active role in furthering a learning culture by setting a good "
        "example themselves, supporting learning activities and investing in the "
        "development of their teams. Leadership aims at enabling growth rather than only "
        "steering performance."
    ),
    "C6": N_(
        "The focus is on innovation and on developing new ideas and processes. The "
        "organisation encourages professionals to think creatively and to explore new "
        "approaches, which leads to continuous improvement and adaptation to changing "
        "circumstances."
    ),
    "C7": N_(
        "Regular, constructive feedback is an essential part of the learning culture. "
        "Feedback is seen not only as something between professionals and from manager to"
        " professional, but as a two-way process in which everyone takes part."
    ),
    "C8": N_(
        "Great importance is attached to the personal development and the well-being of "
        "professionals. The professional is responsible for their own talent development "
        "and for the balance between work and private life, which adds to overall "
        "satisfaction and motivation."
    ),
    "C9": N_(
        "The organisation learns systematically from experience, from successes as well "
        "as failures. This means there are processes to document, share and apply lessons"
        " learned in future projects."
    ),
    "C10": N_(
        "In a learning culture change is seen as an opportunity rather than a threat. "
        "Professionals are prepared for and open to change, and the organisation invests "
        "in developing the skills needed to deal effectively with new challenges."
    ),
}


def of_question(question: Question) -> list[Characteristic]:
    return [c for c in CHARACTERISTICS if c.question is question]


# --- What helps where a characteristic scores low -----------------------------------

# area key of the program -> what to do there; every characteristic has one
HELP: dict[str, tuple[str, str]] = {
    "groups": ("groups", N_("Form learning groups of young and old and look at their mix.")),
    "experts": ("groups", N_("Put an experienced colleague or expert on call for each group.")),
    "cycles": ("cycles", N_("Plan vital week cycles: one hour a day, four days in a row.")),
    "log": ("situations", N_("Log learning from real work situations as they happen.")),
    "ai": ("situations", N_("Note in each situation how AI helped and how it was checked.")),
    "questions": (
        "situations",
        N_("Use the guiding questions (Settings › Guiding questions) to learn critically."),
    ),
    "conversations": (
        "conversations",
        N_("Hold the talent-development conversations that are due, twice a year."),
    ),
    "agreements": (
        "conversations",
        N_("Account for the open agreements of both sides in the next conversation."),
    ),
    "training": ("training", N_("Record formal training, with budgets and certificates.")),
    "overview": ("overview", N_("Review the yearly overview of all learning together.")),
    "people": ("people", N_("Give everyone a direct manager, so the roles are clear.")),
    "requests": (
        "people",
        N_(
            "Let professionals ask for the training, group or expert they want (learning "
            "requests on their page), and answer each one."
        ),
    ),
    "initiative": (
        "situations",
        N_("Let professionals bring in their own work situations, and note who brought each in."),
    ),
    "cause": (
        "situations",
        N_("Start a week cycle from a situation when the work gives cause."),
    ),
    "mistakes": (
        "situations",
        N_(
            "Log mistakes and near misses as learning situations (tick “It began with a "
            "mistake or a near miss”): what made them possible and what changes, not who is "
            "to blame."
        ),
    ),
    "feedback": (
        "conversations",
        N_(
            "In the talent conversation, ask for feedback both ways: to the professional and "
            "to the manager."
        ),
    ),
    "lessons": (
        "agreements",
        N_(
            "Make what a situation or a week cycle taught into a work agreement everyone can "
            "find, with whom to ask."
        ),
    ),
}

POINTERS: dict[str, str] = {
    "1": "training",
    "2": "conversations",
    "3": "questions",
    "4": "cycles",
    "5": "groups",
    "6": "log",
    "11": "cycles",
    "12": "conversations",
    "13": "log",
    "14": "requests",
    "15": "cycles",
    "16": "cycles",
    "17": "initiative",
    "18": "ai",
    "19": "questions",
    "20": "experts",
    "21": "log",
    "22": "log",
    "23": "log",
    "24": "training",
    "25": "requests",
    "31": "cycles",
    "32": "log",
    "33": "conversations",
    "34": "cause",
    "35": "cycles",
    "41": "people",
    "42": "initiative",
    "43": "agreements",
    "44": "conversations",
    "45": "overview",
    "46": "agreements",
    "C1": "questions",
    "C2": "overview",
    "C3": "mistakes",
    "C4": "groups",
    "C5": "agreements",
    "C6": "log",
    "C7": "feedback",
    "C8": "cycles",
    "C9": "lessons",
    "C10": "training",
}


def pointer(key: str) -> tuple[str, str]:
    """The area of the program that helps with characteristic ``key``, and what to do
    there (translated)."""
    area, advice = HELP[POINTERS[key]]
    return area, _(advice)


# --- Answers and their validation ----------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One respondent's answer on one characteristic: a score, "not applicable", or
    only a remark (the score left open)."""

    score: int | None = None
    not_applicable: bool = False
    remark: str = ""

    @property
    def is_empty(self) -> bool:
        return self.score is None and not self.not_applicable and not self.remark.strip()


def clean_answers(answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers worth keeping, checked; raises ValidationError naming the first
    characteristic that is wrong."""
    cleaned: dict[str, Answer] = {}
    for key, answer in answers.items():
        if key not in BY_KEY:
            raise ValidationError(_("The scan has no characteristic {key}.").format(key=key))
        remark = answer.remark.strip()
        if answer.score is not None and not LOWEST <= answer.score <= HIGHEST:
            raise ValidationError(
                _("Characteristic {key}: a score goes from {low} to {high}.").format(
                    key=key, low=LOWEST, high=HIGHEST
                ),
                key,
            )
        if answer.score is not None and answer.not_applicable:
            raise ValidationError(
                _("Characteristic {key}: choose a score or “not applicable”, not both.").format(
                    key=key
                ),
                key,
            )
        if len(remark) > REMARK_MAX:
            raise ValidationError(
                _("Characteristic {key}: keep the remark under {n} characters.").format(
                    key=key, n=REMARK_MAX
                ),
                key,
            )
        answer = Answer(answer.score, answer.not_applicable, remark)
        if not answer.is_empty:
            cleaned[key] = answer
    if not any(a.score is not None or a.not_applicable for a in cleaned.values()):
        raise ValidationError(_("Score at least one characteristic before saving the form."))
    return cleaned


@dataclass(frozen=True)
class ScanInput:
    held_on: dt.date
    title: str
    note: str = ""
    questionnaire: int = QUESTIONNAIRE

    def validated(self, today: dt.date) -> ScanInput:
        if self.questionnaire not in QUESTIONNAIRE_NAMES:
            raise ValidationError(
                _("The program knows no questionnaire version {n}.").format(n=self.questionnaire),
                "questionnaire",
            )
        title = " ".join(self.title.split())
        if not title:
            raise ValidationError(
                _("Give the scan a name, for example “Team session spring”."), "title"
            )
        if len(title) > TITLE_MAX:
            raise ValidationError(
                _("Keep the name under {n} characters.").format(n=TITLE_MAX), "title"
            )
        if self.held_on > today:
            raise ValidationError(
                _("A scan records where you stand: its date cannot be in the future."), "held_on"
            )
        return ScanInput(self.held_on, title, self.note.strip(), self.questionnaire)


# --- Results -------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemResult:
    """What the respondents said on one characteristic."""

    key: str
    scores: tuple[int, ...] = ()
    not_applicable: int = 0
    remarks: tuple[str, ...] = ()

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def lowest(self) -> int | None:
        return min(self.scores) if self.scores else None

    @property
    def highest(self) -> int | None:
        return max(self.scores) if self.scores else None

    @property
    def deviation(self) -> float | None:
        """The standard deviation: how far respondents lie apart (0 when they agree)."""
        return statistics.pstdev(self.scores) if len(self.scores) >= 2 else None

    def counts(self) -> list[int]:
        """How many respondents gave 1, 2, 3, 4 and 5."""
        return [self.scores.count(score) for score in range(LOWEST, HIGHEST + 1)]

    @property
    def is_low(self) -> bool:
        mean = self.mean
        return mean is not None and mean < LOW_BELOW


def item_results(responses: Sequence[Mapping[str, Answer]]) -> dict[str, ItemResult]:
    """Every characteristic, in order, with the answers of all respondents."""
    results: dict[str, ItemResult] = {}
    for c in CHARACTERISTICS:
        answers = [r[c.key] for r in responses if c.key in r]
        results[c.key] = ItemResult(
            c.key,
            tuple(a.score for a in answers if a.score is not None),
            sum(a.not_applicable for a in answers),
            tuple(a.remark for a in answers if a.remark),
        )
    return results


def question_mean(results: Mapping[str, ItemResult], question: Question) -> float | None:
    """The average of a question's characteristics that were scored (each counts once,
    however many respondents scored it)."""
    means = [m for c in of_question(question) if (m := results[c.key].mean) is not None]
    return statistics.fmean(means) if means else None


def perspective_mean(results: Mapping[str, ItemResult]) -> float | None:
    """The average over the 32 characteristics of the learning perspective."""
    means = [
        m for c in CHARACTERISTICS if not c.is_culture and (m := results[c.key].mean) is not None
    ]
    return statistics.fmean(means) if means else None


def difference(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else now - before


# --- Measured indicators -------------------------------------------------------------

JUST_IN_TIME_DAYS = 2  # logged at most this many days after it happened
CONVERSATION_MONTHS = 6


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    @classmethod
    def months_before(cls, day: dt.date, months: int) -> Period:
        """The ``months`` months up to and including ``day``."""
        return cls(add_months(day, -months) + dt.timedelta(days=1), day)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))


@dataclass(frozen=True)
class Facts:
    """What the program's data says about a period: counts, gathered by the service."""

    situations: int = 0
    situations_just_in_time: int = 0
    situations_with_ai: int = 0
    situations_consulted: int = 0
    situations_improving: int = 0
    situations_innovating: int = 0
    learning_minutes: int = 0  # all: situations, attended cycle sessions, formal training
    learning_minutes_in_working_time: int = 0
    situation_minutes: int = 0  # the time logged with situations, once per learner
    cycle_minutes: int = 0  # week-cycle sessions attended
    cycle_situation_minutes: int = 0  # situations logged during one of their group's cycles
    training_minutes: int = 0  # formal training that was not cancelled
    groups_known: int = 0  # groups with two or more members whose birth year is known
    groups_mixed: int = 0
    situations_brought_in: int = 0  # raised by a professional (ingebracht door)
    situations_from_mistake: int = 0  # began with a mistake or a near miss
    requests: int = 0  # learning requests asked in the period: always the professional's
    people: int = 0  # in service on the last day, with a manager (who is due a conversation)
    people_with_conversation: int = 0
    manager_agreements_reviewed: int = 0
    manager_agreements_kept: int = 0


class Unit(enum.StrEnum):
    SITUATIONS = "situations"
    HOURS = "hours"
    GROUPS = "groups"
    PEOPLE = "people"
    AGREEMENTS = "agreements"
    INITIATIVES = "initiatives"  # situations and learning requests


@dataclass(frozen=True)
class Indicator:
    key: str  # the characteristic it measures
    part: int
    whole: int
    unit: Unit
    how: str = field(default="", compare=False)  # translated explanation
    note: str = field(default="", compare=False)  # a warning the figure gives cause to

    @property
    def share(self) -> float | None:
        """The part of the whole, 0–1; None when there is nothing to measure."""
        return self.part / self.whole if self.whole else None

    def counted(self) -> str:
        """ "12 of 40 situations", translated; "no data" when there is nothing."""
        if not self.whole:
            return _("no data")
        if self.unit is Unit.HOURS:
            return _("{part} of {whole} hours").format(
                part=format_number(round(self.part / 60)),
                whole=format_number(round(self.whole / 60)),
            )
        template = {
            Unit.SITUATIONS: N_("{part} of {whole} situations"),
            Unit.GROUPS: N_("{part} of {whole} groups"),
            Unit.PEOPLE: N_("{part} of {whole} people"),
            Unit.AGREEMENTS: N_("{part} of {whole} agreements"),
            Unit.INITIATIVES: N_("{part} of {whole} situations and requests"),
        }[self.unit]
        return _(template).format(part=self.part, whole=self.whole)


INDICATOR_HOW: dict[str, str] = {
    "5": N_(
        "Learning groups active in the period whose members (with a known birth year) "
        "come from more than one generation, of all such groups with two or more members "
        "whose birth year is known."
    ),
    "13": N_(
        "Learning hours in and around the work (the time logged with work situations and "
        "the week-cycle sessions people attended), of all learning hours of the period, "
        "formal training included; person-hours, as in the yearly overview."
    ),
    "18": N_("Learning situations of the period in which AI was used, of all situations."),
    "20": N_(
        "Learning situations of the period in which a colleague or an outside expert was "
        "consulted, of all situations."
    ),
    "21": N_("Learning situations of the period about improving work, of all situations."),
    "22": N_("Learning situations of the period about innovating work, of all situations."),
    "31": N_(
        "Learning hours in working time, of all learning hours of the period: the time "
        "logged with situations, formal training that was not cancelled, and the week "
        "cycle sessions people attended (always working time); person-hours, as in the "
        "yearly overview."
    ),
    "32": N_(
        "Learning situations logged at most two days after they happened, of all "
        "situations of the period."
    ),
    "35": N_(
        "Learning hours in week cycles (the sessions people attended and the work "
        "situations logged during one of their group's cycles), of all learning hours of "
        "the period; person-hours, as in the yearly overview."
    ),
    "42": N_(
        "Learning situations brought in by a professional (also when someone else typed "
        "them in) and learning requests, which are always the professional's own, of all "
        "situations and requests of the period."
    ),
    "44": N_(
        "People in service with a manager on the last day of the period who held a "
        "talent-development conversation in the six months up to that day, of everyone in "
        "service with a manager (someone without one is never due)."
    ),
    "C3": N_(
        "Learning situations that began with a mistake or a near miss, of all situations: "
        "mistakes logged as learning moments. There is no norm; none at all can also mean "
        "that nobody logs them yet."
    ),
    "46": N_(
        "Agreements for the manager (or for both) accounted for in a conversation held in "
        "the period that were done, of all such agreements accounted for."
    ),
}


def indicators(facts: Facts) -> dict[str, Indicator]:
    """The measured indicators, by the characteristic they measure, in scan order."""
    f = facts
    in_and_around = f.situation_minutes + f.cycle_minutes
    found = {
        "5": (f.groups_mixed, f.groups_known, Unit.GROUPS),
        "13": (in_and_around, f.learning_minutes, Unit.HOURS),
        "18": (f.situations_with_ai, f.situations, Unit.SITUATIONS),
        "20": (f.situations_consulted, f.situations, Unit.SITUATIONS),
        "21": (f.situations_improving, f.situations, Unit.SITUATIONS),
        "22": (f.situations_innovating, f.situations, Unit.SITUATIONS),
        "31": (f.learning_minutes_in_working_time, f.learning_minutes, Unit.HOURS),
        "32": (f.situations_just_in_time, f.situations, Unit.SITUATIONS),
        "35": (f.cycle_minutes + f.cycle_situation_minutes, f.learning_minutes, Unit.HOURS),
        "42": (
            f.situations_brought_in + f.requests,
            f.situations + f.requests,
            Unit.INITIATIVES,
        ),
        "44": (f.people_with_conversation, f.people, Unit.PEOPLE),
        "46": (f.manager_agreements_kept, f.manager_agreements_reviewed, Unit.AGREEMENTS),
        "C3": (f.situations_from_mistake, f.situations, Unit.SITUATIONS),
    }
    notes = {"13": formal_dominant(f)}
    return {
        c.key: Indicator(
            c.key, *found[c.key], how=_(INDICATOR_HOW[c.key]), note=notes.get(c.key, "")
        )
        for c in CHARACTERISTICS
        if c.key in found
    }


def formal_dominant(facts: Facts) -> str:
    """The warning of the period's learning split (``LearningSplit.formal_dominates``),
    for characteristic 13."""
    return LearningSplit(
        facts.situation_minutes, facts.cycle_minutes, facts.training_minutes
    ).formal_dominates()


def format_score(value: float | None, language: str) -> str:
    """An average as "3,4" (one decimal, the language's comma); "–" when unscored."""
    if value is None:
        return "–"
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if language == "nl" else shown


def format_difference(value: float | None, language: str) -> str:
    """A change as "+0,6" or "−0,3"; empty when there is nothing to compare."""
    if value is None:
        return ""
    if round(value, 1) == 0:
        return format_score(0.0, language)
    sign = "+" if value > 0 else "−"
    return sign + format_score(abs(value), language)


def format_share(share: float | None) -> str:
    """A share as "35 %"; "no data" where nothing was measured (never "0 %")."""
    if share is None:
        return _("no data")
    return f"{round(share * 100)} %"
