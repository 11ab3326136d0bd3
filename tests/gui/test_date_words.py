"""gui/date_words.py: every shape of date in English (exactly the model's words) and in Japanese (issue 18)."""

import pytest

from gui import i18n
from gui.date_words import date_text, event_when
from model.dates import PartialDate

SHAPES = [  # (YAML form, English, Japanese)
    ("1994", "1994", "1994年"),
    ("1994-07", "July 1994", "1994年7月"),
    ("1994-07-03", "3 July 1994", "1994年7月3日"),
    ("about 1994", "c. 1994", "1994年頃"),
    ("1990s", "the 1990s", "1990年代"),
    ("early 1990s", "the early 1990s", "1990年代前半"),
    ("mid 1980s", "the mid-1980s", "1980年代半ば"),
    ("late 1990s", "the late 1990s", "1990年代後半"),
    ("about early 1990s", "c. the early 1990s", "1990年代前半頃"),
    ("early 1994", "early 1994", "1994年初め"),
    ("mid 1994", "mid 1994", "1994年半ば"),
    ("late 1994", "late 1994", "1994年後半"),
    ("spring 1994", "spring 1994", "1994年春"),
    ("summer 1994", "summer 1994", "1994年夏"),
    ("autumn 1994", "autumn 1994", "1994年秋"),
    ("winter 1994", "winter 1994", "1994年冬"),
    ("late 1994-07", "late July 1994", "1994年7月下旬"),
    ("early 1994-07", "early July 1994", "1994年7月上旬"),
    ("before 1994-10", "before October 1994", "1994年10月以前"),
    ("after 1994", "after 1994", "1994年以後"),
    ("1991..1992", "1991\u201392", "1991\u201392年"),
    ("1999..2001", "1999\u20132001", "1999\u20132001年"),
    ("1994-07..1994-09", "July\u2013September 1994", "1994年7月\u20139月"),
    ("1994-07-03..1994-07-05", "3\u20135 July 1994", "1994年7月3日\u20135日"),
    ("1994-07..1995-03", "July 1994 \u2013 March 1995", "1994年7月\u20131995年3月"),
    ("about 1993..1995", "c. 1993 \u2013 1995", "1993年頃\u20131995年"),
]


@pytest.fixture
def japanese(qapp):
    assert i18n.install("ja"), "run `make translations`"
    yield
    i18n.install("en")


@pytest.mark.parametrize("text, english, _", SHAPES)
def test_english_is_the_models_own_text(qapp, text, english, _):
    d = PartialDate.parse(text)
    assert date_text(d) == english == d.display()


@pytest.mark.parametrize("text, _, japanese_text", SHAPES)
def test_japanese_reads_as_japanese(japanese, text, _, japanese_text):
    assert date_text(PartialDate.parse(text)) == japanese_text


def test_an_event_runs_to_its_end_date_in_either_language(qapp):
    start, end = PartialDate.parse("1994-07-03"), PartialDate.parse("1994-07-05")
    assert event_when(start, end) == "3\u20135 July 1994"
    assert event_when(start) == "3 July 1994"
    assert date_text(None, "not dated") == "not dated"
    i18n.install("ja")
    try:
        assert event_when(start, end) == "1994年7月3日\u20135日"
        assert event_when(PartialDate.parse("1991"), PartialDate.parse("1992")) == "1991\u201392年"
    finally:
        i18n.install("en")


@pytest.mark.parametrize("text, english, japanese_text", [
    ("1994-07", "1994", "1994"), ("1990s", "1990s", "1990年代"), ("about 1990", "c. 1990", "1990年頃"),
    ("before 1994-10", "before 1994", "1994年以前"), ("early 1990s", "1990s", "1990年代")])
def test_a_founding_year_for_the_trees_column(qapp, text, english, japanese_text):
    from gui.date_words import founding_year
    from model.records import ForumRow

    forum = ForumRow("f", "Talks", None, "dialogue", "1", "asia-pacific", "active", PartialDate.parse(text), None, None)
    assert founding_year(forum) == english == forum.year
    i18n.install("ja")
    try:
        assert founding_year(forum) == japanese_text
    finally:
        i18n.install("en")
