"""Staff lists as they arrive from payroll systems, old spreadsheets and colleagues:
made here, byte for byte, for the tests and for the benchmark (bench/run.py).

A workbook is a zip of XML parts; the hostile ones below keep openpyxl's own small
workbook and swap its sheet for one written in pieces, so that a sheet of a hundred
megabytes never sits in memory while it is made.
"""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEADER = "Voornaam;Achternaam;E-mail;Functie;Leidinggevende;In dienst;Uren"


def staff_list(path: Path, rows: int, *, changed: int = -1) -> Path:
    """A UTF-8 CSV of ``rows`` people, every tenth managing the nine after; the person
    on line ``changed`` + 2 has another job title (an update in a second import)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\r\n")
        for i in range(rows):
            manager = f"p{i // 10}@bedrijf.nl" if i >= 10 else ""
            title = "Eerste monteur" if i == changed else "Monteur"
            out.write(f"Voor{i};Achter{i};p{i}@bedrijf.nl;{title};{manager};01-02-2015;32\r\n")
    return path


def _template() -> dict[str, bytes]:
    """The parts of a small, valid workbook, as openpyxl writes it."""
    book = Workbook()
    book.worksheets[0].append(["Voornaam", "Achternaam", "In dienst"])
    data = BytesIO()
    book.save(data)
    with zipfile.ZipFile(data) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def workbook_with_sheet(path: Path, sheet: Iterable[bytes]) -> Path:
    """A workbook whose first sheet is the XML ``sheet`` yields, written piece by piece."""
    parts = _template()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, content in parts.items():
            if name != SHEET:
                archive.writestr(name, content)
        with archive.open(SHEET, "w", force_zip64=True) as out:
            for piece in sheet:
                out.write(piece)
    return path


def _sheet(rows: Iterable[bytes]) -> Iterator[bytes]:
    yield (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>"
    )
    yield from rows
    yield b"</sheetData></worksheet>"


def _text_cell(text: str) -> bytes:
    return f'<c t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def _header_row() -> bytes:
    cells = b"".join(_text_cell(t) for t in ("Voornaam", "Achternaam", "In dienst"))
    return b'<row r="1">' + cells + b"</row>"


def _batched(piece: bytes, times: int, batch: int = 10_000) -> Iterator[bytes]:
    whole, rest = divmod(times, batch)
    block = piece * batch
    for _ in range(whole):
        yield block
    yield piece * rest


def bomb_too_large(path: Path, megabytes: int = 110) -> Path:
    """A sheet that unpacks to ``megabytes`` of XML (the limit is 100) from about 1/300."""
    row = b'<row><c t="inlineStr"><is><t>Jansen</t></is></c></row>'
    return workbook_with_sheet(
        path, _sheet([_header_row(), *_batched(row, megabytes * 1024 * 1024 // len(row))])
    )


def bomb_wide(path: Path, cells: int = 3_000_000) -> Path:
    """One row of ``cells`` cells, within the unpacked limit: 45 MB of XML."""
    row = [b'<row r="2">', *_batched(b"<c><v>1</v></c>", cells), b"</row>"]
    return workbook_with_sheet(path, _sheet([_header_row(), *row]))


def bomb_tall(path: Path, rows: int = 1_000_000) -> Path:
    """A header and ``rows`` rows of one cell each: more rows than an import takes."""
    row = b'<row><c t="inlineStr"><is><t>Jansen</t></is></c></row>'
    return workbook_with_sheet(path, _sheet([_header_row(), *_batched(row, rows)]))


def sheet_claiming_every_cell(path: Path) -> Path:
    """Two people, and a dimension that claims the whole sheet (A1:XFD1048576), which
    makes a reader that trusts it fill a million rows of sixteen thousand cells."""

    def row(number: int, cells: tuple[str, ...]) -> bytes:
        return f'<row r="{number}">'.encode() + b"".join(_text_cell(c) for c in cells) + b"</row>"

    sheet = [
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:XFD1048576"/><sheetData>',
        row(1, ("Voornaam", "Achternaam", "In dienst")),
        row(2, ("Zoë", "de Boer", "01-02-2010")),
        row(3, ("Şükrü", "Yılmaz", "15-03-2021")),
        b"</sheetData></worksheet>",
    ]
    return workbook_with_sheet(path, sheet)


def lying_about_its_size(path: Path) -> Path:
    """A workbook whose sheet declares 1,000 bytes but holds 20 MB (the central
    directory is what readers trust)."""
    bomb_tall(path, rows=400_000)
    data = bytearray(path.read_bytes())
    for match in re.finditer(rb"PK\x01\x02", data):
        start = match.start()
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == SHEET.encode():
            extra_length = struct.unpack_from("<H", data, start + 30)[0]
            extra = start + 46 + name_length
            # zip64: the sizes live in the extra field, after its 4-byte header
            if struct.unpack_from("<I", data, start + 24)[0] == 0xFFFFFFFF and extra_length:
                struct.pack_into("<Q", data, extra + 4, 1_000)
            else:
                struct.pack_into("<I", data, start + 24, 1_000)
    path.write_bytes(bytes(data))
    return path
