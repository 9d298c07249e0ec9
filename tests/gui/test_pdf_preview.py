"""The preview's pages: drawn by Qt PDF on white paper at the scale asked."""

from __future__ import annotations

import io

import pytest
from PySide6.QtGui import QColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from werkleren_desktop.errors import UserError
from werkleren_desktop.gui.pdf_preview import page_images


def two_pages() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=landscape(A4))
    pdf.setFillColorRGB(0, 0, 0)
    pdf.rect(100, 100, 200, 200, stroke=0, fill=1)  # from the bottom left, in points
    pdf.showPage()
    pdf.setPageSize(A4)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_every_page_at_its_own_size_on_white_paper(qtbot) -> None:
    first, second = page_images(two_pages(), 2.0)
    short, long = round(A4[0] * 2), round(A4[1] * 2)  # 595.3 by 841.9 points
    assert (first.width(), first.height()) == (long, short)
    assert (second.width(), second.height()) == (short, long)
    assert first.pixelColor(10, 10) == QColor("white")  # not a transparent page
    # the square: 100-300 pt from the left, 100-300 pt from the bottom of the page
    assert first.pixelColor(400, short - 400) == QColor("black")
    assert first.pixelColor(700, short - 400) == QColor("white")
    assert second.pixelColor(400, 400) == QColor("white")


def test_bytes_that_are_no_pdf_are_a_sentence(qtbot) -> None:
    with pytest.raises(UserError, match="geen leesbare PDF"):
        page_images(b"%PDF-1.4 broken", 1.0)
