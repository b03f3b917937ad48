# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Property tests of the Soirée pairing (pure Python, no database)."""
import itertools
import random
import time
import unittest

from odoo.addons.coop_events.models.pairing import (
    PairingError, Participant, draw_questions, make_schedule, pair_key)


def tables_valid(tables, people, met):
    """The hard rules for one round's tables, given the pairs met earlier tonight."""
    for table in tables:
        if len(table) not in (2, 3):
            return False
        for a, b in itertools.combinations(table, 2):
            if people[a].org is not None and people[a].org == people[b].org:
                return False
            if pair_key(a, b) in met:
                return False
    return True


def all_rounds(ids):
    """Every way to seat ids at tables of two (one table of three when odd)."""
    ids = sorted(ids)
    if not ids:
        yield []
        return
    if len(ids) % 2:
        for triple in itertools.combinations(ids, 3):
            rest = [i for i in ids if i not in triple]
            for tables in _perfect(rest):
                yield tables + [triple]
    else:
        yield from _perfect(ids)


def _perfect(ids):
    if not ids:
        yield []
        return
    first = ids[0]
    for other in ids[1:]:
        rest = [i for i in ids if i not in (first, other)]
        for tables in _perfect(rest):
            yield [(first, other)] + tables


def counts(tables, people, history, triple_before):
    """(pairs met at earlier Soirées, pairs not member-newcomer + repeats at the table of
    three): what the pairing minimises, in that order."""
    met_before = same_kind = 0
    for table in tables:
        for a, b in itertools.combinations(table, 2):
            met_before += pair_key(a, b) in history
            same_kind += people[a].newcomer == people[b].newcomer
        if len(table) == 3:
            same_kind += sum(triple_before.get(p, 0) for p in table)
    return met_before, same_kind


def random_case(rng):
    size = rng.randint(2, 34)
    org_count = rng.randint(max(1, size // 3), size)
    people = {}
    for pid in range(size):
        org = rng.randrange(org_count) if rng.random() < 0.8 else None
        people[pid] = Participant(pid, org, rng.random() < 0.4)
    history = set()
    for _ in range(rng.randint(0, 2 * size)):
        a, b = rng.sample(range(size), 2)
        history.add(pair_key(a, b))
    return people, history, rng.randint(1, 4)


class TestPairingProperties(unittest.TestCase):

    cases = 400

    def check_schedule(self, people, history, rounds, schedule):
        """Assert every rule of the pairing on one schedule."""
        self.assertEqual(len(schedule), rounds)
        met, triple_before = set(), {}
        for tables in schedule:
            seated = sorted(p for table in tables for p in table)
            self.assertEqual(seated, sorted(people), "everybody exactly once per round")
            self.assertEqual(sum(len(t) == 3 for t in tables), len(people) % 2,
                             "one table of three exactly when the number is odd")
            self.assertTrue(tables_valid(tables, people, met),
                            "same organisation or a pair repeated tonight: %s" % tables)
            # local optimum: no swap of two people between tables keeps the hard rules
            # and meets fewer earlier pairs, or as many and makes more member-newcomer pairs
            for i, j in itertools.combinations(range(len(tables)), 2):
                first, second = tables[i], tables[j]
                now = counts([first, second], people, history, triple_before)
                for x, y in itertools.product(range(len(first)), range(len(second))):
                    new_first = first[:x] + (second[y],) + first[x + 1:]
                    new_second = second[:y] + (first[x],) + second[y + 1:]
                    if not tables_valid([new_first, new_second], people, met):
                        continue
                    self.assertGreaterEqual(
                        counts([new_first, new_second], people, history, triple_before), now,
                        "swapping %s and %s would be better" % (first[x], second[y]))
            used_history = counts(tables, people, history, triple_before)[0]
            if used_history and len(people) <= 9:
                best = min(counts(option, people, history, triple_before)[0]
                           for option in all_rounds(people)
                           if tables_valid(option, people, met))
                self.assertEqual(used_history, best,
                                 "earlier pairs met again although it was avoidable")
            for table in tables:
                met.update(pair_key(a, b) for a, b in itertools.combinations(table, 2))
                if len(table) == 3:
                    for p in table:
                        triple_before[p] = triple_before.get(p, 0) + 1

    def test_random_evenings(self):
        """On 400 random evenings (2-34 people, varying organisations, history and rounds)
        every schedule keeps all the rules, and a refusal only happens when no valid
        round exists (checked exhaustively for small groups)."""
        rng = random.Random(20211208)
        made = refused = 0
        for case in range(self.cases):
            people, history, rounds = random_case(rng)
            try:
                schedule = make_schedule(people.values(), rounds, history, seed=case)
            except PairingError:
                refused += 1
                if len(people) > 9:
                    continue
                # find the round that failed: the rounds before it can be made
                done = rounds - 1
                while done:
                    try:
                        earlier = make_schedule(people.values(), done, history, seed=case)
                        break
                    except PairingError:
                        done -= 1
                else:
                    earlier = []
                met = {pair_key(a, b) for tables in earlier for t in tables
                       for a, b in itertools.combinations(t, 2)}
                self.assertFalse(
                    any(tables_valid(option, people, met) for option in all_rounds(people)),
                    "case %d refused although a valid round exists" % case)
                continue
            made += 1
            self.check_schedule(people, history, rounds, schedule)
        self.assertGreater(made, self.cases * 0.7, "most random evenings can be paired")
        self.assertGreater(refused, 0, "the random cases include impossible evenings")

    def test_thirty_people_three_rounds(self):
        """A Soirée of 30 people from 20 organisations with history: valid and no earlier
        pair met again."""
        people = {p: Participant(p, p % 20, p % 3 == 0) for p in range(30)}
        history = {pair_key(p, (p + 1) % 30) for p in range(30)}
        schedule = make_schedule(people.values(), 3, history, seed=7)
        self.check_schedule(people, history, 3, schedule)
        self.assertFalse([t for tables in schedule for t in tables
                          if pair_key(*t[:2]) in history])

    def test_thirty_people_well_under_a_second(self):
        """30 participants, 3 rounds, on 20 random evenings (22 organisations, 40 %
        newcomers, 45 earlier pairs, as bench/bench_events_pairing.py): each well under a
        second, and valid."""
        rng = random.Random(30)
        for case in range(20):
            people = {p: Participant(p, rng.randrange(22), rng.random() < 0.4)
                      for p in range(30)}
            history = set()
            while len(history) < 45:
                history.add(pair_key(*rng.sample(range(30), 2)))
            start = time.process_time()
            schedule = make_schedule(people.values(), 3, history, seed=case)
            elapsed = time.process_time() - start
            self.assertLess(elapsed, 0.5, "case %d took %.2f s" % (case, elapsed))
            self.check_schedule(people, history, 3, schedule)

    def test_members_meet_newcomers(self):
        """Four members and four newcomers of eight organisations: each table of the first
        round has one member and one newcomer."""
        people = [Participant(p, p, p >= 4) for p in range(8)]
        first_round = make_schedule(people, 1, seed=3)[0]
        for a, b in first_round:
            self.assertNotEqual(a >= 4, b >= 4)

    def test_odd_table_of_three_rotates(self):
        """Seven people over three rounds: one table of three per round, never the same three
        people twice at it."""
        people = [Participant(p, p, False) for p in range(7)]
        schedule = make_schedule(people, 3, seed=1)
        triples = [t for tables in schedule for t in tables if len(t) == 3]
        self.assertEqual(len(triples), 3)
        self.assertEqual(len(set(triples)), 3)

    def test_same_seed_same_schedule(self):
        """The same input and seed give the same schedule (reproducible printing)."""
        people = [Participant(p, p % 5, p % 2 == 0) for p in range(12)]
        self.assertEqual(make_schedule(people, 3, seed=42), make_schedule(people, 3, seed=42))

    def test_refusals(self):
        """Fewer than two people, everybody of one organisation, and more rounds than
        possible partners are refused."""
        with self.assertRaises(PairingError):
            make_schedule([Participant(1, 1, False)], 3)
        with self.assertRaises(PairingError):
            make_schedule([Participant(p, "same", False) for p in range(6)], 1)
        with self.assertRaises(PairingError):
            make_schedule([Participant(p, p, False) for p in range(4)], 4)

    def test_questions_differ_per_round(self):
        """Questions are never repeated in an evening and vary in theme within a round."""
        rng = random.Random(5)
        for case in range(200):
            themes = rng.randint(1, 5)
            questions = [(q, rng.randrange(themes)) for q in range(rng.randint(3, 20))]
            rounds = rng.randint(1, 3)
            per_round = rng.randint(1, 3)
            drawn = draw_questions(questions, rounds, per_round, seed=case)
            flat = [q for qs in drawn for q in qs]
            self.assertEqual(len(flat), len(set(flat)), "case %d repeats a question" % case)
            self.assertTrue(all(drawn), "every round has a question")
            theme_of = dict(questions)
            self.assertEqual(len({theme_of[q] for q in drawn[0]}),
                             min(len(drawn[0]), len(set(theme_of.values()))),
                             "case %d: the first round repeats a theme needlessly" % case)
        with self.assertRaises(PairingError):
            draw_questions([(1, "a")], 2)
