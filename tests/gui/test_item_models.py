"""Every list model on its own, without a window: what each cell says, the colours and
alignment that carry meaning, and filters. Each model is also run through Qt's own
QAbstractItemModelTester, which checks that it keeps the rules of Qt's model API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester

from tests.conftest import TODAY
from werkleren_desktop.domain.constants import (
    AgreementOwner,
    AgreementStatus,
    GroupStatus,
    SituationKind,
    SituationStatus,
    TrainingForm,
    TrainingStatus,
)
from werkleren_desktop.domain.conversations import DueStatus
from werkleren_desktop.domain.organisation import ClosingPeriodInput
from werkleren_desktop.domain.people_import import Problem
from werkleren_desktop.domain.scans import CHARACTERISTICS, ItemResult, Period
from werkleren_desktop.domain.training import PersonYear
from werkleren_desktop.services.conversations import AgreementView, ConversationRow, DueRow
from werkleren_desktop.services.cycles import CycleRow
from werkleren_desktop.services.groups import GroupRow
from werkleren_desktop.services.people_import import PlannedRow, RowStatus
from werkleren_desktop.services.situations import SituationOrder, SituationRow
from werkleren_desktop.services.training import BudgetRow, CertificateRow, TrainingRow

D = dt.date
Model = TypeVar("Model", bound=QAbstractItemModel)
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
FOREGROUND, ALIGNMENT = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@pytest.fixture
def checked(qtmodeltester: ModelTester) -> Callable[[Model], Model]:
    """A model under Qt's model tester (through pytest-qt), which watches every later
    change of it and fails the test at the first broken rule of Qt's model API (rows
    inserted without announcing them, bad indexes, wrong parents, ...)."""

    def check(model: Model) -> Model:
        qtmodeltester.check(model)
        return model

    return check


def cells(model: QAbstractItemModel, row: int = 0) -> list[str]:
    return [model.data(model.index(row, c), DISPLAY) for c in range(model.columnCount())]


def headers(model: QAbstractItemModel) -> list[str]:
    return [
        model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())
    ]


def colour(model: QAbstractItemModel, row: int, column: int) -> str | None:
    value = model.data(model.index(row, column), FOREGROUND)
    if value is None:
        return None
    return (value.color() if isinstance(value, QBrush) else value).name()


def test_situations(checked) -> None:
    from werkleren_desktop.gui.situations.table_model import SituationsTableModel

    model = checked(SituationsTableModel())
    model.show_rows(
        [
            SituationRow(1, D(2026, 11, 2), "Ketel valt uit", SituationKind.IMPROVE,
                         SituationStatus.IN_PROGRESS, True, 30, "Fleur de Groot"),
        ]
    )  # fmt: skip
    assert headers(model) == ["Datum", "Titel", "Soort", "Wie", "Status", "AI"]
    assert cells(model) == ["02-11-2026", "Ketel valt uit", "verbeteren", "Fleur de Groot",
                            "bezig", "ja"]  # fmt: skip
    assert model.data(model.index(0, 2), TOOLTIP) == "Een werksituatie verbeteren"
    # a click on a header asks the database to sort, once per change
    asked: list[tuple[SituationOrder, bool]] = []
    model.sort_changed.connect(lambda: asked.append((model.order, model.descending)))
    model.sort(3, Qt.SortOrder.AscendingOrder)
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert asked == [(SituationOrder.WHO, False)]


def test_cycles_filter_by_group_and_period(checked) -> None:
    from werkleren_desktop.gui.cycles.table_model import CyclesTableModel, PeriodFilter

    model = checked(CyclesTableModel(lambda: TODAY))
    rows = [
        CycleRow(1, 1, "Brood", D(2026, 10, 5), D(2026, 10, 8), "Kantine", False, 9, 12),
        CycleRow(2, 2, "Taart", D(2026, 11, 2), D(2026, 11, 5), "", True, 0, 0),
        CycleRow(3, 1, "Brood", D(2026, 12, 7), D(2026, 12, 10), "Kantine", False, 0, 0),
    ]
    model.set_cycles(rows)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [3]  # upcoming
    model.set_filter(None, PeriodFilter.PAST)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [2, 1]  # newest first
    assert cells(model, 1) == ["Brood", "05-10-2026", "08-10-2026", "Kantine", "75%"]
    assert cells(model, 0)[4] == "afgezegd" and colour(model, 0, 0) is not None
    model.set_filter(1, PeriodFilter.ALL)
    assert [model.row_at(r).id for r in range(model.rowCount())] == [1, 3]
    assert cells(model, 1)[4] == "—"  # nothing recorded yet, not 0 %


def test_groups_filter_by_status_and_words(checked) -> None:
    from werkleren_desktop.gui.groups.table_model import GroupFilter, GroupsTableModel

    model = checked(GroupsTableModel())
    model.set_groups(
        [
            GroupRow(1, "Brood", "Zuurdesem\nen meer", GroupStatus.ACTIVE, D(2026, 1, 1), None,
                     4, "Henk Verhoeven"),
            GroupRow(2, "Taart", "", GroupStatus.CLOSED, D(2025, 1, 1), D(2025, 12, 31), 3, ""),
        ]
    )  # fmt: skip
    assert model.rowCount() == 1 and cells(model) == [
        "Brood", "Zuurdesem", "4", "Henk Verhoeven", "01-01-2026",
    ]  # fmt: skip
    assert model.data(model.index(0, 2), ALIGNMENT) == Qt.AlignmentFlag.AlignCenter
    model.set_filter("verhoeven  brood", GroupFilter.ALL)
    assert model.rowCount() == 1
    model.set_filter("", GroupFilter.CLOSED)
    assert model.row_at(0).name == "Taart" and colour(model, 0, 0) is not None


def training_row(status: TrainingStatus) -> TrainingRow:
    return TrainingRow(7, 1, "Fleur de Groot", "BHV", "Rode Kruis", TrainingForm.COURSE,
                       D(2026, 3, 1), D(2026, 3, 1), 480, 16550, True, True, status, "BHV",
                       D(2027, 3, 1), False)  # fmt: skip


def test_trainings_budgets_and_certificates(checked) -> None:
    from werkleren_desktop.gui.training.page import (
        OVER_BUDGET,
        BudgetsModel,
        CertificatesModel,
        TrainingsModel,
    )

    trainings = checked(TrainingsModel())
    trainings.show_rows([training_row(TrainingStatus.DONE), training_row(TrainingStatus.CANCELLED)])
    assert cells(trainings) == ["01-03-2026", "Fleur de Groot", "BHV", "cursus", "8",
                                "€\xa0165,50", "ja", "gevolgd"]  # fmt: skip
    assert trainings.data(trainings.index(0, 5), ALIGNMENT) == RIGHT
    assert colour(trainings, 0, 0) is None and colour(trainings, 1, 0) == "#7b8794"

    budgets = checked(BudgetsModel())
    budgets.show_rows(
        [
            BudgetRow(1, "Fleur de Groot", 2026, 75000, False, 45000, 20000),
            BudgetRow(2, "Henk Verhoeven", 2026, 50000, True, 80000, 0),
            BudgetRow(3, "Noor Bakker", 2026, 0, False, 0, 0),
        ]
    )
    assert cells(budgets, 0) == ["Fleur de Groot", "€\xa0750,00", "€\xa0450,00", "€\xa0200,00",
                                 "€\xa0100,00", "60 %"]  # fmt: skip
    assert cells(budgets, 1)[0] == "Henk Verhoeven *" and cells(budgets, 1)[3] == ""
    assert colour(budgets, 1, 5) == OVER_BUDGET and colour(budgets, 1, 4) == OVER_BUDGET
    assert colour(budgets, 0, 5) is None
    assert cells(budgets, 2)[5] == "—"  # no budget: no share, never "0 %"

    certificates = checked(CertificatesModel(lambda: TODAY))
    certificates.show_rows(
        [
            CertificateRow(7, 1, "Fleur de Groot", "BHV", D(2026, 11, 1)),
            CertificateRow(8, 2, "Henk Verhoeven", "VCA", D(2027, 1, 15)),
        ]
    )
    assert [cells(certificates, r)[3] for r in range(2)] == ["verlopen", "verloopt binnenkort"]


def test_conversations_due_held_and_agreed(checked) -> None:
    from werkleren_desktop.gui.conversations.page import (
        STATUS_COLOURS,
        AgreementsModel,
        ConversationsModel,
        DueModel,
    )

    due = checked(DueModel())
    due.show_rows(
        [
            DueRow(1, "Fleur de Groot", 9, "Marieke de Boer", D(2026, 9, 30), DueStatus.OVERDUE,
                   None, None, D(2026, 3, 12)),
            DueRow(2, "Henk Verhoeven", 9, "Marieke de Boer", D(2026, 9, 30), DueStatus.DONE,
                   None, D(2026, 9, 18), D(2026, 9, 18)),
        ]
    )  # fmt: skip
    assert cells(due) == ["Fleur de Groot", "Marieke de Boer", "30-09-2026", "te laat", "",
                          "12-03-2026"]  # fmt: skip
    assert colour(due, 0, 3) == STATUS_COLOURS[DueStatus.OVERDUE]
    assert colour(due, 1, 3) == STATUS_COLOURS[DueStatus.DONE] and colour(due, 0, 0) is None

    conversations = checked(ConversationsModel())
    conversations.show_rows(
        [
            ConversationRow(3, 1, "Fleur de Groot", "Marieke de Boer", D(2026, 12, 3), None,
                            "", None, 0),
            ConversationRow(4, 2, "Henk Verhoeven", "Marieke de Boer", D(2026, 9, 10), None,
                            "", D(2026, 9, 18), 2),
        ]
    )  # fmt: skip
    assert cells(conversations, 0) == ["03-12-2026", "Fleur de Groot", "Marieke de Boer",
                                       "gepland"]  # fmt: skip
    assert cells(conversations, 1)[0] == "18-09-2026"  # the day it was held
    assert cells(conversations, 1)[3] == "ondertekend"

    agreements = checked(AgreementsModel(lambda: TODAY))
    view = AgreementView(5, 4, D(2026, 9, 18), 2, "Henk Verhoeven", "Marieke de Boer",
                         "VCA halen", AgreementOwner.PROFESSIONAL, D(2026, 11, 1),
                         AgreementStatus.OPEN, "", None)  # fmt: skip
    agreements.show_rows([view, view.__class__(**{**view.__dict__, "due_on": None})])
    assert cells(agreements)[:3] == ["01-11-2026", "VCA halen", "professional"]
    assert colour(agreements, 0, 0) == STATUS_COLOURS[DueStatus.OVERDUE]  # past its date
    assert colour(agreements, 1, 0) is None


def test_the_overview_rows_and_the_bold_total(checked) -> None:
    from werkleren_desktop.gui.overview.page import OverviewModel

    model = checked(OverviewModel())
    person = PersonYear(1, "Fleur de Groot", "Monteur", "", D(2015, 3, 1), None,
                        situation_minutes=90, required_cents=16550, budget_cents=75000)  # fmt: skip
    total = PersonYear(0, "Organisatie", "", "", None, None, situation_minutes=90,
                       required_cents=16550, budget_cents=75000)  # fmt: skip
    model.show_rows([person, total])
    names = headers(model)
    assert cells(model)[0] == "Fleur de Groot"
    assert cells(model)[names.index("Kosten")] == "€\xa0165,50"
    assert model.data(model.index(0, names.index("Kosten")), ALIGNMENT) == RIGHT
    assert model.data(model.index(0, 0), ALIGNMENT) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None


def test_scans_and_their_characteristics(checked) -> None:
    from werkleren_desktop.documents.scan_rows import ScanReport
    from werkleren_desktop.gui.scans.models import LOW_COLOUR, ItemsModel, ScansModel
    from werkleren_desktop.services.scans import ScanResult, ScanRow

    scans = checked(ScansModel())
    scan = ScanRow(1, D(2026, 9, 29), "Teamsessie najaar", "", 2, 3.04)
    scans.show_rows([scan])
    assert cells(scans) == ["29-09-2026", "Teamsessie najaar", "3,0"]

    items = {c.key: ItemResult(c.key, (2, 2)) for c in CHARACTERISTICS}
    second_key = CHARACTERISTICS[1].key
    items[second_key] = ItemResult(second_key, (5, 4), 1, ("Goed zo",))
    result = ScanResult(scan, (11, 12), (1, 2), items, None, None, "Bakkerij", None)
    model = checked(ItemsModel())
    model.show_report(ScanReport(result, Period(D(2025, 9, 30), D(2026, 9, 29)), {}))
    assert model.rowCount() == len(CHARACTERISTICS)
    first, second = cells(model, 0), cells(model, 1)
    assert first[0] == CHARACTERISTICS[0].key and first[2] == "2,0"
    assert second[2] == "4,5" and second[5] == "1"  # one "not applicable"
    background = Qt.ItemDataRole.BackgroundRole
    assert model.data(model.index(0, 2), background).color().name() == LOW_COLOUR
    assert model.data(model.index(1, 2), background) is None
    # row 1 is a goal in the questionnaire's second version: the goal, then what 1 and 5 mean
    assert model.data(model.index(0, 1), TOOLTIP) == (
        "Leren houdt iedereen gekwalificeerd en duurzaam inzetbaar.\n"
        "1: (nog) niet bereikt\n5: helemaal bereikt"
    )
    row_14 = next(r for r, c in enumerate(CHARACTERISTICS) if c.key == "14")
    assert model.data(model.index(row_14, 1), TOOLTIP) == (
        "1: wat we leren volgt het aanbod (aanbodgericht)\n"
        "5: wat we leren volgt de vraag van professionals (vraaggestuurd)"
    )
    assert model.data(model.index(row_14, 7), TOOLTIP) is None  # nothing compared


def test_closing_periods_stay_in_date_order(checked) -> None:
    from werkleren_desktop.gui.dialogs.closing_periods_model import ClosingPeriodsTableModel

    model = checked(
        ClosingPeriodsTableModel(
            (ClosingPeriodInput(D(2026, 12, 28), D(2026, 12, 31), "Kerstsluiting"),)
        )
    )
    row = model.add(ClosingPeriodInput(D(2026, 6, 19), D(2026, 6, 19), "Bedrijfsuitje"))
    assert row == 0 and [p.description for p in model.periods] == ["Bedrijfsuitje",
                                                                    "Kerstsluiting"]  # fmt: skip
    assert cells(model, 1) == ["28 dec 2026", "31 dec 2026", "Kerstsluiting"]
    model.remove(0)
    model.remove(5)  # nothing there: nothing happens
    assert [p.description for p in model.periods] == ["Kerstsluiting"]


def test_an_import_plan_and_its_problems(checked) -> None:
    from werkleren_desktop.gui.people.import_dialog import ImportPlanTableModel, ProblemsTableModel

    plan = checked(ImportPlanTableModel())
    bad = PlannedRow(3, "Noor Bakker", RowStatus.NEW)
    bad.fail("Het laatste gesprek kan niet vóór de datum in dienst liggen.", "Laatste gesprek")
    bad.fail("De datum in dienst ontbreekt.")
    plan.show_rows([PlannedRow(2, "Fleur de Groot", RowStatus.NEW), bad])
    assert cells(plan, 0)[:3] == ["2", "Fleur de Groot", "nieuw"]
    assert colour(plan, 0, 0) is None and colour(plan, 1, 0) is not None
    assert plan.data(plan.index(1, 3), TOOLTIP) == (
        "Laatste gesprek: Het laatste gesprek kan niet vóór de datum in dienst liggen.\n"
        "De datum in dienst ontbreekt."
    )

    problems = checked(ProblemsTableModel())
    problems.show_rows(
        [
            Problem(3, "Laatste gesprek", "Niet vóór de datum in dienst."),
            Problem(4, "", "Gelezen als Windows-1252.", blocking=False),
        ]
    )
    assert cells(problems, 0) == ["3", "Laatste gesprek", "Niet vóór de datum in dienst."]
    assert colour(problems, 0, 0) is not None and colour(problems, 1, 0) is None


@pytest.mark.parametrize("rows", [0, 1, 3])
def test_the_base_model_keeps_qt_rules_through_resets(checked, rows: int) -> None:
    from werkleren_desktop.gui.rows_model import RowsTableModel

    model = checked(RowsTableModel(("Name", "Date"), lambda r: (r[0], r[1])))
    model.show_rows([(f"n{i}", f"d{i}") for i in range(rows)])
    model.show_rows([(f"m{i}", f"e{i}") for i in range(rows + 1)])
    assert model.rowCount() == rows + 1 and cells(model, rows) == [f"m{rows}", f"e{rows}"]
    # a cut text is whole in its tooltip; an empty one has none
    model.show_rows([("Zoë van den Berg-IJzerman", "")])
    assert model.data(model.index(0, 0), TOOLTIP) == "Zoë van den Berg-IJzerman"
    assert model.data(model.index(0, 1), TOOLTIP) is None


def test_a_crowded_list_keeps_its_first_column_readable_and_scrolls_sideways(qtbot) -> None:
    """Many wide columns in a narrow list: the others give way first, and the first (a
    name) keeps enough to be read instead of shrinking to "Z…n"."""
    from werkleren_desktop.gui.rows_model import RowsTableModel
    from werkleren_desktop.gui.widgets import list_table

    columns = ("Naam", *(f"Kolom met een lange kop {n}" for n in range(8)))
    model: RowsTableModel[str] = RowsTableModel(
        columns, lambda name: (name, *("€ 12.345,67" for _n in range(8)))
    )
    table = list_table(model, {})
    qtbot.addWidget(table)
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    model.show_rows(["Zoë van den Berg-IJzerman", "Priya de Boer"])
    wanted = table.fontMetrics().horizontalAdvance("Priya de Boer")
    assert table.columnWidth(0) > wanted  # whole, not "P…r"
    widths = sum(table.columnWidth(c) for c in range(model.columnCount()))
    assert widths > table.viewport().width()  # the rest is reached by scrolling sideways
