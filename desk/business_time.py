"""Office hours and Polish public holidays, for SLA clocks on the infoline.

A reply promised "within 2 working hours" runs only while the office is open:
Monday to Friday 08:00–16:00 Warsaw time by default, never on a statutory day
off. All arithmetic is done in UTC, because Python subtracts and compares two
datetimes that share a tzinfo on the wall clock, which is an hour out across
a DST change; results are returned in the office's time zone.
"""

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

__all__ = ["BusinessHours", "easter_sunday", "polish_holidays"]

# No year has an open day more than this far from any moment: Christmas and
# Easter never close more than a few days in a row.
_MAX_SEARCH_DAYS = 366


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday by the anonymous Gregorian algorithm.

    Also known as the Meeus/Jones/Butcher algorithm: the golden number a, the
    century corrections (b, c, d, e, f, g), the epact h, the weekday correction
    l and the month offset m give the month and day without tables.
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1),  # Nowy Rok
        date(year, 1, 6),  # Trzech Króli
        easter,  # Wielkanoc
        easter + timedelta(days=1),  # Poniedziałek Wielkanocny
        date(year, 5, 1),  # Święto Pracy
        date(year, 5, 3),  # Święto Konstytucji 3 Maja
        easter + timedelta(days=49),  # Zielone Świątki (Pentecost, a Sunday)
        easter + timedelta(days=60),  # Boże Ciało (Corpus Christi, a Thursday)
        date(year, 8, 15),  # Wniebowzięcie NMP
        date(year, 11, 1),  # Wszystkich Świętych
        date(year, 11, 11),  # Narodowe Święto Niepodległości
        date(year, 12, 25),  # Boże Narodzenie
        date(year, 12, 26),  # drugi dzień Bożego Narodzenia
    }
    if year >= 2025:
        days.add(date(year, 12, 24))  # Wigilia, a day off from 2025
    return frozenset(days)


def polish_holidays(year: int) -> set[date]:
    """Statutory days off in Poland (ustawa o dniach wolnych od pracy) in a year.

    Fixed days: 1 and 6 January, 1 and 3 May, 15 August, 1 and 11 November,
    25 and 26 December, and 24 December from 2025 (Christmas Eve became a
    public holiday that year). Movable days follow Easter Sunday: Easter
    Monday (+1), Pentecost Sunday (+49) and Corpus Christi (+60).
    """
    return set(_holidays(year))


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")


class BusinessHours:
    """When the office answers: opening hours per weekday, minus public holidays.

    opening maps a weekday (Monday = 0 … Sunday = 6) to (opens, closes) in local
    time, closes after opens on the same day; a missing weekday is closed. The
    default is Monday–Friday 08:00–16:00. A wall-clock time that does not exist
    on a DST change day (02:00–03:00 on the last Sunday of March in Warsaw) is
    read with the offset in force before the change.
    """

    DEFAULT_OPENING = {weekday: (time(8, 0), time(16, 0)) for weekday in range(5)}

    def __init__(self, opening: dict[int, tuple[time, time]] | None = None, tz: str = "Europe/Warsaw"):
        opening = dict(self.DEFAULT_OPENING if opening is None else opening)
        for weekday, (opens, closes) in opening.items():
            if weekday not in range(7):
                raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), not {weekday!r}")
            if not opens < closes:
                raise ValueError(f"weekday {weekday} closes before it opens")
        if not opening:
            raise ValueError("the office must open on at least one weekday")
        self.opening = opening
        self.tz = ZoneInfo(tz)

    def __repr__(self) -> str:
        return f"BusinessHours({self.opening!r}, tz={self.tz.key!r})"

    def is_holiday(self, day: date) -> bool:
        return day in _holidays(day.year)

    def _interval(self, day: date) -> tuple[datetime, datetime] | None:
        """The day's opening hours as UTC datetimes, or None if closed all day."""
        hours = self.opening.get(day.weekday())
        if hours is None or self.is_holiday(day):
            return None
        opens, closes = hours
        return (
            datetime.combine(day, opens, tzinfo=self.tz).astimezone(UTC),
            datetime.combine(day, closes, tzinfo=self.tz).astimezone(UTC),
        )

    def _intervals_from(self, moment: datetime):
        """Open intervals (UTC) that end after moment, in order, up to a year ahead."""
        day = moment.astimezone(self.tz).date()
        for offset in range(_MAX_SEARCH_DAYS + 1):
            interval = self._interval(day + timedelta(days=offset))
            if interval is not None and interval[1] > moment:
                yield interval

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def is_open(self, dt: datetime) -> bool:
        """Whether the office is open at dt (opening time included, closing time not)."""
        _require_aware(dt, "dt")
        moment = dt.astimezone(UTC)
        interval = self._interval(dt.astimezone(self.tz).date())
        return interval is not None and interval[0] <= moment < interval[1]

    def next_open(self, dt: datetime) -> datetime:
        """The first moment at or after dt when the office is open (dt itself if open).

        Returned in the office's time zone.
        """
        _require_aware(dt, "dt")
        moment = dt.astimezone(UTC)
        interval = next(self._intervals_from(moment), None)
        if interval is None:
            raise ValueError("the office does not open within a year")
        return self._local(max(interval[0], moment))

    def business_seconds_between(self, start: datetime, end: datetime) -> float:
        """Open seconds between start and end: the running time of an SLA clock.

        Only time inside opening hours on working days counts; DST days count
        their real length. If end is before start the result is negative.
        """
        _require_aware(start, "start")
        _require_aware(end, "end")
        start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
        if end_utc < start_utc:
            return -self.business_seconds_between(end, start)
        total = 0.0
        day = start.astimezone(self.tz).date()
        last = end.astimezone(self.tz).date()
        while day <= last:
            interval = self._interval(day)
            if interval is not None:
                overlap = min(interval[1], end_utc) - max(interval[0], start_utc)
                if overlap > timedelta(0):
                    total += overlap.total_seconds()
            day += timedelta(days=1)
        return total

    def add_business_seconds(self, start: datetime, seconds: float) -> datetime:
        """The moment when seconds of open time have run from start: an SLA deadline.

        Time outside opening hours does not count, so Friday 15:00 plus two
        business hours is Monday 09:00. A deadline that runs out exactly at
        closing time is that closing time. Zero seconds gives next_open(start).
        Returned in the office's time zone.
        """
        _require_aware(start, "start")
        if seconds < 0:
            raise ValueError("seconds must not be negative")
        remaining = timedelta(seconds=seconds)
        moment = start.astimezone(UTC)
        while True:
            interval = next(self._intervals_from(moment), None)
            if interval is None:
                raise ValueError("the office does not open within a year")
            opens, closes = interval
            begin = max(opens, moment)
            if remaining <= closes - begin:
                return self._local(begin + remaining)
            remaining -= closes - begin
            moment = closes
