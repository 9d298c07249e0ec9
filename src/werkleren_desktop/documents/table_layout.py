"""Tables whose columns fit what they hold: a header wraps only between its words,
figures stay on one line clear of the cell's border, and one column (a name, a text)
takes the width that is left. When the figures do not fit at the usual size, the
table's text gets smaller in steps rather than break a word."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, TableStyle

from werkleren_desktop.documents.pdf import (
    CELL_SIDE_PADDING,
    FONT,
    FONT_BOLD,
    INK,
    register_fonts,
    text,
)

# (header, body) font sizes, tried in turn
SIZES = ((9.0, 8.0), (8.0, 7.5), (7.5, 7.0), (7.0, 6.5), (6.5, 6.0))
SLACK = 1.5  # points beyond the padding, so that no figure touches a line


@dataclass(frozen=True)
class Layout:
    widths: list[float]
    header_size: float
    body_size: float
    padding: float  # left and right in each cell

    def style(self, table_style: TableStyle) -> TableStyle:
        """``table_style`` (a grid) with this layout's sizes and padding."""
        table_style.add("FONTSIZE", (0, 1), (-1, -1), self.body_size)
        table_style.add("LEFTPADDING", (0, 0), (-1, -1), self.padding)
        table_style.add("RIGHTPADDING", (0, 0), (-1, -1), self.padding)
        return table_style

    def header(self, titles: Sequence[str]) -> list[Paragraph]:
        """Header cells that break between words, never inside one."""
        style = ParagraphStyle(
            "table_header",
            fontName=FONT_BOLD,
            fontSize=self.header_size,
            leading=self.header_size * 1.25,
            textColor=INK,
            splitLongWords=0,
        )
        return [Paragraph(text(title), style) for title in titles]

    def wrapping(self, value: str, bold: bool = False) -> Paragraph:
        """A body cell that may wrap (a name, a text), at the table's size."""
        style = ParagraphStyle(
            "table_text",
            fontName=FONT_BOLD if bold else FONT,
            fontSize=self.body_size,
            leading=self.body_size * 1.25,
            textColor=INK,
        )
        return Paragraph(text(value), style)


def _widest_word(title: str, size: float) -> float:
    return max((stringWidth(word, FONT_BOLD, size) for word in title.split()), default=0.0)


def _spread(
    widths: list[float],
    titles: Sequence[str],
    size: float,
    spare: float,
    flexible: int,
    padding: float,
) -> list[float]:
    """``spare`` points over the columns whose header wraps, in proportion to what each
    needs to hold its header on one line; what is left after that, over all alike."""
    wanted = [
        0.0
        if n == flexible
        else max(0.0, stringWidth(title, FONT_BOLD, size) + 2 * padding + SLACK - widths[n])
        for n, title in enumerate(titles)
    ]
    needed = sum(wanted)
    given = min(spare, needed)
    widened = [w + (given * wanted[n] / needed if needed else 0.0) for n, w in enumerate(widths)]
    rest = (spare - given) / (len(widths) - 1)
    return [w if n == flexible else w + rest for n, w in enumerate(widened)]


def fit_columns(
    titles: Sequence[str],
    rows: Sequence[Sequence[str]],
    available: float,
    *,
    flexible: int = 0,
    flexible_at_least: float = 35 * mm,
    bold_rows: Sequence[int] = (),
    padding: float = CELL_SIDE_PADDING,
) -> Layout:
    """Widths for a table of ``titles`` over ``rows`` (the texts as they will print) in
    ``available`` points: every column but ``flexible`` as wide as its widest header
    word or value, ``flexible`` the rest, but no wider than its longest text: what is
    left then goes to the columns whose headers wrap, so that they take fewer lines. Rows
    listed in ``bold_rows`` print bold; ``padding`` is each cell's left and right."""
    register_fonts()
    bold = set(bold_rows)
    layout = Layout([], *SIZES[-1], padding)
    for header_size, body_size in SIZES:
        widths = []
        for column, title in enumerate(titles):
            if column == flexible:
                widths.append(0.0)
                continue
            values = (
                stringWidth(row[column], FONT_BOLD if number in bold else FONT, body_size)
                for number, row in enumerate(rows)
            )
            content = max(_widest_word(title, header_size), *values, 0.0)
            widths.append(content + 2 * padding + SLACK)
        rest = available - sum(widths)
        # the flexible column as wide as its longest text, at least ``flexible_at_least``
        longest = max(
            (stringWidth(row[flexible], FONT_BOLD, body_size) for row in rows), default=0.0
        )
        wanted = max(flexible_at_least, longest + 2 * padding + SLACK)
        widths[flexible] = max(rest, flexible_at_least)
        if rest > wanted:
            widths[flexible] = wanted
            widths = _spread(widths, titles, header_size, rest - wanted, flexible, padding)
        layout = Layout(widths, header_size, body_size, padding)
        if sum(widths) <= available + 0.01:
            return layout
    return layout  # the smallest size; the caller's page is too narrow for more


def widen_for_headers(
    titles: Sequence[str],
    widths: Sequence[float],
    flexible: Sequence[int],
    *,
    size: float = 9.0,
    padding: float = CELL_SIDE_PADDING,
    total: float | None = None,
) -> list[float]:
    """``widths`` with every column but the ``flexible`` ones at least as wide as its
    longest header word (bold, ``size`` points); the ``flexible`` columns give up what
    that takes, in proportion to their width. The total stays the same, or becomes
    ``total`` (the width of the page's frame, say)."""
    register_fonts()
    result = list(widths)
    taken = 0.0 if total is None else sum(widths) - total
    for column, title in enumerate(titles):
        if column in flexible:
            continue
        needed = _widest_word(title, size) + 2 * padding + SLACK
        if result[column] < needed:
            taken += needed - result[column]
            result[column] = needed
    room = sum(result[column] for column in flexible)
    for column in flexible:
        result[column] -= taken * result[column] / room
    return result
