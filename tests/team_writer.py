"""usage: python tests/team_writer.py URL FOLDER NAME COUNT

One analyst's process for tests/e2e/test_team_faults.py: adds the line "NAME i" to the note on record 'arf' COUNT
times, each save based on the text this process last saw, while another process does the same."""

import sys

from model.team_notes import TeamNotes

url, folder, name, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = TeamNotes(url, folder)
assert store.online, store.status
for i in range(count):
    base = store.note("arf") or ""
    store.set_note("arf", f"{base}\n{name} {i}".lstrip("\n"), base=base)
    if i % 10 == 0:
        store.reconnect()  # now and then, the colleague's text too (the window gets it by NOTIFY)
assert store.queued() == 0, store.status
store.close()
