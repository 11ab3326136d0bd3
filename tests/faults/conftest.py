"""The fault-injection suite: every attack is counted, and the counts are printed at the end of the run.

Counts travel in each test's report (``user_properties``); tests/conftest.py adds them up and prints them, in
the main process, which under pytest-xdist never loads this file."""

from __future__ import annotations

import pytest

from faults.disk import SmallDisk


class Attacks:
    """``attacks.run(name, fn)``: one attack; it held when ``fn`` returns without raising. A test fails
    after all its attacks ran when any did not hold, listing each."""

    def __init__(self):
        self.failed: list[str] = []
        self.tried = self.held = 0

    def run(self, name: str, fn, *args) -> None:
        self.tried += 1
        try:
            fn(*args)
        except Exception as exc:  # noqa: BLE001 - an attack that got through, whatever it raised
            self.failed.append(f"{name}: {type(exc).__name__}: {exc}"[:400])
            return
        self.held += 1

    def check(self) -> None:
        assert not self.failed, f"{len(self.failed)} attack(s) got through:\n" + "\n".join(self.failed)


@pytest.fixture
def attacks(request):
    a = request.node.fault_attacks = Attacks()
    yield a
    a.check()


@pytest.fixture
def small_disk(tmp_path):
    disk = SmallDisk(tmp_path)
    yield disk
    disk.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A test here that does not use ``attacks`` is one attack of its own."""
    report = yield
    if "attacks" not in item.fixturenames:
        if report.when == "call" and not report.skipped:
            report.user_properties.append(("fault_attacks", (1, int(report.passed))))
    elif report.when == "teardown" and hasattr(item, "fault_attacks"):
        report.user_properties.append(("fault_attacks", (item.fault_attacks.tried, item.fault_attacks.held)))
    return report
