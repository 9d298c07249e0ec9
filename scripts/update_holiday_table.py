"""Write the table of Dutch public holidays the program reads (see domain/calendar.py).

Run after upgrading the holidays package; tests/domain/test_calendar.py fails until the
table and the package agree again.
"""

from __future__ import annotations

import json
from importlib.metadata import version

from werkleren_desktop.domain.calendar import HOLIDAY_TABLE, package_public_holidays

FIRST_YEAR, LAST_YEAR = 2000, 2100


def table() -> dict[str, object]:
    return {
        "source": f"holidays {version('holidays')}, country NL",
        "years": {
            str(year): {
                day.strftime("%m-%d"): key for day, key in package_public_holidays(year).items()
            }
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
        },
    }


def main() -> None:
    HOLIDAY_TABLE.write_text(json.dumps(table(), indent=1) + "\n", encoding="utf-8")
    print(f"written: {HOLIDAY_TABLE}")


if __name__ == "__main__":
    main()
