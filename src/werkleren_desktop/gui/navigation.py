"""The areas of the program, in the order of the sidebar and the View menu."""

from __future__ import annotations

from dataclasses import dataclass

from werkleren_desktop.i18n import N_


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
