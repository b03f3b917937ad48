#!/usr/bin/env python3
# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Timing of the Soirée pairing (coop_events/models/pairing.py): 30 participants, 3 rounds.

Not a test: prints the time of the pairing and its ratio to a naive generic approach
(random restarts: shuffle, seat neighbours, keep the best valid seating of 2000 tries per
round), on the same evening. Pure Python, no database: `python3 bench/bench_events_pairing.py`.
"""
import importlib.util
import itertools
import os
import random
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PAIRING = os.path.join(HERE, "..", "addons", "coop_events", "models", "pairing.py")
spec = importlib.util.spec_from_file_location("coop_events_pairing", PAIRING)
pairing = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pairing)

PEOPLE, ROUNDS, REPEAT, NAIVE_TRIES = 30, 3, 20, 2000


def evening(seed):
    """30 people of 22 organisations (some with two or three people), 40 % newcomers,
    45 pairs that met at earlier Soirées."""
    rng = random.Random(seed)
    people = [pairing.Participant(p, rng.randrange(22), rng.random() < 0.4)
              for p in range(PEOPLE)]
    history = set()
    while len(history) < 45:
        a, b = rng.sample(range(PEOPLE), 2)
        history.add(pairing.pair_key(a, b))
    return people, history


def cost(tables, people, history):
    value = 0
    for table in tables:
        for a, b in itertools.combinations(table, 2):
            value += 1000 * (pairing.pair_key(a, b) in history)
            value += people[a].newcomer == people[b].newcomer
    return value


def naive(people, history, rounds, seed):
    """Generic random-restart search: the baseline."""
    rng = random.Random(seed)
    ids = [p.pid for p in people]
    met, schedule = set(), []
    for _round in range(rounds):
        best = None
        for _try in range(NAIVE_TRIES):
            rng.shuffle(ids)
            tables = [tuple(ids[i:i + 2]) for i in range(0, len(ids) - len(ids) % 2, 2)]
            if len(ids) % 2:
                tables[-1] = tables[-1] + (ids[-1],)
            if any(people[a].org == people[b].org or pairing.pair_key(a, b) in met
                   for t in tables for a, b in itertools.combinations(t, 2)):
                continue
            value = cost(tables, people, history)
            if best is None or value < best[0]:
                best = (value, tables)
        if best is None:
            raise RuntimeError("naive search found no valid round")
        schedule.append(best[1])
        met.update(pairing.pair_key(a, b) for t in best[1] for a, b in itertools.combinations(t, 2))
    return schedule


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main():
    ours, theirs, ours_cost, theirs_cost = [], [], [], []
    for seed in range(REPEAT):
        people, history = evening(seed)
        t, schedule = timed(lambda: pairing.make_schedule(people, ROUNDS, history, seed=seed))
        ours.append(t)
        ours_cost.append(sum(cost(r, people, history) for r in schedule))
        t, schedule = timed(lambda: naive(people, history, ROUNDS, seed))
        theirs.append(t)
        theirs_cost.append(sum(cost(r, people, history) for r in schedule))
    mine, base = statistics.median(ours), statistics.median(theirs)
    print("coop_events pairing, %d participants x %d rounds (median of %d evenings):"
          % (PEOPLE, ROUNDS, REPEAT))
    print("  pairing.make_schedule : %8.1f ms (max %.1f ms), mean cost %.1f"
          % (mine * 1000, max(ours) * 1000, statistics.mean(ours_cost)))
    print("  naive random restarts : %8.1f ms (%d tries/round), mean cost %.1f"
          % (base * 1000, NAIVE_TRIES, statistics.mean(theirs_cost)))
    print("  ratio naive / ours    : %8.1f x" % (base / mine))
    if max(ours) >= 1.0:
        print("FAIL: the pairing took a second or more")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
