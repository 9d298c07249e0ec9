"""The house's layers only look down: read from every module's import statements (also
those inside functions and under TYPE_CHECKING), so that a new arrow up is caught."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "werkleren_desktop"

# what each layer may not import, by the package's own modules and by libraries
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "domain": (
        "werkleren_desktop.db",
        "werkleren_desktop.storage",
        "werkleren_desktop.services",
        "werkleren_desktop.documents",
        "werkleren_desktop.gui",
        "sqlalchemy",
        "PySide6",
        "reportlab",
    ),
    "db": (
        "werkleren_desktop.storage",
        "werkleren_desktop.services",
        "werkleren_desktop.documents",
        "werkleren_desktop.gui",
        "PySide6",
    ),
    "storage": (
        "werkleren_desktop.services",
        "werkleren_desktop.documents",
        "werkleren_desktop.gui",
        "PySide6",
    ),
    "services": ("werkleren_desktop.documents", "werkleren_desktop.gui", "PySide6", "reportlab"),
    "documents": ("werkleren_desktop.gui", "PySide6", "sqlalchemy"),
    # pages ask the services; they never hold the ORM's objects
    "gui": ("werkleren_desktop.db.models", "sqlalchemy.orm"),
}


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer: str) -> None:
    arrows_up = sorted(
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / layer).rglob("*.py")
        for name in imported(path)
        if any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN[layer])
    )
    assert arrows_up == []


def test_the_check_sees_an_arrow_up(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from werkleren_desktop.documents.attendance_list import X\n"
        "def f():\n    import PySide6.QtCore\n",
        encoding="utf-8",
    )
    assert {"werkleren_desktop.documents.attendance_list", "PySide6.QtCore"} <= imported(module)
