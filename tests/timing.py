"""CPU time of a piece of work, for the tests that check time grows linearly with the input.

Wall time on a loaded two-core machine swings by several times; CPU time with the garbage
collector off counts only the work itself, so a 4x input taking under 6x is a fair test.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def cpu_seconds(work: Callable[[], object], tries: int = 3) -> float:
    """The least CPU time of `tries` runs of `work`, with the collector off during each."""
    best = float("inf")
    for _ in range(tries):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            work()
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best
