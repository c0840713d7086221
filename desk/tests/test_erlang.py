import math
from fractions import Fraction

import numpy as np
from django.test import SimpleTestCase

from desk.erlang import (
    agents_needed,
    agents_needed_a,
    asa,
    erlang_a,
    erlang_c,
    occupancy,
    patience_estimate,
    service_level,
    traffic_intensity,
    what_if,
)


def textbook_erlang_c(agents: int, traffic) -> Fraction:
    """Erlang C straight from the textbook formula, in exact fractions."""
    traffic = Fraction(traffic)
    top = traffic**agents / math.factorial(agents) * Fraction(agents) / (agents - traffic)
    bottom = sum(traffic**k / math.factorial(k) for k in range(agents)) + top
    return top / bottom


def birth_death_abandonment(agents, arrival_rate, aht, patience, queue=400):
    """Abandonment as θ·E[queue] / λ from a plainly computed truncated chain."""
    mu, theta = 1 / aht, 1 / patience
    weights = [1.0]
    for n in range(1, agents + queue + 1):
        weights.append(weights[-1] * arrival_rate / (min(n, agents) * mu + max(n - agents, 0) * theta))
    total = sum(weights)
    mean_queue = sum(max(n - agents, 0) * w for n, w in enumerate(weights)) / total
    return theta * mean_queue / arrival_rate


def _expm(matrix):
    """Matrix exponential by scaling and squaring a Taylor series (no SciPy here)."""
    norm = np.abs(matrix).sum(axis=0).max()
    squarings = max(0, math.ceil(math.log2(norm)) + 1) if norm > 0 else 0
    matrix = matrix / 2**squarings
    result, term = np.eye(len(matrix)), np.eye(len(matrix))
    for k in range(1, 25):
        term = term @ matrix / k
        result = result + term
    for _ in range(squarings):
        result = result @ result
    return result


def chain_erlang_a(agents, arrival_rate, aht, patience, target, queue=200):
    """Erlang A by plain linear algebra on a truncated chain, for comparison.

    The stationary distribution solves πQ = 0, Σπ = 1 (least squares, not the
    product formula). An arriving caller who finds j others waiting is then
    followed as a small absorbing chain (j ahead → j − 1 at Nμ + jθ, answered
    from 0 at Nμ, hangs up at θ from anywhere), and its generator exponentiated
    for P(answered by t); E[wait · answered] = p·(−T)⁻²·a for the transient
    block T and answer rates a. No negative-binomial sums, no log space.
    """
    mu, theta = 1 / aht, 1 / patience
    size = agents + queue + 1
    generator = np.zeros((size, size))
    for n in range(size):
        if n + 1 < size:
            generator[n, n + 1] = arrival_rate
        if n > 0:
            generator[n, n - 1] = min(n, agents) * mu + max(n - agents, 0) * theta
        generator[n, n] = -generator[n].sum()
    equations = np.vstack([generator.T, np.ones(size)])
    pi = np.linalg.lstsq(equations, np.eye(size + 1)[-1], rcond=None)[0]

    tagged = np.zeros((queue + 2, queue + 2))  # states 0..queue−1 ahead, answered, hung up
    for j in range(queue):
        if j > 0:
            tagged[j, j - 1] = agents * mu + j * theta
        else:
            tagged[0, queue] = agents * mu
        tagged[j, queue + 1] = theta
        tagged[j, j] = -tagged[j].sum()
    start = pi[agents : agents + queue]
    at_once = pi[:agents].sum()
    transient, answer = tagged[:queue, :queue], tagged[:queue, queue]
    inverse = np.linalg.inv(-transient)
    p_answered = at_once + start @ inverse @ answer
    return {
        "service_level": float(at_once + start @ _expm(tagged * target)[:queue, queue]),
        "abandonment": float(1 - p_answered),
        "asa": float(start @ inverse @ inverse @ answer / p_answered),
    }


class PublishedExampleTests(SimpleTestCase):
    # 100 calls per 30 minutes, 3-minute handle time, 80 % answered within 20 s.
    CONTACTS, INTERVAL, AHT, TARGET_SL, TARGET_S = 100, 1800, 180, 0.8, 20

    def test_it_turns_the_example_into_ten_erlangs(self):
        self.assertAlmostEqual(traffic_intensity(self.CONTACTS, self.INTERVAL, self.AHT), 10.0)

    def test_it_needs_14_agents_for_80_in_20(self):
        self.assertEqual(agents_needed(self.CONTACTS, self.INTERVAL, self.AHT, self.TARGET_SL, self.TARGET_S), 14)

    def test_it_gives_14_agents_about_80_percent_and_13_agents_less(self):
        fourteen = service_level(14, 10.0, self.AHT, self.TARGET_S)
        thirteen = service_level(13, 10.0, self.AHT, self.TARGET_S)
        self.assertGreaterEqual(fourteen, 0.8)
        self.assertAlmostEqual(fourteen, 0.888, places=3)
        self.assertLess(thirteen, 0.8)
        self.assertAlmostEqual(thirteen, 0.796, places=3)

    def test_it_builds_a_staffing_table(self):
        rows = what_if(self.CONTACTS, self.INTERVAL, self.AHT, self.TARGET_S, range(11, 16))
        self.assertEqual([row["agents"] for row in rows], [11, 12, 13, 14, 15])
        levels = [row["service_level"] for row in rows]
        self.assertEqual(levels, sorted(levels))
        waits = [row["asa"] for row in rows]
        self.assertEqual(waits, sorted(waits, reverse=True))
        self.assertAlmostEqual(rows[3]["occupancy"], 10 / 14)
        self.assertAlmostEqual(rows[3]["asa"], 7.84, places=2)
        self.assertEqual(set(rows[0]), {"agents", "service_level", "asa", "occupancy"})

    def test_it_defaults_the_staffing_table_to_three_to_eight_agents(self):
        rows = what_if(30, 3600, 360, 60)
        self.assertEqual([row["agents"] for row in rows], [3, 4, 5, 6, 7, 8])
        self.assertEqual(rows[0]["service_level"], 0.0)  # 3 agents for 3 Erlangs
        self.assertEqual(rows[0]["asa"], math.inf)


class ErlangCTests(SimpleTestCase):
    def test_it_matches_the_known_value_for_10_erlangs_on_12_agents(self):
        self.assertAlmostEqual(erlang_c(12, 10.0), 0.4493, delta=1e-4)  # 0.44939

    def test_it_matches_the_textbook_formula(self):
        # 2 Erlangs on 3 agents: (8/6 · 3) / (1 + 2 + 2 + 4) = 4/9 exactly.
        self.assertEqual(textbook_erlang_c(3, 2), Fraction(4, 9))
        self.assertAlmostEqual(erlang_c(3, 2.0), 4 / 9, places=12)
        for agents, traffic in [(12, 10), (14, 10), (5, Fraction(7, 2)), (40, Fraction(691, 20))]:
            with self.subTest(agents=agents, traffic=traffic):
                self.assertAlmostEqual(erlang_c(agents, float(traffic)), float(textbook_erlang_c(agents, traffic)), places=12)

    def test_it_stays_finite_for_a_large_centre(self):
        # A^N/N! alone would overflow a float here.
        waiting = erlang_c(500, 470.0)
        self.assertTrue(0 < waiting < 1)

    def test_it_makes_everyone_wait_when_agents_do_not_exceed_traffic(self):
        self.assertEqual(erlang_c(10, 10.0), 1.0)
        self.assertEqual(erlang_c(9, 10.0), 1.0)

    def test_it_gives_service_level_0_and_infinite_asa_when_overloaded(self):
        self.assertEqual(service_level(10, 10.0, 180, 20), 0.0)
        self.assertEqual(service_level(8, 10.0, 180, 20), 0.0)
        self.assertEqual(asa(10, 10.0, 180), math.inf)
        self.assertEqual(occupancy(8, 10.0), 1.0)

    def test_it_answers_everyone_at_once_without_traffic(self):
        self.assertEqual(erlang_c(3, 0.0), 0.0)
        self.assertEqual(service_level(3, 0.0, 180, 20), 1.0)
        self.assertEqual(service_level(0, 0.0, 180, 20), 1.0)
        self.assertEqual(asa(3, 0.0, 180), 0.0)
        self.assertEqual(occupancy(3, 0.0), 0.0)
        self.assertEqual(agents_needed(0, 1800, 180, 0.8, 20), 0)

    def test_it_computes_asa_and_occupancy_by_the_formulas(self):
        self.assertAlmostEqual(asa(12, 10.0, 180), erlang_c(12, 10.0) * 180 / 2)
        self.assertAlmostEqual(occupancy(12, 10.0), 10 / 12)

    def test_it_refuses_impossible_targets(self):
        with self.assertRaises(ValueError):
            agents_needed(100, 1800, 180, 0.8, 20, max_agents=12)
        with self.assertRaises(ValueError):
            erlang_c(-1, 2.0)


class PoolingTests(SimpleTestCase):
    """The office's illustration: one pooled team of 5 against 4 language lines.

    30 calls an hour, 6-minute handle time (3 Erlangs), answered within 60 s.
    Split, the team is 2 Polish-language agents and one agent each for
    Ukrainian, English and Russian, with the calls split 2/1/1/1 in the same way.
    """

    AHT, TARGET = 360, 60
    TRAFFIC = traffic_intensity(30, 3600, 360)
    LINES = [(2, Fraction(2, 5)), (1, Fraction(1, 5)), (1, Fraction(1, 5)), (1, Fraction(1, 5))]

    def pooled(self):
        return service_level(5, self.TRAFFIC, self.AHT, self.TARGET)

    def split(self):
        # Every caller counts once: weight each line's level by its share of calls.
        return sum(
            float(share) * service_level(agents, self.TRAFFIC * float(share), self.AHT, self.TARGET)
            for agents, share in self.LINES
        )

    def test_it_answers_far_more_calls_in_time_when_the_team_is_pooled(self):
        pooled, split = self.pooled(), self.split()
        ukrainian_alone = service_level(1, self.TRAFFIC / 5, self.AHT, self.TARGET)
        for level in (pooled, split, ukrainian_alone):
            self.assertTrue(0 < level < 1, level)
        self.assertGreater(pooled, split)
        self.assertGreater(pooled - split, 0.2)
        self.assertGreater(pooled, ukrainian_alone)
        self.assertAlmostEqual(sum(share for _, share in self.LINES), 1)

    def test_it_keeps_the_same_occupancy_either_way(self):
        # Same work, same people: pooling does not make anyone busier.
        self.assertAlmostEqual(occupancy(5, self.TRAFFIC), occupancy(1, self.TRAFFIC / 5))


class ErlangATests(SimpleTestCase):
    N, RATE, AHT, TARGET = 12, 10 / 180, 180, 20  # 10 Erlangs on 12 agents

    def test_it_approaches_erlang_c_as_patience_grows(self):
        level_c, asa_c = service_level(self.N, 10.0, self.AHT, self.TARGET), asa(self.N, 10.0, self.AHT)
        gaps = []
        for patience in (1e3, 1e5, 1e7, 1e9):
            result = erlang_a(self.N, self.RATE, self.AHT, patience, self.TARGET)
            gaps.append((abs(result["service_level"] - level_c), abs(result["asa"] - asa_c), result["abandonment"]))
        for earlier, later in zip(gaps, gaps[1:]):
            self.assertTrue(all(b < a for a, b in zip(earlier, later)), gaps)
        level_gap, asa_gap, abandonment = gaps[-1]
        self.assertLess(level_gap, 1e-6)
        self.assertLess(asa_gap / asa_c, 1e-5)
        self.assertLess(abandonment, 1e-7)

    def test_it_is_erlang_c_with_infinite_patience(self):
        result = erlang_a(self.N, self.RATE, self.AHT, math.inf, self.TARGET)
        self.assertEqual(result["abandonment"], 0.0)
        self.assertEqual(result["service_level"], service_level(self.N, 10.0, self.AHT, self.TARGET))

    def test_it_loses_more_callers_as_patience_falls(self):
        losses = [erlang_a(self.N, self.RATE, self.AHT, patience, self.TARGET)["abandonment"] for patience in (600, 300, 120, 60, 30)]
        self.assertEqual(losses, sorted(losses))
        self.assertEqual(len(set(losses)), len(losses))
        self.assertTrue(all(0 < loss < 1 for loss in losses))

    def test_it_agrees_with_the_queue_length_formula_for_abandonment(self):
        # Abandonment rate = θ · E[queue] (Little), computed independently here.
        for agents, patience in [(12, 60), (10, 90), (3, 30)]:
            with self.subTest(agents=agents, patience=patience):
                result = erlang_a(agents, self.RATE, self.AHT, patience, self.TARGET)
                expected = birth_death_abandonment(agents, self.RATE, self.AHT, patience)
                self.assertAlmostEqual(result["abandonment"], expected, places=9)

    def test_it_stays_stable_when_overloaded(self):
        # 12 Erlangs on 10 agents: Erlang C has no answer, Erlang A does.
        result = erlang_a(10, 12 / 180, 180, 90, 20)
        self.assertTrue(0 < result["service_level"] < 1)
        self.assertTrue(0 < result["abandonment"] < 1)
        self.assertTrue(math.isfinite(result["asa"]))
        # With very patient callers, the excess (1 − N/A) is what gets lost.
        patient = erlang_a(10, 12 / 180, 180, 1e5, 20)
        self.assertAlmostEqual(patient["abandonment"], 1 - 10 / 12, places=3)

    def test_it_handles_a_large_centre(self):
        result = erlang_a(400, 390 / 180, 180, 120, 20)
        self.assertTrue(0 < result["service_level"] <= 1)
        self.assertTrue(0 < result["abandonment"] < 1)

    def test_it_helps_the_service_level_when_impatient_callers_leave(self):
        # Callers who hang up shorten the queue for everyone behind them.
        with_abandonment = erlang_a(self.N, self.RATE, self.AHT, 60, self.TARGET)
        self.assertGreater(with_abandonment["asa"], 0)
        self.assertLess(with_abandonment["asa"], asa(self.N, 10.0, self.AHT))

    def test_it_answers_everyone_without_traffic(self):
        self.assertEqual(erlang_a(3, 0.0, 180, 60, 20), {"service_level": 1.0, "abandonment": 0.0, "asa": 0.0})

    def test_it_refuses_a_truncation_that_would_drop_real_callers(self):
        with self.assertRaises(ValueError):
            erlang_a(10, 12 / 180, 180, 1e9, 20)

    def test_it_agrees_with_linear_algebra_on_the_chain(self):
        # Service level, abandonment and ASA by an independent numerical route.
        # (A discrete-event simulation of 400,000 callers also agreed within
        # its noise, about ±0.002, for the first three cases.)
        cases = [(12, 10 / 180, 180, 60, 20), (10, 12 / 180, 180, 90, 20), (3, 4 / 300, 300, 45, 60),
                 (1, 1 / 300, 300, 30, 60), (5, 8 / 240, 240, 120, 60), (8, 10 / 180, 180, 600, 60)]  # fmt: skip
        for case in cases:
            with self.subTest(case=case):
                ours, reference = erlang_a(*case), chain_erlang_a(*case)
                self.assertAlmostEqual(ours["service_level"], reference["service_level"], places=8)
                self.assertAlmostEqual(ours["abandonment"], reference["abandonment"], places=8)
                self.assertAlmostEqual(ours["asa"], reference["asa"], places=6)
        # The first case, pinned: 10 Erlangs on 12 agents, patience 60 s, 20 s target.
        self.assertAlmostEqual(erlang_a(*cases[0])["service_level"], 0.86030, places=5)
        self.assertAlmostEqual(erlang_a(*cases[0])["abandonment"], 0.07590, places=5)


class PatienceEstimateTests(SimpleTestCase):
    ANSWERED = [30, 90, 0]  # the caller answered at once adds nothing
    ABANDONED = [20, 40, 60, 80, 100]

    def test_it_divides_all_waiting_by_the_hang_ups(self):
        # θ̂ = 5 / (30 + 90 + 0 + 20 + 40 + 60 + 80 + 100) = 5 / 420, so 84 s.
        self.assertEqual(patience_estimate(self.ANSWERED, self.ABANDONED), 84.0)
        self.assertEqual(patience_estimate((w for w in self.ANSWERED), iter(self.ABANDONED)), 84.0)

    def test_it_maximises_the_censored_exponential_likelihood(self):
        # log L(θ) = d·log θ − θ·Σ waits, answered waits being censored patience.
        total, hung_up = sum(self.ANSWERED) + sum(self.ABANDONED), len(self.ABANDONED)
        best = 1 / patience_estimate(self.ANSWERED, self.ABANDONED)
        log_likelihood = lambda theta: hung_up * math.log(theta) - theta * total  # noqa: E731
        for factor in (0.5, 0.9, 0.99, 1.01, 1.1, 2):
            self.assertGreater(log_likelihood(best), log_likelihood(best * factor))

    def test_it_refuses_to_estimate_from_too_few_hang_ups(self):
        self.assertIsNone(patience_estimate(self.ANSWERED, self.ABANDONED[:4]))
        self.assertIsNone(patience_estimate([600] * 100, []))
        self.assertEqual(patience_estimate(self.ANSWERED, self.ABANDONED[:4], min_abandoned=4), 320 / 4)
        self.assertIsNone(patience_estimate([], [0.0] * 5))  # nobody waited at all

    def test_it_rejects_negative_waits(self):
        with self.assertRaises(ValueError):
            patience_estimate([-1], self.ABANDONED)


class AgentsNeededATests(SimpleTestCase):
    AHT, TARGET_SL, TARGET_S = 180, 0.8, 60

    def needed(self, contacts, patience):
        return agents_needed_a(contacts, 3600, self.AHT, patience, self.TARGET_SL, self.TARGET_S)

    def test_it_needs_more_consultants_for_more_calls(self):
        for patience in (30, 90, 300):
            with self.subTest(patience=patience):
                staffing = [self.needed(contacts, patience) for contacts in range(0, 801, 20)]
                self.assertEqual(staffing, sorted(staffing))
                self.assertEqual(staffing[0], 0)
                self.assertGreater(staffing[-1], staffing[1])

    def test_it_is_erlang_c_when_callers_never_hang_up(self):
        for contacts in (10, 40, 100, 200, 600):
            erlang_c_needs = agents_needed(contacts, 3600, self.AHT, self.TARGET_SL, self.TARGET_S)
            with self.subTest(contacts=contacts):
                self.assertEqual(self.needed(contacts, math.inf), erlang_c_needs)
                self.assertEqual(self.needed(contacts, 1e6), erlang_c_needs)

    def test_it_needs_no_more_than_erlang_c(self):
        for contacts in (10, 40, 100, 200, 600):
            erlang_c_needs = agents_needed(contacts, 3600, self.AHT, self.TARGET_SL, self.TARGET_S)
            for patience in (30, 90, 300, 3000):
                with self.subTest(contacts=contacts, patience=patience):
                    self.assertLessEqual(self.needed(contacts, patience), erlang_c_needs)

    def test_it_can_meet_the_target_with_fewer_consultants_than_erlangs(self):
        # 600 calls an hour of 3 minutes is 30 Erlangs: Erlang C needs 33, while
        # with a mean patience of 60 s, 26 reach 80 % in 60 s (about 18 % hang
        # up, which the service level counts as not answered in time).
        self.assertEqual(agents_needed(600, 3600, self.AHT, self.TARGET_SL, self.TARGET_S), 33)
        self.assertEqual(self.needed(600, 60), 26)
        rate = 600 / 3600
        for agents, meets in [(25, False), (26, True)]:
            reference = chain_erlang_a(agents, rate, self.AHT, 60, self.TARGET_S)
            self.assertEqual(reference["service_level"] >= self.TARGET_SL, meets, reference)
        self.assertAlmostEqual(erlang_a(26, rate, self.AHT, 60, self.TARGET_S)["abandonment"], 0.176, places=3)

    def test_it_finds_what_a_search_from_one_agent_finds(self):
        # The search starts at ⌊0.8·A⌋ (at most N/A of callers can be answered);
        # a plain search from 1 must agree.
        for contacts, patience in [(20, 60), (100, 30), (300, 120), (600, 60), (900, 20)]:
            rate = contacts / 3600
            levels = ((n, erlang_a(n, rate, self.AHT, patience, self.TARGET_S)["service_level"]) for n in range(1, 200))
            plain = next(n for n, level in levels if level >= self.TARGET_SL)
            with self.subTest(contacts=contacts, patience=patience):
                self.assertEqual(self.needed(contacts, patience), plain)

    def test_it_skips_headcounts_whose_queue_is_too_long_to_compute(self):
        # Patience of 30 years on 10 Erlangs: 8 or 9 agents leave a queue
        # erlang_a refuses to truncate; they cannot meet the target anyway.
        for agents in (8, 9):
            with self.assertRaises(ValueError):
                erlang_a(agents, 200 / 3600, self.AHT, 1e9, self.TARGET_S)
        self.assertEqual(self.needed(200, 1e9), agents_needed(200, 3600, self.AHT, self.TARGET_SL, self.TARGET_S))

    def test_it_refuses_impossible_targets_and_bad_input(self):
        with self.assertRaises(ValueError):
            agents_needed_a(600, 3600, self.AHT, 60, 0.8, 60, max_agents=20)
        with self.assertRaises(ValueError):
            agents_needed_a(600, 3600, self.AHT, 60, 0, 60)
        with self.assertRaises(ValueError):
            agents_needed_a(600, 3600, self.AHT, 0, 0.8, 60)
