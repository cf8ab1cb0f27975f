"""How much of the transcript table the deterministic understanding gets right, and its cost.

    python -m bench.understanding [--passes 20] [--longest]

Score: each utterance of tests/unit/bot/understanding/transcript.py, newcomers.py and
in_their_words.py is
understood as the bot reads it (people and teams looked up only when it names someone) with
the tables' conversation and compared with its expected outcome. Cost: every
utterance understood `--passes` times after one warm-up pass (caches built);
its median is its cost (the machine is shared: single runs catch other work);
the figures are per message, in-process, on this machine (goal: < 0.3 ms).

`--longest`: messages of the longest length the bot reads (64,000 characters) shaped to
hit every loop over sentences, clauses, lines and words, each timed against a message of
plain words of the same length in the same run, and against the same shape a quarter as
long. A step that looks back over the whole message from every sentence (or every "it",
date, number…) shows here as a ratio in the tens, and as ~16x its quarter.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

from bot.messages import MAX_MESSAGE_CHARS
from bot.mentions import clean_markup, readable
from bot.understanding import understand
from bot.understanding.summary import summary
from tests.unit.bot.understanding.in_their_words import IN_THEIR_WORDS, SECOND_LOOK
from tests.unit.bot.understanding.newcomers import FIRST_SEEN, HELD_OUT
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded
from tests.unit.bot.understanding.transcript import TABLE

TABLES = TABLE + FIRST_SEEN + HELD_OUT + IN_THEIR_WORDS + SECOND_LOOK


LONGEST = {
    "plain words (baseline)": "printer broken again ",
    "sentences": "a. ",
    "clauses": "x, ",
    "lines": "x\n",
    "addressed requests": "sam, close 4. ",
    "assign words": "assign ",
    "owners": "sams open ",
    "list words": "my open tickets about ",
    "several tickets": "close 4, 5 and 6 ",
    "tickets with commas": "4,5 ",
    "addressed with a dash": "sam - close 4 ",
    "conditions": "if 4 is fixed, close it. ",
    "its told of a thing": "it not open ",
    "its after a thing": "my laptop and it ",
    "its after clauses": "my laptop, it ",
    "its in sentences": "outlook crashed. it says no. ",
    "this one": "this one ",
    "my ticket": "close my ticket ",
    "bare numbers": "4 ",
    "hashed numbers": "#4 ",
    "ticket numbers": "TKT-2026-0004 ",
    "long digit runs": "1234567890123 ",
    "dates": "due 3 dec ",
    "mentions": "<at>Sam Rivera</at> ",
    "at-names": "@sam ",
    "quotes": '"a" ',
    "emoji": "\U0001F600 ",
    "newlines": "\n",
    "one long token": "x",
    "one long number": "4",
}


def _best_of_three(text: str) -> float:
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        as_the_bot_reads(text, CONVERSATION)
        runs.append(time.perf_counter() - started)
    return min(runs)


def longest() -> None:
    """Each shape at the longest length read, best of three, against plain words; and how
    much longer it takes than at a quarter of that length (4x when reading is linear, 16x
    when quadratic: a figure the shared machine's load does not move much)."""
    timings = {}
    for name, unit in LONGEST.items():
        text = (unit * (MAX_MESSAGE_CHARS // len(unit) + 1))[:MAX_MESSAGE_CHARS]
        timings[name] = (_best_of_three(text), _best_of_three(text[:len(text) // 4]))
    baseline = timings["plain words (baseline)"][0]
    for name, (seconds, quarter) in timings.items():
        print(f"  {name:<24} {seconds:6.2f} s  {seconds / baseline:5.1f}x plain  "
              f"{seconds / quarter:5.1f}x a quarter as long")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=20)
    parser.add_argument("--longest", action="store_true")
    arguments = parser.parse_args()
    if arguments.longest:
        print(f"messages of {MAX_MESSAGE_CHARS:,} characters, best of 3:")
        longest()
        return
    passes = arguments.passes
    right = Counter[str]()
    total = Counter[str]()
    for said, expected in TABLES:
        kind = expected.split()[0]
        total[kind] += 1
        read = readable(as_the_bot_reads(clean_markup(said, drop_mentions_of={"ticketflow"}),
                                         CONVERSATION))
        right[kind] += summary(read) == expanded(expected)
    for said, _expected in TABLES:  # warm-up: patterns compiled, vocabularies indexed
        understand(said, CONVERSATION)
    medians: list[tuple[float, str]] = []
    for said, _expected in TABLES:
        runs = []
        for _ in range(passes):
            started = time.perf_counter()
            understand(said, CONVERSATION)
            runs.append(time.perf_counter() - started)
        medians.append((statistics.median(runs), said))
    medians.sort()
    score = sum(right.values())
    print(f"transcript tables: {score}/{len(TABLES)} understood as expected "
          f"({score / len(TABLES):.1%})")
    for kind in sorted(total):
        print(f"  {kind:<10} {right[kind]:>4}/{total[kind]}")
    costs = [cost for cost, _ in medians]
    slowest, said = medians[-1]
    print(f"cost per message (median of {passes} runs each, {len(TABLES)} messages): "
          f"mean {statistics.fmean(costs) * 1e3:.3f} ms, "
          f"p95 {costs[int(len(costs) * 0.95)] * 1e3:.3f} ms, "
          f"slowest {slowest * 1e3:.3f} ms ({said!r}); goal < 0.3 ms")

if __name__ == "__main__":
    main()
