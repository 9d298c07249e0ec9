"""Every string the user can see has a Dutch translation, and none escapes the catalog."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from werkleren_desktop.i18n import po_path, translator

SRC = Path(__file__).parent.parent / "src" / "werkleren_desktop"
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2)}


def source_messages() -> set[str]:
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def dutch_catalog():
    with po_path("nl").open("rb") as handle:
        return read_po(handle, locale="nl")


def placeholders(text: str) -> set[str]:
    braces = {f[1] for f in string.Formatter().parse(text) if f[1] is not None}
    percent = set(re.findall(r"%\(\w+\)[sdr]|%[sdr]", text))
    return braces | percent


def test_every_source_string_has_a_dutch_translation() -> None:
    catalog = dutch_catalog()
    translated = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings) and not message.fuzzy:
            translated[key] = strings
    missing = sorted(source_messages() - set(translated))
    assert not missing, (
        "Strings without a Dutch translation (run scripts/update-translations.sh and fill in "
        f"the .po file): {missing}"
    )


def test_the_program_reads_every_translation_of_the_po_file() -> None:
    """The window reads the compiled .mo: a .po changed without compiling would show
    English (or an old translation) to the user."""
    dutch = translator("nl")
    stale = []
    for message in dutch_catalog():
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id[0], message.id[1]
            one, other = message.string[0], message.string[-1]
            shown = (dutch.ngettext(singular, plural, 1), dutch.ngettext(singular, plural, 2))
            if (one, other) != shown:
                stale.append(message.id[0])
        elif message.string and dutch.gettext(message.id) != message.string:
            stale.append(message.id)
    assert not stale, f"run scripts/update-translations.sh to compile the .mo: {stale[:5]}"


def test_translations_keep_their_placeholders() -> None:
    for message in dutch_catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            assert placeholders(translated) == placeholders(ids[0]), message.id


# Calls that put text on screen; a bare string literal there bypasses translation.
TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setPlaceholderText",
    "setTitle",
    "addTab",
    "addAction",
    "addMenu",
    "addItem",
    "showMessage",
    "setStatusTip",
    "addButton",
    "addRow",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QGroupBox",
    "QAction",
    "QRadioButton",
    "QListWidgetItem",
    "heading",
    "paragraph",
    "hint",
    "show_message",
    "show_error",
    "Card",
    "setAccessibleName",
}
NOT_WORDS = re.compile(r"^[^A-Za-z]*$")
ALLOWED_LITERALS = {"Werkleren Desktop"}  # the program's name is the same in every language


def bare_literals(path: Path) -> list[str]:
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in TEXT_CALLS:
            continue
        for argument in node.args:
            if (
                isinstance(argument, ast.Constant)
                and isinstance(argument.value, str)
                and not NOT_WORDS.match(argument.value)
                and argument.value not in ALLOWED_LITERALS
            ):
                problems.append(f"{path.name}:{node.lineno}: {argument.value!r}")
    return problems


@pytest.mark.parametrize("path", sorted((SRC / "gui").rglob("*.py")), ids=lambda p: p.name)
def test_gui_code_shows_no_untranslated_literal(path: Path) -> None:
    assert bare_literals(path) == []


def test_no_literal_is_translated_inside_an_f_string() -> None:
    """The catalog's extraction does not look inside f-strings: a literal translated there
    stays English for good (this happened to "week cycles" and three more)."""
    hidden = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in KEYWORDS
                    and inner.args
                    and isinstance(inner.args[0], ast.Constant)
                ):
                    hidden.append(f"{path.relative_to(SRC)}:{inner.lineno}")
    assert hidden == []


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("Professional", "Professional"),
        ("Innovating a work situation", "Een werksituatie innoveren"),
        ("Performing better myself", "Zelf beter performen"),
        ("Guiding questions", "Richtinggevende vragen"),
        ("Location", "Leeromgeving"),
        ("Colleagues and experts consulted", "Collega’s en experts geraadpleegd"),
    ],
)
def test_the_article_s_own_words(english: str, dutch: str) -> None:
    """Where the source article has a word, the Dutch interface uses it: professional
    (not medewerker), innoveren and performen, richtinggevende vragen (not leidende,
    which suggests leading questions), expert, leeromgeving."""
    assert translator("nl").gettext(english) == dutch
    with po_path("nl").open("rb") as handle:
        dutch_texts = " ".join(
            m.string for m in read_po(handle) if isinstance(m.string, str) and m.string
        )
    for avoided in (" medewerker", "eidende vra", " deskundige ", "vernieuwen", "presteren"):
        assert avoided not in dutch_texts, avoided
