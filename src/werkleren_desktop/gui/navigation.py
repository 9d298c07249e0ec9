"""The areas of the program, in the order of the sidebar and the View menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from werkleren_desktop.i18n import N_

if TYPE_CHECKING:
    from werkleren_desktop.domain.users import Seat


@dataclass(frozen=True)
class Area:
    key: str
    title: str  # English source text; translate where shown
    summary: str
    description: str


HOME = Area("home", N_("Home"), N_("The organisation at a glance."), "")

AREAS: tuple[Area, ...] = (
    HOME,
    Area(
        "people",
        N_("People"),
        N_("The people of the organisation and their direct manager."),
        N_(
            "Keep the people of the organisation: their job, their direct manager, when "
            "they joined and left. Leaving is recorded with a date, so their learning "
            "history stays in the yearly overview."
        ),
    ),
    Area(
        "groups",
        N_("Learning groups"),
        N_("Small groups of young and old who learn together."),
        N_(
            "A leergroep is a small group of three to six colleagues who form it "
            "themselves, mixing generations, with an experienced colleague or expert on "
            "call. Here you see each group's members and its mix."
        ),
    ),
    Area(
        "cycles",
        N_("Week cycles"),
        N_("Four consecutive working days, one hour a day."),
        N_(
            "In a vitale weekcyclus a group meets one hour a day on four consecutive "
            "working days, in a comfortable space, with attention to meaning and vitality. "
            "The program plans around weekends, public holidays and your closing days."
        ),
    ),
    Area(
        "situations",
        N_("Learning situations"),
        N_("Learning from real situations at work, logged as it happens."),
        N_(
            "Professionals learn by analysing, improving and innovating their own work "
            "situations, often with AI and with a colleague on call. Logging them makes "
            "this learning visible, so that it counts."
        ),
    ),
    Area(
        "agreements",
        N_("Work agreements"),
        N_("What the work taught: agreements and instructions, and whom to ask."),
        N_(
            "A learning culture documents, shares and applies its lessons. An outcome of a "
            "work situation or a week cycle becomes a work agreement or an instruction that "
            "everyone can find, saying where it came from and whom to ask."
        ),
    ),
    Area(
        "training",
        N_("Training"),
        N_("Formal training with hours, cost and budget."),
        N_(
            "Courses, e-learning and certifications still have their place. Record hours "
            "and cost, whether the training is required for the job, and when "
            "certificates expire."
        ),
    ),
    Area(
        "conversations",
        N_("Conversations"),
        N_("Twice-yearly talent-development conversations."),
        N_(
            "Twice a year a professional and the direct manager hold a "
            "talentontwikkelgesprek: talents, learning wishes and agreements for both "
            "sides. Print a preparation form and a signed record."
        ),
    ),
    Area(
        "overview",
        N_("Yearly overview"),
        N_("All learning of a year, to print and to open in a spreadsheet."),
        N_(
            "Once a year, everything learned at a glance: workplace learning, learning "
            "with others and formal training per person, with budgets, for the accounts, "
            "a training fund or the works council."
        ),
    ),
    Area(
        "scans",
        N_("Where do we stand?"),
        N_("Scans of the learning perspective and culture, compared over time."),
        N_(
            "Where does the organisation stand between the existing and the sustainable "
            "learning perspective? Score it alone or with the team, see it next to what "
            "the program measures, and compare with the last scan."
        ),
    ),
)

# Mijn leren: what a manager or a professional signed in to a shared server sees, their
# own part in the same window (docs/roles.md); the server keeps every record within the
# role's limits whatever the window asks
MY_AREAS: tuple[Area, ...] = (
    Area(
        "my_home",
        N_("My learning"),
        N_("What waits for you today."),
        "",
    ),
    Area(
        "my_situations",
        N_("My learning situations"),
        N_("Learning from your own work, logged as it happens."),
        N_(
            "Log a situation at work the moment it happens: what happened, the guiding "
            "questions, what you tried and who you consulted. It counts as learning."
        ),
    ),
    Area(
        "my_agreements",
        N_("Work agreements"),
        N_("What the work taught: agreements and instructions, and whom to ask."),
        N_(
            "The organisation's work agreements and instructions, each with where it came "
            "from and whom to ask. Search them by a word, a name or a situation."
        ),
    ),
    Area(
        "my_conversation",
        N_("My conversation"),
        N_("Your talent conversation: your preparation and what was agreed."),
        N_(
            "Prepare your next talent conversation in your own words and share it with your "
            "manager when you are ready. See what was agreed and said, and say how your "
            "agreements went, with a note."
        ),
    ),
    Area(
        "my_requests",
        N_("Learning requests"),
        N_("Ask for training, a learning group or an expert."),
        N_(
            "Ask your manager for training, a place in a learning group or an expert to "
            "learn from. The answer and what came of it stay here for both of you and "
            "come up in your next talent conversation."
        ),
    ),
    Area(
        "my_groups",
        N_("My groups and week cycles"),
        N_("Your learning groups, their sessions and your check-in."),
        N_(
            "The learning groups you are in and the sessions of their week cycles. After "
            "a session, say how it went for you: your energy and what it meant."
        ),
    ),
    Area(
        "my_training",
        N_("My training"),
        N_("Your training, certificates and what is left of your budget."),
        N_(
            "The formal training planned and done for you, the certificates and when they "
            "expire, and what is left of this year's training budget."
        ),
    ),
)


# what a manager holds for their team besides: the people who report to them, their
# groups and week cycles, and the talent conversations with them (the server shows
# them no other team's)
TEAM_AREAS: tuple[Area, ...] = (
    Area(
        "team_people",
        N_("My team"),
        N_("The people who report to you and where their learning stands."),
        N_(
            "The people who report to you, directly or through others: their learning groups, "
            "this half year's talent conversation, open agreements and requests, what they "
            "learned at work this year, their training and budget, and how the week cycles "
            "went for them."
        ),
    ),
    Area(
        "team_groups",
        N_("Groups and week cycles of my team"),
        N_("The learning groups your team is in, their sessions and your team's check-ins."),
        N_(
            "The learning groups the people of your team are in and the sessions of their "
            "week cycles. After a session, record who of your team was there and how it went "
            "for them."
        ),
    ),
    Area(
        "team_conversations",
        N_("Conversations with my team"),
        N_("The talent conversations with the people who report to you."),
        N_(
            "Plan, prepare, hold and sign the talent conversations with the people who "
            "report to you, directly or through others. What they prepared shows once they "
            "shared it; the agreements follow from one conversation to the next."
        ),
    ),
)


def areas_for(seat: Seat | None) -> tuple[Area, ...]:
    """The areas of the sidebar: everything for a beheerder or the laptop's owner
    (``seat`` None), Mijn leren for a professional, and for a manager besides their
    team, its groups and week cycles, and the conversations with it."""
    if seat is None:
        return AREAS
    return (*MY_AREAS, *TEAM_AREAS) if seat.manages else MY_AREAS
