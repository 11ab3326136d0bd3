"""The processes the fault tests start, and kill or race: ``python tests/writers.py notes FOLDER RUN`` and
``python tests/writers.py team URL FOLDER NAME COUNT``. No Qt here: a writer starts in a fraction of a second."""

import json
import sys


def notes(folder: str, run: int) -> None:
    """Write notes as fast as possible, for the SIGKILL test (tests/e2e/test_notes_fault.py).

    Before each save it prints a "begin" line; after the save has returned (is committed), a "done" line, each
    flushed. A "done" line means an acknowledged save; a "begin" with no "done" is the save in flight when the
    process died, which may or may not have committed. It never stops by itself; the test kills it.
    """
    from model.notes import UserData  # each writer imports only its own store (psycopg is slow to import)

    store = UserData(folder)
    if not store.writable:
        print(json.dumps({"phase": "refused", "messages": store.messages}), flush=True)
        sys.exit(3)

    def say(**fields) -> None:
        sys.stdout.write(json.dumps(fields) + "\n")
        sys.stdout.flush()

    def save(op: dict, work, *args) -> None:
        say(phase="begin", **op)
        work(*args)
        say(phase="done", **op)

    i = 0
    while True:
        key = f"r{run}-{i}"
        text = f"run {run}, save {i}: " + "words " * (i % 97)  # sizes vary, so pages split and free up
        save({"op": "set", "record": key, "text": text}, store.set_note, key, text)
        save({"op": "counter", "run": run, "i": i}, store.set_note, "counter", f"{run} {i}")
        if i % 5 == 4:
            gone = f"r{run}-{i - 2}"
            save({"op": "delete", "record": gone}, store.set_note, gone, "")
        if i % 7 == 0:
            save({"op": "basket", "record": key}, store.add_to_basket, key)
        if i % 13 == 12:
            save({"op": "reorder"}, store.set_basket, list(reversed(store.basket())))
        i += 1


def team(url: str, folder: str, name: str, count: int) -> None:
    """One analyst's process for tests/e2e/test_team_faults.py: adds the line "NAME i" to the note on record
    'arf' COUNT times, each save based on the text this process last saw, while another process does the same."""
    from model.team_notes import TeamNotes

    store = TeamNotes(url, folder)
    assert store.online, store.status
    for i in range(count):
        base = store.note("arf") or ""
        store.set_note("arf", f"{base}\n{name} {i}".lstrip("\n"), base=base)
        if i % 10 == 0:
            store.reconnect()  # now and then, the colleague's text too (the window gets it by NOTIFY)
    assert store.queued() == 0, store.status
    store.close()


if __name__ == "__main__":
    if sys.argv[1] == "notes":
        notes(sys.argv[2], int(sys.argv[3]))
    else:
        team(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
