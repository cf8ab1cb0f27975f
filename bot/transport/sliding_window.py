"""Sends booked against a true sliding window: at most `limit` in any span of `seconds`.

Whole-second buckets let a sliding second hold twice a bucket's budget (the end of one
second and the start of the next), so they must book at half the rate they protect.
Keeping the booked times themselves lets the rate approach the limit instead.

Bookings arrive out of order (a conversation on hold books seconds ahead while another
books for now), so the times are kept sorted and a booking takes the earliest moment,
from the one asked for, that overfills no window around it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort


class SlidingWindow:
    def __init__(self, *, limit: int, seconds: float) -> None:
        if limit < 1:
            raise ValueError("a sliding window must allow at least one send")
        self._limit = limit
        self._seconds = seconds
        self._booked: list[float] = []

    def book(self, at: float, *, now: float) -> float:
        """Book the earliest moment from `at` on; `now` lets bookings past every window go."""
        del self._booked[: bisect_right(self._booked, now - self._seconds)]
        while (crowded_since := self._crowded_since(at)) is not None:
            at = crowded_since + self._seconds
        insort(self._booked, at)
        return at

    def idle(self, *, now: float) -> bool:
        """Nothing booked that a booking from `now` on could share a window with."""
        return not self._booked or self._booked[-1] + self._seconds <= now

    def _crowded_since(self, at: float) -> float | None:
        """The first of `limit` bookings that would share one window with `at`, if any."""
        booked, limit, seconds = self._booked, self._limit, self._seconds
        near = booked[bisect_left(booked, at - seconds) : bisect_right(booked, at + seconds)]
        for first, last in zip(near, near[limit - 1 :]):
            # Sums, not differences: `at = first + seconds` must then clear this group.
            if max(last, at) < min(first, at) + seconds:
                return first
        return None
