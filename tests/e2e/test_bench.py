"""The benchmark harness (bench/): figures as multiples of floors timed in alternation, their spread over the last
runs, and --check failing only on a MISS that repeats."""

from __future__ import annotations

import json

import pytest

from bench import __main__ as harness
from bench import bare, figures


def test_the_floor_and_the_figure_are_timed_in_turn():
    calls = []
    out = bare.alternate(lambda: calls.append("figure"), lambda: calls.append("floor"), 4)
    assert calls == ["floor", "figure"] * 4
    assert out["n"] == 4 and out["ratio"] > 0


def test_a_figure_is_the_mean_of_its_pairs_cpu_ratios_with_its_wall_times_beside_it():
    # (wall, CPU), each figure sample after its floor's: a busy machine stretched the figure's wall times more
    # than its CPU times; the pairs' CPU ratios are 3, 4, 1 and 1 (the CPU medians' ratio would be 2.5 / 1.5)
    figure = [(0.004, 0.003), (0.002, 0.004), (0.006, 0.002), (0.040, 0.002)]
    floor = [(0.001, 0.001), (0.002, 0.001), (0.003, 0.002), (0.001, 0.002)]
    s = bare.summary(figure, floor)
    assert s["median_ms"] == pytest.approx(5.0) and s["floor_ms"] == pytest.approx(1.5)
    assert s["max_ms"] == pytest.approx(40.0)
    assert s["ratio"] == pytest.approx(12 ** 0.25, abs=1e-4) and s["wall_ratio"] == pytest.approx(5.0 / 1.5, abs=1e-3)


def test_the_highest_and_lowest_tenth_of_the_pairs_are_left_out():
    floors = [0.001] * 10
    figures = [0.002] * 8 + [0.1, 0.00001]  # one step interrupted by a collection, one timer too coarse
    assert bare.pair_ratio(figures, floors) == pytest.approx(2.0)
    assert bare.pair_ratio([0.002, 0.1], [0.001, 0.001]) == pytest.approx((2 * 100) ** 0.5)  # too few to leave out


def test_the_clock_counts_a_childs_cpu_time():
    import subprocess
    import sys

    start = bare.clock()
    subprocess.run([sys.executable, "-c", "sum(range(3_000_000))"], check=True)
    wall, cpu = bare.since(start)
    assert 0 < cpu <= wall * 1.5 and cpu > 0.01


def test_the_goal_is_a_multiple_and_the_frame_an_absolute_check_beside_it():
    limit = figures.GOALS["repaint"][2]
    slow_machine = {"median_ms": 20.0, "p95_ms": 25.0, "max_ms": 30.0, "floor_ms": 20.0 / (limit - 1), "ratio":
                    limit - 1, "n": 9}
    row = figures.ratio_row("timeline", "repaint", slow_machine, "repaint", "median_ms")
    assert row.result == "PASS" and "OVER 16 ms" in row.check and "frame (absolute)" in row.check
    slow_code = {**slow_machine, "median_ms": 4.0, "floor_ms": 4.0 / (limit + 1), "ratio": limit + 1}
    row = figures.ratio_row("timeline", "repaint", slow_code, "repaint", "median_ms")
    assert row.result == "MISS" and "within 16 ms" in row.check
    assert f"{limit + 1:.2f} x (4.0 ms" in row.shown


def test_a_figure_that_did_not_finish_is_a_miss_saying_why():
    row = figures.unfinished("tree", "10000x data: tree_bench", "list_key", "more than 900 s; last: filling")
    assert row.result == "MISS" and "filling" in row.shown
    assert json.dumps(row.as_json())  # no infinity in the JSON


def _row(value: float) -> figures.Row:
    return figures.Row("build", "database build", f"{value} x", value, ("<=", 10.0), "<= 10 x floor", "x floor")


@pytest.fixture
def canned(monkeypatch):
    """The harness with the build section's figure set by the test, not measured."""
    value = {"now": 5.0}
    monkeypatch.setattr(harness, "build_samples", lambda runs: ([], []))
    monkeypatch.setattr(harness, "build_rows", lambda rounds: [_row(value["now"])])
    return value


def test_the_spread_is_over_the_last_three_runs_and_check_fails_only_on_a_repeated_miss(canned, tmp_path, capsys):
    results = tmp_path / "bench-results.json"
    run = ["--only", "build", "--check", "--json", str(results)]
    for value in (8.0, 12.0, 11.0):  # PASS, MISS, MISS
        canned["now"] = value
        code = harness.main(run)
    assert code == 1
    table = capsys.readouterr().out.splitlines()
    row = next(line for line in table[::-1] if line.startswith("| build: database build"))
    assert "36.4 % (3 runs)" in row  # (12 - 8) / 11
    saved = json.loads(results.read_text())
    assert [h["figures"]["build: database build"]["value"] for h in saved["history"]] == [8.0, 12.0, 11.0]

    canned["now"] = 9.0  # a PASS ends the streak; one MISS after it does not fail the check
    assert harness.main(run) == 0
    canned["now"] = 15.0
    assert harness.main(run) == 0
    assert harness.main(run) == 1
    assert len(json.loads(results.read_text())["history"]) == harness.HISTORY


def test_a_damaged_results_file_is_no_history(canned, tmp_path):
    results = tmp_path / "bench-results.json"
    results.write_text("{not json")
    canned["now"] = 12.0
    assert harness.main(["--only", "build", "--check", "--json", str(results)]) == 0
    assert len(json.loads(results.read_text())["history"]) == 1


def test_the_tree_benchmark_types_in_the_real_tree_against_a_plain_filtered_list(real_db, qapp):
    from bench import tree_bench

    out = tree_bench.run(real_db, rounds=1)
    k = out["keystroke"]
    assert k["n"] == sum(len(w) for w in tree_bench.WORDS) and k["floor_ms"] > 0 and k["ratio"] > 0
    assert out["forums"] > 50


def test_each_feature_benchmark_runs_once_a_round_and_its_figure_is_the_mean_of_its_rounds(monkeypatch, tmp_path,
                                                                                           capsys):
    calls = []

    def feature(module, db, timeout):  # the process a round starts, its figures set by the test
        calls.append((module, str(db)))
        ratio = (1.0, 2.0, 6.0)[sum(str(db) == d for _, d in calls) - 1]
        keystroke = {"median_ms": ratio, "p95_ms": ratio, "max_ms": 10 * ratio, "floor_ms": 1.0, "ratio": ratio,
                     "n": 20}
        return {"result": {"keystroke": keystroke, "filled_s": 0.1, "forums": 103, "shown_median_ms": ratio,
                           "shown_max_ms": ratio}}

    monkeypatch.setattr(harness, "feature", feature)
    monkeypatch.setattr(harness, "FEATURES", {"tree_bench": ((1, 100), figures.tree_rows, 300)})
    monkeypatch.setattr(harness, "synthetic_dbs", lambda factors: {100: (tmp_path / "synthetic-100.sqlite", {})})
    results = tmp_path / "bench-results.json"
    assert harness.main(["--only", "tree", "--json", str(results)]) == 0
    real, synthetic = str(harness.REAL_DB), str(tmp_path / "synthetic-100.sqlite")
    assert calls == [("tree_bench", real), ("tree_bench", synthetic)] * harness.PROCESSES
    saved = json.loads(results.read_text())
    row = next(f for f in saved["figures"] if f["figure"].startswith("real data: filter keystroke"))
    assert row["value"] == pytest.approx(3.0)  # (1 + 2 + 6) / 3
    assert row["extra"]["n"] == 60 and row["extra"]["max_ms"] == pytest.approx(60.0)
    assert len(saved["raw"]["tree_bench 1x"]) == harness.PROCESSES


def test_merging_the_rounds_keeps_texts_joins_lists_and_sums_counts():
    out = harness.merged([{"db": "a", "runs": 14, "all": [1], "rss_mb": 100.0, "ok": True},
                          {"db": "b", "runs": 13, "all": [2, 3], "rss_mb": 110.0, "ok": False}])
    assert out == {"db": "a", "runs": 27, "all": [1, 2, 3], "rss_mb": 105.0, "ok": True}


def test_the_builds_of_every_round_make_one_figure_and_a_failed_build_says_why():
    rounds = [([(2.0, 0.2)], [(0.1, 0.1)]), ([(3.0, 0.3)], [(0.1, 0.1)])]  # a ratio of 2, then one of 3
    (row,) = harness.build_rows(rounds)
    assert row.value == pytest.approx(6 ** 0.5, abs=1e-4) and row.extra["n"] == 2
    (row,) = harness.build_rows([*rounds, "yaml: line 3: mapping values are not allowed here"])
    assert row.result == "n/a" and "line 3" in row.note
