"""When a share that could not be sent is tried again: exponential back-off, capped.

After the n-th failed attempt the outbox waits FIRST_DELAY * 2**(n-1), never more than
MAX_DELAY: 30 s, 1 min, 2 min, 4 min … up to an hour, so a laptop away from the office
network does not knock on the server every few seconds, and one back within reach is
tried again within the hour at the latest (`daybook team sync` tries at once).
"""

from __future__ import annotations

import datetime as dt

FIRST_DELAY = dt.timedelta(seconds=30)
MAX_DELAY = dt.timedelta(hours=1)


def retry_delay(failures: int) -> dt.timedelta:
    """How long to wait after `failures` failed attempts in a row (0: no wait)."""
    if failures <= 0:
        return dt.timedelta(0)
    # 2**7 * 30 s is already past the cap: no need to compute huge powers.
    doubled = FIRST_DELAY * (1 << min(failures - 1, 7))
    return min(doubled, MAX_DELAY)


def next_attempt(failures: int, now: dt.datetime) -> dt.datetime:
    """The moment the next attempt is due after `failures` failures at `now`."""
    return now + retry_delay(failures)
