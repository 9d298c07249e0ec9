"""A smaller ICU data library for the Linux bundle: only what a Dutch and English program uses.

PySide6's Qt on Linux links ICU 73, whose data library (libicudata.so.73) holds 31 MB of
locale data, character set converters and dictionaries for every language of the world.
Qt reads ICU for collation (QCollator, locale aware sorting), locale aware upper and lower
case, time zones when the system has none, and character sets other than Unicode and Latin-1.
This keeps the Unicode properties and normalisation, the root, Dutch and English locales in
every tree (collation, currencies, languages, regions, units, zones, number spell-out, break
rules), the time zone tables and the Western European converters, and leaves out the rest:
other languages, dictionaries for Chinese, Japanese, Thai, Lao, Khmer and Burmese word breaks,
transliteration and East Asian converters. This is ICU's documented "data filtering"; the
package is cut with ICU's own ``icupkg`` and linked with binutils into a library exporting the
same symbol, ``icudt73_dat``.

Used by werkleren.spec; needs objcopy, as and ld (binutils) and icupkg (Debian: icu-devtools).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

# locales kept in every tree of the data (the parents of nl_BE and en_GB included)
LOCALES = ("root", "nl", "nl_NL", "nl_BE", "en", "en_001", "en_150", "en_GB", "en_US", "en_NL")
# the converters of Western European character sets: windows-1252, ISO 8859-15 and -1, cp850
CONVERTERS = (
    "ibm-5348_P100-1997.cnv",
    "ibm-923_P100-1998.cnv",
    "ibm-912_P100-1995.cnv",
    "ibm-850_P100-1995.cnv",
)
_LOCALE_FILE = re.compile(r"^(?:[a-z]+/)?([a-z]{2,3}(?:_[A-Za-z0-9]*)*|root)\.res$")
_MISSING = re.compile(r"depends on missing item (\S+)")


def keep(item: str) -> bool:
    """Whether an item of the ICU package (for example ``coll/nl.res``) stays."""
    if item.startswith("translit/") or item.endswith(".dict"):
        return False
    if item.endswith(".cnv"):
        return item in CONVERTERS
    if item.rsplit("/", 1)[-1] == "res_index.res":
        return True  # each tree's list of its locales: ICU falls back to root for the rest
    match = _LOCALE_FILE.match(item)
    if match is None:
        return True  # properties, normalisation, break rules, pools and supplemental tables
    return match.group(1) in LOCALES


def reduced_library(library: Path, work: Path) -> Path:
    """Build the smaller ``libicudata`` from ``library`` in ``work``; return its path."""
    soname = library.name
    symbol = _data_symbol(library)
    work.mkdir(parents=True, exist_ok=True)
    name = symbol.removesuffix("_dat")  # icupkg names the items after the package: icudt73l
    full = work / f"{name}l.dat"
    subprocess.run(
        ["objcopy", "-O", "binary", "--only-section=.rodata", str(library), str(full)], check=True
    )
    items = subprocess.run(
        ["icupkg", "-l", str(full)], check=True, capture_output=True, text=True
    ).stdout.split()
    dropped = [item for item in items if not keep(item)]
    (work / "dropped.txt").write_text("\n".join(dropped) + "\n")
    small = work / "reduced" / full.name
    small.parent.mkdir(exist_ok=True)
    small.unlink(missing_ok=True)
    remove = ["icupkg", "-r", str(work / "dropped.txt"), str(full), str(small)]
    cut = subprocess.run(remove, capture_output=True, text=True)
    if cut.returncode != 0:
        # the break rules name the dictionaries left out; ICU breaks without them. Anything
        # else missing is a mistake in keep()
        missing = set(_MISSING.findall(cut.stdout + cut.stderr))
        if not missing or any(not item.endswith(".dict") for item in missing):
            raise RuntimeError(f"icupkg refused the reduced ICU data: {cut.stdout}{cut.stderr}")
        subprocess.run([*remove, "--ignore-deps"], check=True, capture_output=True)
    source = work / "icudata.s"
    source.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{small}"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    subprocess.run(["as", "-o", "icudata.o", source.name], cwd=work, check=True)
    output = work / soname
    subprocess.run(
        ["ld", "-shared", "-soname", soname, "-o", str(output), "icudata.o"], cwd=work, check=True
    )
    return output


def _data_symbol(library: Path) -> str:
    """The exported data symbol (``icudt73_dat``), which must start the read-only section."""
    symbols = subprocess.run(
        ["nm", "-D", "--defined-only", str(library)], check=True, capture_output=True, text=True
    ).stdout.split("\n")
    found = [line.split()[-1] for line in symbols if re.search(r"\bicudt\d+_dat$", line)]
    if len(found) != 1:
        raise RuntimeError(f"{library}: no single ICU data symbol ({found})")
    return found[0]


def tools_present() -> bool:
    return all(shutil.which(tool) for tool in ("objcopy", "icupkg", "as", "ld", "nm"))
