# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One-on-one conversations of a Soirée: who talks to whom, round by round.

Pure Python on purpose (no ORM, no Odoo import): the rules can be tested on
thousands of random evenings in milliseconds and the module is easy to reason about.

Rules, in order of strength:

1. hard: never two people of the same organisation at one table;
2. hard: never the same two people twice in one evening;
3. avoided: two people who already met at an earlier Soirée (only when there is
   no way around it in that round);
4. preferred: a member with a newcomer (one of the two is new, the other is not);
5. with an odd number of people, exactly one table of three per round, and
   preferably not the same people at the table of three every round.

Each round is a perfect matching on the "allowed" graph found by a depth-first
search (most constrained person first, cheapest partner first, with backtracking),
then improved by swapping people between tables while that lowers the cost.
"""
import itertools
import random
from collections import namedtuple

Participant = namedtuple("Participant", "pid org newcomer")

#: cost of seating two people who met at an earlier Soirée
HISTORY_COST = 1000
#: cost of a table that is not a member-newcomer pair
SAME_KIND_COST = 1
#: cost of putting someone at the table of three a second time
TRIPLE_AGAIN_COST = 1
#: search nodes per attempt before the round is declared impossible
MAX_NODES = 200000


class PairingError(ValueError):
    """The participants cannot be paired under the hard rules."""


class _OutOfBudget(Exception):
    pass


def pair_key(a, b):
    """The key of an unordered pair of participant ids."""
    return (a, b) if a <= b else (b, a)


class _Round:
    """Finds the tables of one round."""

    def __init__(self, people, met_tonight, history, triple_count, rng):
        self.people = people
        self.by_id = {p.pid: p for p in people}
        self.met_tonight = met_tonight
        self.history = history
        self.triple_count = triple_count
        self.rng = rng
        self.tie = {p.pid: rng.random() for p in people}
        ids = [p.pid for p in people]
        self.adj = {a: set() for a in ids}
        self.adj_new = {a: set() for a in ids}  # allowed and not met at an earlier Soirée
        for a, b in itertools.combinations(ids, 2):
            if self.allowed(a, b):
                self.adj[a].add(b)
                self.adj[b].add(a)
                if pair_key(a, b) not in history:
                    self.adj_new[a].add(b)
                    self.adj_new[b].add(a)
        self.nodes = 0

    def allowed(self, a, b):
        pa, pb = self.by_id[a], self.by_id[b]
        if pa.org is not None and pa.org == pb.org:
            return False
        return pair_key(a, b) not in self.met_tonight

    def cost(self, a, b):
        value = 0
        if pair_key(a, b) in self.history:
            value += HISTORY_COST
        if self.by_id[a].newcomer == self.by_id[b].newcomer:
            value += SAME_KIND_COST
        return value

    def table_cost(self, table):
        value = sum(self.cost(a, b) for a, b in itertools.combinations(table, 2))
        if len(table) == 3:
            value += sum(TRIPLE_AGAIN_COST * self.triple_count.get(p, 0) for p in table)
        return value

    def table_ok(self, table):
        return all(b in self.adj[a] for a, b in itertools.combinations(table, 2))

    # -- search ------------------------------------------------------------
    def _match(self, ids, budget):
        """A perfect matching of ids (a set) on the allowed graph with at most `budget`
        pairs that met at an earlier Soirée, or None (complete search)."""
        free = set(ids)
        tables = []

        def dfs(budget):
            if not free:
                return True
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _OutOfBudget()
            adj = self.adj if budget else self.adj_new
            degree = {a: len(adj[a] & free) for a in free}
            person = min(free, key=lambda a: (degree[a], self.tie[a]))
            if not degree[person]:
                return False
            options = sorted(adj[person] & free,
                             key=lambda b: (self.cost(person, b), degree[b], self.tie[b]))
            free.discard(person)
            for other in options:
                free.discard(other)
                tables.append((person, other))
                if dfs(budget - (pair_key(person, other) in self.history)):
                    return True
                tables.pop()
                free.add(other)
            free.add(person)
            return False

        return tables if dfs(budget) else None

    def _history_pairs(self, table):
        return sum(pair_key(a, b) in self.history for a, b in itertools.combinations(table, 2))

    def _triples(self):
        """Candidate tables of three: people who sat at it least often first, for each of
        them their cheapest tables of three (generated lazily: most rounds use the first)."""
        seen = set()
        ids = sorted(self.by_id, key=lambda a: (self.triple_count.get(a, 0), self.tie[a]))
        for a in ids:
            found = []
            for b, c in itertools.combinations(sorted(self.adj[a]), 2):
                triple = tuple(sorted((a, b, c)))
                if c in self.adj[b] and triple not in seen:
                    found.append(triple)
            found.sort(key=lambda t: (self.table_cost(t), sum(self.tie[x] for x in t)))
            for triple in found:
                seen.add(triple)
                yield triple

    def solve(self, budget):
        """The tables of this round meeting at most `budget` earlier pairs, or None."""
        self.nodes = 0
        ids = set(self.by_id)
        if len(ids) % 2 == 0:
            tables = self._match(ids, budget)
        else:
            tables = None
            for triple in self._triples():
                used = self._history_pairs(triple)
                if used > budget:
                    continue
                rest = self._match(ids - set(triple), budget - used)
                if rest is not None:
                    tables = rest + [triple]
                    break
        if tables is None:
            return None
        tables = [tuple(t) for t in tables]
        self._improve(tables)
        return tables

    def _improve(self, tables):
        """Swap people between two tables while it lowers the cost (local optimum)."""
        improved = True
        while improved:
            improved = False
            for i, j in itertools.combinations(range(len(tables)), 2):
                first, second = tables[i], tables[j]
                before = self.table_cost(first) + self.table_cost(second)
                for x, y in itertools.product(range(len(first)), range(len(second))):
                    new_first = first[:x] + (second[y],) + first[x + 1:]
                    new_second = second[:y] + (first[x],) + second[y + 1:]
                    if not (self.table_ok(new_first) and self.table_ok(new_second)):
                        continue
                    if self.table_cost(new_first) + self.table_cost(new_second) < before:
                        tables[i], tables[j] = new_first, new_second
                        improved = True
                        break
                if improved:
                    break


def _possible(finder, size):
    """Whether the round can be made at all under the hard rules."""
    orgs = {}
    for person in finder.people:
        if person.org is not None:
            orgs[person.org] = orgs.get(person.org, 0) + 1
    if orgs and max(orgs.values()) > size // 2:
        return False
    try:
        return finder.solve(size) is not None
    except _OutOfBudget:
        return True  # undecided: let the budgeted searches try


def make_schedule(participants, rounds=3, history=(), seed=None):
    """Pair participants into one-on-one conversations over `rounds` rounds.

    :param participants: iterable of Participant(pid, org, newcomer) or (pid, org, newcomer)
    :param history: iterable of (pid, pid) pairs that met at an earlier Soirée
    :param seed: seed of the random tie-breaks (same input and seed -> same schedule)
    :return: a list of rounds, each a list of tables (tuples of 2 or 3 sorted ids)
    :raise PairingError: fewer than 2 people, or no pairing respects the hard rules
    """
    people = [p if isinstance(p, Participant) else Participant(*p) for p in participants]
    if len(people) < 2:
        raise PairingError("At least two participants are needed to make pairs.")
    if len({p.pid for p in people}) != len(people):
        raise PairingError("A participant appears twice.")
    if rounds < 1:
        raise PairingError("At least one round is needed.")
    rng = random.Random(seed)
    history = {pair_key(a, b) for a, b in history}
    met_tonight = set()
    triple_count = {}
    schedule = []
    for number in range(rounds):
        finder = _Round(people, met_tonight, history, triple_count, rng)
        tables = None
        # fewest pairs that met at an earlier Soirée first: 0, 1, 2, ... (each search is
        # complete, so the first budget that works is the minimum), after a check that
        # the round is possible at all
        for budget in range(len(people) + 1):
            if budget == 1 and not _possible(finder, len(people)):
                break
            try:
                tables = finder.solve(budget)
            except _OutOfBudget:
                tables = None
            if tables is not None:
                break
        if tables is None:
            raise PairingError(
                "Round %d cannot be made: too many participants of the same organisation, "
                "or too few participants for this number of rounds." % (number + 1))
        tables.sort()
        for table in tables:
            met_tonight.update(pair_key(a, b) for a, b in itertools.combinations(table, 2))
            if len(table) == 3:
                for pid in table:
                    triple_count[pid] = triple_count.get(pid, 0) + 1
        schedule.append(tables)
    return schedule


def draw_questions(questions, rounds, per_round=2, seed=None):
    """Questions of the question box for each round, never the same one twice in an
    evening, themes as varied as possible within a round.

    :param questions: iterable of (question_id, theme)
    :return: a list (one per round) of lists of question ids
    :raise PairingError: fewer questions than rounds
    """
    questions = list(questions)
    if len(questions) < rounds:
        raise PairingError("The question box has fewer questions than there are rounds.")
    per_round = max(1, min(per_round, len(questions) // rounds))
    rng = random.Random(seed)
    pool = questions[:]
    rng.shuffle(pool)
    drawn = []
    for _number in range(rounds):
        chosen, themes = [], set()
        for question in list(pool):
            if len(chosen) == per_round:
                break
            if question[1] not in themes:
                chosen.append(question)
                themes.add(question[1])
        for question in list(pool):  # not enough themes left: fill up
            if len(chosen) == per_round:
                break
            if question not in chosen:
                chosen.append(question)
        for question in chosen:
            pool.remove(question)
        drawn.append([q[0] for q in chosen])
    return drawn
