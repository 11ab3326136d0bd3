"""A process that writes notes as fast as it can, for the SIGKILL fault test (tests/e2e/test_notes_fault.py).

usage: python tests/notes_writer.py FOLDER RUN

Before each save it prints a "begin" line; after the save has returned (is committed), a "done" line, each
flushed. A "done" line means an acknowledged save; a "begin" with no "done" is the save in flight when the
process died, which may or may not have committed. It never stops by itself; the test kills it.
"""

import json
import sys

from model.notes import UserData


def main() -> None:
    folder, run = sys.argv[1], int(sys.argv[2])
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


if __name__ == "__main__":
    main()
