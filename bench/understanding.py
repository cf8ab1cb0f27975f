"""How much of the transcript table the deterministic understanding gets right, and its cost.

    python -m bench.understanding [--passes 20]

Score: each utterance of tests/unit/bot/understanding/transcript.py is understood with
the table's conversation and compared with its expected outcome. Cost: every
utterance understood `--passes` times after one warm-up pass (caches built);
its median is its cost (the machine is shared: single runs catch other work);
the figures are per message, in-process, on this machine (goal: < 0.3 ms).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

from bot.understanding import understand
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, expanded
from tests.unit.bot.understanding.transcript import TABLE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=20)
    passes = parser.parse_args().passes
    right = Counter[str]()
    total = Counter[str]()
    for said, expected in TABLE:
        kind = expected.split()[0]
        total[kind] += 1
        right[kind] += summary(understand(said, CONVERSATION)) == expanded(expected)
    for said, _expected in TABLE:  # warm-up: patterns compiled, vocabularies indexed
        understand(said, CONVERSATION)
    medians: list[tuple[float, str]] = []
    for said, _expected in TABLE:
        runs = []
        for _ in range(passes):
            started = time.perf_counter()
            understand(said, CONVERSATION)
            runs.append(time.perf_counter() - started)
        medians.append((statistics.median(runs), said))
    medians.sort()
    score = sum(right.values())
    print(f"transcript table: {score}/{len(TABLE)} understood as expected "
          f"({score / len(TABLE):.1%})")
    for kind in sorted(total):
        print(f"  {kind:<10} {right[kind]:>4}/{total[kind]}")
    costs = [cost for cost, _ in medians]
    slowest, said = medians[-1]
    print(f"cost per message (median of {passes} runs each, {len(TABLE)} messages): "
          f"mean {statistics.fmean(costs) * 1e3:.3f} ms, "
          f"p95 {costs[int(len(costs) * 0.95)] * 1e3:.3f} ms, "
          f"slowest {slowest * 1e3:.3f} ms ({said!r}); goal < 0.3 ms")

if __name__ == "__main__":
    main()
