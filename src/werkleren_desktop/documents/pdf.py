"""What every printed form shares: the bundled font, A4 pages with the organisation's
name and logo, a confidentiality mark where wanted, and "pagina 1 van 3" at the foot.

The font is DejaVu Sans, shipped in assets/fonts with its licence, so every European
name (Łukasz, Şükrü, IJsbrand, Nguyễn, Ἀλέξανδρος, Дмитрий) prints the same on Windows,
macOS and Linux. What DejaVu lacks is printed in WenQuanYi Micro Hei (Chinese, Japanese
and Korean, 5 MB; shipped too); a script that neither has is printed as empty boxes but
kept in the text layer, so that it can still be searched and copied.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Table, TableStyle

from werkleren_desktop._version import __version__
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.i18n import _, current_language

LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}  # the document's language, for readers

FONTS = Path(__file__).parent.parent / "assets" / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FALLBACK_FONT = "WenQuanYiMicroHei"  # Chinese, Japanese, Korean; empty boxes for the rest
MARGIN = 18 * mm
FRAME_PADDING = 6  # points: reportlab's frame keeps this inside the margins
FRAME_WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING  # what a table may fill, upright
LANDSCAPE_FRAME_WIDTH = A4[1] - 2 * MARGIN - 2 * FRAME_PADDING
CELL_PADDING = 3  # points above and below the text in a grid's cell
CELL_SIDE_PADDING = 6  # points left and right: reportlab's own
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b76")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef1f4")
LINE_GAP = 8 * mm
EMPTY_BOX = "☐"
TICKED_BOX = "☒"


class _EveryCharacter(dict[int, int]):
    """A font's character map that knows every character: those without a glyph get
    the empty box (glyph 0), and reportlab then keeps them in the text layer instead of
    writing a character 0."""

    def __contains__(self, code: object) -> bool:
        return True

    def __missing__(self, code: int) -> int:
        return 0


@cache
def register_fonts() -> None:
    for name in (FONT, FONT_BOLD, FONT_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


@cache
def _register_fallback() -> None:
    """The fallback font, when a text first needs it (reading it takes 0.16 s)."""
    fallback = TTFont(FALLBACK_FONT, str(FONTS / "WenQuanYiMicroHei.ttc"), subfontIndex=0)
    fallback.face.charToGlyph = _EveryCharacter(fallback.face.charToGlyph)
    pdfmetrics.registerFont(fallback)


@cache
def _in_main_font() -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(FONT).face
    return frozenset(face.charToGlyph)


def runs(value: str) -> list[tuple[str, str]]:
    """``value`` cut into runs of (font, text): DejaVu where it has the characters, the
    fallback font where it does not."""
    covered = _in_main_font()
    result: list[tuple[str, str]] = []
    for character in value:
        font = FONT if ord(character) in covered or character in "\n\t" else FALLBACK_FONT
        if result and result[-1][0] == font:
            result[-1] = (font, result[-1][1] + character)
        else:
            result.append((font, character))
            if font == FALLBACK_FONT:
                _register_fallback()
    return result


def _measure(value: str, font: str, size: float) -> float:
    return sum(
        float(pdfmetrics.stringWidth(part, part_font if part_font == FALLBACK_FONT else font, size))
        for part_font, part in runs(value)
    )


def draw_fitted(
    canvas: Canvas,
    x: float,
    y: float,
    value: str,
    width: float,
    *,
    right: bool = False,
    prefix: str = "",
) -> None:
    """One line of the page's header or footer, ``prefix`` + ``value``, in at most
    ``width`` points: smaller, down to 6.5 points, and then ``value`` shortened in the
    middle ("Anna van … Ende") when needed; the prefix stays whole."""
    font, size = canvas._fontname, canvas._fontsize
    used_size = size
    while _measure(prefix + value, font, used_size) > width and used_size > 6.5:
        used_size -= 0.5
    shown = prefix + value
    keep = len(value)
    while keep > 2 and _measure(shown, font, used_size) > width:
        keep -= 2
        shown = prefix + value[: (keep + 1) // 2] + "…" + value[len(value) - keep // 2 :]
    start = x - _measure(shown, font, used_size) if right else x
    for part_font, part in runs(shown):
        used = font if part_font == FONT else FALLBACK_FONT
        canvas.setFont(used, used_size)
        canvas.drawString(start, y, part)
        start += pdfmetrics.stringWidth(part, used, used_size)
    canvas.setFont(font, size)


def styles() -> dict[str, ParagraphStyle]:
    """Sizes with leading of about 1.25 times, so lines never touch."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=12.5, textColor=INK)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=10.5, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21, spaceAfter=4
        ),
        # a heading never stands alone at the foot of a page: it goes with what follows
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=12.5, leading=16, textColor=MUTED
        ),
        "subheading": ParagraphStyle(
            "subheading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=7,
            spaceAfter=1,
            keepWithNext=1,
        ),
        "body_bold": ParagraphStyle("body_bold", parent=body, fontName=FONT_BOLD),
        "remark_heading": ParagraphStyle(
            "remark_heading", parent=body, fontName=FONT_BOLD, keepWithNext=1
        ),
        "answer": ParagraphStyle("answer", parent=body, spaceAfter=5),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9, leading=11.25),
        # table headers: a line breaks between words, never inside one
        "cell_bold": ParagraphStyle(
            "cell_bold",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=9,
            leading=11.25,
            splitLongWords=0,
        ),
    }


@dataclass(frozen=True)
class Letterhead:
    organisation: str
    logo_png: bytes | None
    document: str  # what this is, on every page
    subject: str = ""  # whom or what it is about, on every page
    confidential: bool = False


def _numbered_canvas(
    head: Letterhead, made_on: dt.date, pagesize: tuple[float, float]
) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no types
        """Draws header and footer after the last page, when the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = pagesize
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN, height - 14 * mm, width - MARGIN, height - 14 * mm)
            self.setFillColor(MUTED)
            self.setFont(FONT, 8.5)
            # the organisation left, what and whom right, each in its own half: a long
            # name gets smaller or shortened, never runs into the other
            half = (width - 2 * MARGIN - 6 * mm) / 2
            draw_fitted(self, MARGIN, height - 12 * mm, head.organisation, half)
            about = head.document + (" · " if head.subject else "")
            draw_fitted(
                self, width - MARGIN, height - 12 * mm, head.subject, half, right=True, prefix=about
            )
            self.line(MARGIN, 13 * mm, width - MARGIN, 13 * mm)
            left = _("Made on {date} with Werkleren Desktop {version}").format(
                date=format_date(made_on), version=__version__
            )
            if head.confidential:
                self.setFont(FONT_BOLD, 8.5)
                self.drawString(MARGIN, 9 * mm, _("Confidential"))
                self.setFont(FONT, 8.5)
                self.drawString(MARGIN + 26 * mm, 9 * mm, left)
            else:
                self.drawString(MARGIN, 9 * mm, left)
            self.drawRightString(
                width - MARGIN, 9 * mm, _("page {n} of {total}").format(n=number, total=total)
            )

    return NumberedCanvas


def logo(head: Letterhead, max_width: float = 45 * mm, max_height: float = 18 * mm) -> Image | None:
    if not head.logo_png:
        return None
    image = Image(io.BytesIO(head.logo_png))
    ratio = min(max_width / image.imageWidth, max_height / image.imageHeight)
    image.drawWidth = image.imageWidth * ratio
    image.drawHeight = image.imageHeight * ratio
    image.hAlign = "RIGHT"
    return image


def render(
    head: Letterhead,
    story: Sequence[Flowable],
    made_on: dt.date,
    landscape: bool = False,
) -> bytes:
    """The story on A4 pages (upright, or landscape for wide tables) with the
    letterhead; returns the PDF bytes."""
    pagesize = (A4[1], A4[0]) if landscape else A4
    register_fonts()
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=19 * mm,
        title=f"{head.document} {head.subject}".strip(),
        subject=head.subject or head.document,
        author=head.organisation,
        creator=f"Werkleren Desktop {__version__}",
        lang=LANGUAGE_TAGS.get(current_language(), current_language()),
        # the bundled font from the start: reportlab's own Helvetica is never embedded
        initialFontName=FONT,
    )
    document.build(list(story), canvasmaker=_numbered_canvas(head, made_on, pagesize))
    return out.getvalue()


def text(value: str) -> str:
    """User text as reportlab paragraph markup: escaped, line breaks kept, characters
    that DejaVu lacks in the fallback font."""
    parts = []
    for font, part in runs(value):
        escaped = html.escape(part).replace("\n", "<br/>")
        parts.append(escaped if font == FONT else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def title_block(head: Letterhead, title: str) -> Flowable:
    """The document's title on the left, the organisation's logo (if any) on the right."""
    s = styles()
    heading = Paragraph(text(title), s["title"])
    image = logo(head)
    if image is None:
        return heading
    block = Table([[heading, image]], colWidths=[None, 50 * mm])
    block.setStyle(
        plain_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return block


def fact_table(facts: Sequence[tuple[str, str]], label_width: float = 38 * mm) -> Table:
    """Label and value pairs, without lines: the facts at the top of a form."""
    s = styles()
    table = Table(
        [[Paragraph(text(k), s["cell_bold"]), Paragraph(text(v), s["cell"])] for k, v in facts],
        colWidths=[label_width, None],
        hAlign="LEFT",
    )
    table.setStyle(
        plain_style(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def plain_style(commands: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    """A table style in the bundled font (reportlab's default, Helvetica, is never
    embedded, not even for an empty cell)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def fill_in_line(
    fields: Sequence[tuple[str, float, float]],
    height: float = 8 * mm,
    weight: float = 0.5,
    colour: colors.Color | None = None,
    align: str = "LEFT",
) -> Table:
    """Labels each followed by a line to write on, on one line of the page: a name and
    a date, a signature. ``fields`` holds each label with its width and its line's."""
    s = styles()
    cells: list[object] = []
    widths: list[float] = []
    for label, label_width, line_width in fields:
        cells += [Paragraph(text(label), s["cell"]), ""]
        widths += [label_width, line_width]
    table = Table([cells], colWidths=widths, rowHeights=[height], hAlign=align)
    lines = [
        ("LINEBELOW", (column, 0), (column, 0), weight, colour or RULE)
        for column in range(1, len(cells), 2)
    ]
    table.setStyle(
        plain_style(
            [*lines, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, 0), 0)]
        )
    )
    return table


def grid() -> TableStyle:
    """A table with a shaded header row and thin lines, clear in black and white."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_SIDE_PADDING),
        ]
    )


def text_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    right: Sequence[int] = (),
) -> Table:
    """A grid of text cells under a header row that repeats on a next page; the columns
    ``right`` aligned right (figures)."""
    s = styles()
    head_right = ParagraphStyle("cell_bold_right", parent=s["cell_bold"], alignment=2)
    cell_right = ParagraphStyle("cell_right", parent=s["cell"], alignment=2)
    cells = [
        [Paragraph(text(h), head_right if i in right else s["cell_bold"])
         for i, h in enumerate(headers)]
    ]  # fmt: skip
    cells += [
        [Paragraph(text(v), cell_right if i in right else s["cell"]) for i, v in enumerate(row)]
        for row in rows
    ]
    result = Table(cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    result.setStyle(grid())
    return result


class WritingLines(Flowable):  # type: ignore[misc]  # reportlab ships no types
    """Ruled lines to write on by hand."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.count * LINE_GAP

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        for line in range(self.count):
            y = line * LINE_GAP
            self.canv.line(0, y, self.width, y)
