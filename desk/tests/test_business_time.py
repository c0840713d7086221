from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.test import SimpleTestCase

from desk.business_time import BusinessHours, easter_sunday, polish_holidays

WARSAW = ZoneInfo("Europe/Warsaw")
HOUR = 3600


def warsaw(*args) -> datetime:
    return datetime(*args, tzinfo=WARSAW)


class HolidayTests(SimpleTestCase):
    def test_it_computes_easter(self):
        expected = {
            2024: date(2024, 3, 31),
            2025: date(2025, 4, 20),
            2026: date(2026, 4, 5),
            2027: date(2027, 3, 28),
            2038: date(2038, 4, 25),  # the latest possible date
            2285: date(2285, 3, 22),  # the earliest possible date
        }
        for year, easter in expected.items():
            with self.subTest(year=year):
                self.assertEqual(easter_sunday(year), easter)
                self.assertIn(easter, polish_holidays(year))
                self.assertIn(easter + timedelta(days=1), polish_holidays(year))

    def test_it_makes_christmas_eve_a_holiday_from_2025(self):
        self.assertIn(date(2025, 12, 24), polish_holidays(2025))
        self.assertIn(date(2026, 12, 24), polish_holidays(2026))
        self.assertNotIn(date(2024, 12, 24), polish_holidays(2024))

    def test_it_lists_the_statutory_days_off_for_2026(self):
        self.assertEqual(
            polish_holidays(2026),
            {
                date(2026, 1, 1),
                date(2026, 1, 6),
                date(2026, 4, 5),
                date(2026, 4, 6),
                date(2026, 5, 1),
                date(2026, 5, 3),
                date(2026, 5, 24),  # Pentecost
                date(2026, 6, 4),  # Corpus Christi, a Thursday
                date(2026, 8, 15),
                date(2026, 11, 1),
                date(2026, 11, 11),
                date(2026, 12, 24),
                date(2026, 12, 25),
                date(2026, 12, 26),
            },
        )

    def test_it_returns_a_set_the_caller_may_change(self):
        polish_holidays(2025).clear()
        self.assertEqual(len(polish_holidays(2025)), 14)


class IsOpenTests(SimpleTestCase):
    hours = BusinessHours()

    def test_it_is_open_on_a_tuesday_morning(self):
        self.assertTrue(self.hours.is_open(warsaw(2025, 11, 4, 10, 0)))  # Tuesday

    def test_it_is_closed_on_a_saturday(self):
        self.assertFalse(self.hours.is_open(warsaw(2025, 11, 8, 10, 0)))

    def test_it_is_closed_on_independence_day(self):
        self.assertFalse(self.hours.is_open(warsaw(2025, 11, 11, 10, 0)))  # also a Tuesday

    def test_it_opens_at_8_and_closes_at_16(self):
        self.assertFalse(self.hours.is_open(warsaw(2025, 11, 4, 7, 59)))
        self.assertTrue(self.hours.is_open(warsaw(2025, 11, 4, 8, 0)))
        self.assertTrue(self.hours.is_open(warsaw(2025, 11, 4, 15, 59)))
        self.assertFalse(self.hours.is_open(warsaw(2025, 11, 4, 16, 0)))

    def test_it_reads_other_time_zones_in_warsaw_time(self):
        # 09:00 UTC is 10:00 in Warsaw in winter; 15:30 UTC is 16:30, closed.
        self.assertTrue(self.hours.is_open(datetime(2025, 11, 4, 9, 0, tzinfo=UTC)))
        self.assertFalse(self.hours.is_open(datetime(2025, 11, 4, 15, 30, tzinfo=UTC)))
        # In summer 14:30 UTC is 16:30 CEST, closed.
        self.assertFalse(self.hours.is_open(datetime(2025, 7, 1, 14, 30, tzinfo=UTC)))

    def test_it_refuses_naive_datetimes(self):
        with self.assertRaises(ValueError):
            self.hours.is_open(datetime(2025, 11, 4, 10, 0))

    def test_it_finds_the_next_opening(self):
        self.assertEqual(self.hours.next_open(warsaw(2025, 11, 4, 10, 0)), warsaw(2025, 11, 4, 10, 0))
        self.assertEqual(self.hours.next_open(warsaw(2025, 11, 4, 17, 0)), warsaw(2025, 11, 5, 8, 0))
        # Friday evening before Independence Day weekend: Sat, Sun, Mon 10th open.
        self.assertEqual(self.hours.next_open(warsaw(2025, 11, 7, 16, 0)), warsaw(2025, 11, 10, 8, 0))
        # Christmas 2025: 24, 25, 26 Dec (Wed–Fri) then the weekend.
        self.assertEqual(self.hours.next_open(warsaw(2025, 12, 23, 16, 0)), warsaw(2025, 12, 29, 8, 0))

    def test_it_takes_custom_opening_hours(self):
        saturdays = BusinessHours({5: (time(9, 0), time(13, 0))})
        self.assertTrue(saturdays.is_open(warsaw(2025, 11, 8, 10, 0)))
        self.assertFalse(saturdays.is_open(warsaw(2025, 11, 4, 10, 0)))
        with self.assertRaises(ValueError):
            BusinessHours({0: (time(16, 0), time(8, 0))})
        with self.assertRaises(ValueError):
            BusinessHours({})


class BusinessSecondsTests(SimpleTestCase):
    hours = BusinessHours()

    def test_it_counts_within_one_day(self):
        self.assertEqual(self.hours.business_seconds_between(warsaw(2025, 11, 4, 7, 0), warsaw(2025, 11, 4, 9, 30)), 1.5 * HOUR)

    def test_it_skips_the_weekend(self):
        # Friday 14:00 → Monday 10:00: two hours on Friday, two on Monday.
        seconds = self.hours.business_seconds_between(warsaw(2025, 3, 7, 14, 0), warsaw(2025, 3, 10, 10, 0))
        self.assertEqual(seconds, 4 * HOUR)

    def test_it_skips_a_holiday(self):
        # Monday 12:00 → Wednesday 12:00 across 11 November (Tuesday).
        seconds = self.hours.business_seconds_between(warsaw(2025, 11, 10, 12, 0), warsaw(2025, 11, 12, 12, 0))
        self.assertEqual(seconds, 8 * HOUR)
        # The same span a week earlier has a full Tuesday in it.
        seconds = self.hours.business_seconds_between(warsaw(2025, 11, 3, 12, 0), warsaw(2025, 11, 5, 12, 0))
        self.assertEqual(seconds, 16 * HOUR)

    def test_it_is_negative_backwards_and_zero_when_closed(self):
        self.assertEqual(self.hours.business_seconds_between(warsaw(2025, 11, 4, 12, 0), warsaw(2025, 11, 4, 10, 0)), -2 * HOUR)
        self.assertEqual(self.hours.business_seconds_between(warsaw(2025, 11, 8, 9, 0), warsaw(2025, 11, 9, 15, 0)), 0.0)

    def test_it_agrees_with_adding_business_seconds(self):
        start = warsaw(2025, 12, 19, 11, 17)
        for seconds in (0, 1, HOUR, 8 * HOUR, 40 * HOUR, 123_456):
            with self.subTest(seconds=seconds):
                deadline = self.hours.add_business_seconds(start, seconds)
                self.assertEqual(self.hours.business_seconds_between(start, deadline), seconds)


class DeadlineTests(SimpleTestCase):
    hours = BusinessHours()

    def test_it_carries_friday_afternoon_over_to_monday(self):
        # Friday 15:00 + 2 business hours = Friday 16:00 + one hour on Monday.
        deadline = self.hours.add_business_seconds(warsaw(2025, 3, 7, 15, 0), 2 * HOUR)
        self.assertEqual(deadline, warsaw(2025, 3, 10, 9, 0))
        self.assertEqual(deadline.tzinfo, WARSAW)

    def test_it_ends_at_closing_time_when_the_time_runs_out_then(self):
        self.assertEqual(self.hours.add_business_seconds(warsaw(2025, 3, 7, 15, 0), HOUR), warsaw(2025, 3, 7, 16, 0))

    def test_it_starts_the_clock_at_the_next_opening(self):
        # A request on Saturday: the clock starts on Monday at 08:00.
        self.assertEqual(self.hours.add_business_seconds(warsaw(2025, 3, 8, 12, 0), 2 * HOUR), warsaw(2025, 3, 10, 10, 0))
        self.assertEqual(self.hours.add_business_seconds(warsaw(2025, 3, 8, 12, 0), 0), warsaw(2025, 3, 10, 8, 0))

    def test_it_skips_holidays(self):
        # Friday 31 Oct 2025 15:00 + 2 h: Saturday is 1 November, Monday 3 Nov is open.
        self.assertEqual(self.hours.add_business_seconds(warsaw(2025, 10, 31, 15, 0), 2 * HOUR), warsaw(2025, 11, 3, 9, 0))
        # Monday 10 Nov 15:00 + 2 h: Tuesday is 11 November.
        self.assertEqual(self.hours.add_business_seconds(warsaw(2025, 11, 10, 15, 0), 2 * HOUR), warsaw(2025, 11, 12, 9, 0))

    def test_it_refuses_negative_durations(self):
        with self.assertRaises(ValueError):
            self.hours.add_business_seconds(warsaw(2025, 3, 7, 15, 0), -1)


class DaylightSavingTests(SimpleTestCase):
    hours = BusinessHours()

    def test_it_counts_across_the_spring_change(self):
        # Clocks go forward on Sunday 30 March 2025 (last Sunday of March).
        friday, monday = warsaw(2025, 3, 28, 12, 0), warsaw(2025, 3, 31, 12, 0)
        self.assertEqual(friday.utcoffset(), timedelta(hours=1))
        self.assertEqual(monday.utcoffset(), timedelta(hours=2))
        self.assertEqual(self.hours.business_seconds_between(friday, monday), 8 * HOUR)

    def test_it_adds_across_the_spring_change(self):
        deadline = self.hours.add_business_seconds(warsaw(2025, 3, 28, 15, 0), 2 * HOUR)
        self.assertEqual(deadline, warsaw(2025, 3, 31, 9, 0))
        self.assertEqual(deadline.utcoffset(), timedelta(hours=2))
        self.assertEqual(deadline.astimezone(UTC), datetime(2025, 3, 31, 7, 0, tzinfo=UTC))

    def test_it_counts_the_real_length_of_a_night_shift_on_change_days(self):
        # Open 01:00–05:00 on Sundays: 3 real hours in March, 5 in October.
        nights = BusinessHours({6: (time(1, 0), time(5, 0))})
        spring = nights.business_seconds_between(warsaw(2025, 3, 29, 12, 0), warsaw(2025, 3, 31, 12, 0))
        autumn = nights.business_seconds_between(warsaw(2025, 10, 25, 12, 0), warsaw(2025, 10, 27, 12, 0))
        ordinary = nights.business_seconds_between(warsaw(2025, 5, 10, 12, 0), warsaw(2025, 5, 12, 12, 0))
        self.assertEqual((spring, autumn, ordinary), (3 * HOUR, 5 * HOUR, 4 * HOUR))
        deadline = nights.add_business_seconds(warsaw(2025, 3, 30, 1, 0), 2 * HOUR)
        self.assertEqual(deadline.astimezone(UTC), datetime(2025, 3, 30, 2, 0, tzinfo=UTC))  # 04:00 CEST
        self.assertTrue(nights.is_open(datetime(2025, 10, 26, 1, 30, tzinfo=UTC)))  # 02:30 CET, second pass
