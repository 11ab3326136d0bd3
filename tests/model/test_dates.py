from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.dates import DateError, PartialDate

EXAMPLES = [
    ("1994", "1994", date(1994, 1, 1), date(1994, 12, 31)),
    ("1994-07", "July 1994", date(1994, 7, 1), date(1994, 7, 31)),
    ("1998-10-21", "21 October 1998", date(1998, 10, 21), date(1998, 10, 21)),
    ("early 1994", "early 1994", date(1994, 1, 1), date(1994, 4, 30)),
    ("summer 1998", "summer 1998", date(1998, 6, 1), date(1998, 8, 31)),
    ("mid 1980s", "the mid-1980s", date(1984, 1, 1), date(1986, 12, 31)),
    ("about 1990", "c. 1990", date(1990, 1, 1), date(1990, 12, 31)),
    ("1991..1992", "1991\u201392", date(1991, 1, 1), date(1992, 12, 31)),
    ("1998-06..1998-08", "June\u2013August 1998", date(1998, 6, 1), date(1998, 8, 31)),
    ("before 1990", "before 1990", date(1989, 1, 1), date(1989, 12, 31)),
    ("before 1994-10", "before October 1994", date(1993, 10, 1), date(1994, 9, 30)),
]


@pytest.mark.parametrize(("text", "shown", "start", "end"), EXAMPLES)
def test_parse_display_interval(text, shown, start, end):
    d = PartialDate.parse(text)
    assert d.display() == shown
    assert (d.start, d.end) == (start, end)
    assert str(d) == text


@pytest.mark.parametrize("bad", ["1994-13", "1994-02-30", "July 1994", "early 1994-07-04", "1992..1991",
                                 "summer 1994-06", "spring 1980s", "", "19940"])
def test_rejects_impossible_dates(bad):
    with pytest.raises(DateError):
        PartialDate.parse(bad)


def test_approximate_and_point():
    assert PartialDate.parse("about 1990").approximate
    assert not PartialDate.parse("1990").approximate
    assert PartialDate.parse("1998-10-21").is_point
    assert not PartialDate.parse("1998-10").is_point


years = st.integers(1900, 2010)
points = st.one_of(
    st.builds(lambda y: f"{y}", years),
    st.builds(lambda y, m: f"{y}-{m:02d}", years, st.integers(1, 12)),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", years, st.integers(1, 12), st.integers(1, 28)),
    st.builds(lambda q, y: f"{q} {y}", st.sampled_from(["early", "mid", "late", "spring", "summer", "autumn",
                                                        "winter"]), years),
    st.builds(lambda q, y: f"{q} {y // 10 * 10}s".strip(), st.sampled_from(["", "early", "mid", "late"]), years),
    st.builds(lambda y, m: f"late {y}-{m:02d}", years, st.integers(1, 12)),
)
dates = st.one_of(
    points,
    st.builds(lambda a, p: f"{a} {p}", st.sampled_from(["about", "before", "after"]), points),
    st.builds(lambda a, b: f"{min(a, b)}..{max(a, b)}", years, years),
)


@given(dates)
def test_format_parse_round_trip(text):
    d = PartialDate.parse(text)
    assert PartialDate.parse(str(d)) == d
    assert d.start <= d.end
    assert isinstance(d.display(), str) and d.display()


@given(dates, dates, dates)
def test_order_is_total_and_agrees_with_intervals(a, b, c):
    a, b, c = PartialDate.parse(a), PartialDate.parse(b), PartialDate.parse(c)
    assert (a < b) + (b < a) + (a == b) == 1  # exactly one holds
    if a <= b and b <= c:
        assert a <= c
    if a.end < b.start:
        assert a < b
    assert sorted([a, b, c]) == sorted([c, b, a])


@pytest.mark.parametrize("text", ["after 9999", "after 9990s", "9999-12", "0000s", "before 0990s", "9001"])
def test_years_beyond_the_range_are_refused_not_an_overflow(text):
    with pytest.raises(DateError, match="year out of range"):
        assert PartialDate.parse(text).end  # parse refuses it: no OverflowError computing the end


def test_the_last_accepted_year_has_room_after_it():
    assert PartialDate.parse("after 9000s").end.year == 9019
    assert PartialDate.parse("before 1000").start.year == 999


def test_winter_ends_on_the_last_day_of_february():
    assert PartialDate.parse("winter 1996").end == date(1996, 2, 29)  # a leap year
    assert PartialDate.parse("winter 1995").end == date(1995, 2, 28)
    assert PartialDate.parse("winter 1996").start == date(1995, 12, 1)
