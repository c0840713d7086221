import datetime as dt

from django.test import SimpleTestCase

from desk.routing import OFFER_TIMEOUT, Agent, Waiting, decide, estimated_wait, position, positions_and_waits

T0 = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def agent(id, langs, **kw):
    kw.setdefault("idle_since", T0)
    return Agent(id=id, languages=langs, **kw)


class RoutingTests(SimpleTestCase):
    def test_a_native_speaker_comes_first(self):
        agents = [agent(1, {"ru": "fluent"}), agent(2, {"ru": "native"})]
        offers = decide([Waiting(10, "ru", "stay", T0)], agents, at(1))
        self.assertEqual((offers[0].agent, offers[0].tier), (2, 0))

    def test_overflow_to_anyone_with_the_language_then_to_a_fallback(self):
        queue = [Waiting(10, "uk", "stay", T0)]
        offers = decide(queue, [agent(1, {"pl": "native", "ru": "basic"}), agent(2, {"uk": "basic"})], at(1))
        self.assertEqual((offers[0].agent, offers[0].tier), (2, 1))
        queue = [Waiting(11, "uk", "stay", T0)]
        offers = decide(queue, [agent(1, {"pl": "native"}), agent(3, {"ru": "native"})], at(1))
        self.assertEqual((offers[0].agent, offers[0].tier), (3, 2))

    def test_nobody_with_the_language_or_a_fallback_means_no_offer(self):
        self.assertEqual(decide([Waiting(10, "ru", "x", T0, fallbacks=("de",))], [agent(1, {"pl": "native"})], at(1)), [])

    def test_the_longest_idle_wins_among_equals_and_topic_skill_before_idleness(self):
        agents = [agent(1, {"en": "native"}, idle_since=at(-10)), agent(2, {"en": "native"}, idle_since=at(-300))]
        self.assertEqual(decide([Waiting(10, "en", "work", T0)], agents, at(1))[0].agent, 2)
        agents = [agent(1, {"en": "native"}, idle_since=at(-10), topics={"work"}), agent(2, {"en": "native"}, idle_since=at(-300))]
        self.assertEqual(decide([Waiting(11, "en", "work", T0)], agents, at(1))[0].agent, 1)

    def test_capacity_is_respected_and_the_oldest_go_first(self):
        queue = [Waiting(i, "pl", "x", at(i)) for i in range(5)]
        agents = [agent(1, {"pl": "native"}, capacity=2, active=1), agent(2, {"pl": "native"}, capacity=2)]
        offers = decide(queue, agents, at(10))
        self.assertEqual([o.conversation for o in offers], [0, 1, 2])
        self.assertEqual(sorted(o.agent for o in offers), [1, 2, 2])

    def test_busy_and_away_consultants_get_nothing(self):
        agents = [agent(1, {"pl": "native"}, status="busy"), agent(2, {"pl": "native"}, status="away")]
        self.assertEqual(decide([Waiting(1, "pl", "x", T0)], agents, at(1)), [])

    def test_an_unanswered_offer_returns_to_the_queue_and_goes_to_someone_else(self):
        queue = [Waiting(10, "ru", "x", T0)]
        agents = [agent(1, {"ru": "native"}, idle_since=at(-100)), agent(2, {"ru": "native"}, idle_since=at(-5))]
        self.assertEqual(decide(queue, agents, at(1))[0].agent, 1)
        self.assertEqual(decide(queue, agents, at(1) + OFFER_TIMEOUT / 2), [])  # still ringing
        again = decide(queue, agents, at(1) + OFFER_TIMEOUT)
        self.assertEqual(again[0].agent, 2)
        self.assertIn(1, queue[0].declined_by)

    def test_the_one_who_let_it_ring_gets_it_when_nobody_else_can(self):
        queue = [Waiting(10, "ru", "x", T0)]
        agents = [agent(1, {"ru": "native"})]
        decide(queue, agents, at(1))
        self.assertEqual(decide(queue, agents, at(1) + OFFER_TIMEOUT)[0].agent, 1)

    def test_position_and_estimated_wait(self):
        queue = [Waiting(i, "pl", "x", at(i)) for i in range(4)]
        agents = [agent(1, {"pl": "native"}, status="busy", capacity=2), agent(2, {"ru": "native"})]
        self.assertEqual(position(queue, 2), 3)
        # 2 ahead + itself, 180 s each, over the 2 chats the Polish-speaking consultant can hold.
        self.assertEqual(estimated_wait(queue, 2, agents, 180), 270)
        self.assertIsNone(estimated_wait([Waiting(9, "uk", "x", T0, fallbacks=("de",))], 9, [agent(3, {"pl": "native"})], 180))


    def test_all_positions_at_once_agree_with_one_at_a_time(self):
        queue = [Waiting(i, "pl" if i % 3 else "uk", "x", at(-i)) for i in range(30)]
        agents = [agent(1, {"pl": "native"}, capacity=2), agent(2, {"uk": "native"}, status="busy")]
        together = positions_and_waits(queue, agents, 120)
        for item in queue:
            self.assertEqual(together[item.id], (position(queue, item.id), estimated_wait(queue, item.id, agents, 120)))
