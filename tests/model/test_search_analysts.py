"""Search that understands analysts (issue 18): spelling variants, the synonym table, names first, notes from
the command line."""

import subprocess
import sys

from model.notes import UserData, default_folder
from model.search import search
from model.search_synonyms import spellings, synonyms, table


def ids(results, kind="forum") -> list[str]:
    group = results.group(kind)
    return [hit.id for hit in group.hits] if group else []


def test_british_and_american_spellings_fold():
    assert spellings("defence") == ["defense"] and spellings("defense") == ["defence"]
    assert spellings("organisation") == ["organization"] and spellings("organize") == ["organise"]
    assert spellings("rise") == [] and spellings("promise") == []  # words that only look like -ise verbs


def test_a_spelling_finds_what_the_other_spelling_names(atlas):
    american = search(atlas, "defense", limit=50)
    british = search(atlas, "defence", limit=50)
    assert set(ids(american)) == set(ids(british)) and ids(american)
    assert ids(search(atlas, "organisation", limit=50)) == ids(search(atlas, "organization", limit=50))


def test_the_synonym_table_joins_names_of_one_thing(atlas):
    forms = {form for group in table() for form in group}
    assert {("track", "ii"), ("track", "two"), ("track", "2"), ("cbm",), ("preventative",)} <= forms
    assert synonyms([("track",), ("ii",), ("talks",)]) == [(0, 2, [("track", "two"), ("track", "2")])]
    assert "arf-isg-cbm" in ids(search(atlas, "CBM", limit=20))  # its name spells out the measures
    assert ids(search(atlas, "preventative diplomacy", limit=20, ), "event") == \
        ids(search(atlas, "preventive diplomacy", limit=20), "event")
    assert set(ids(search(atlas, "track II dialogue", limit=50))) == set(ids(search(atlas, "track two dialogue",
                                                                                    limit=50)))


def test_an_exact_acronym_ranks_first(atlas):
    assert ids(search(atlas, "ARF"))[0] == "arf"
    assert ids(search(atlas, "JDA"))[0].startswith("jda")
    assert ids(search(atlas, "KEDO"))[0] == "kedo"


def test_the_command_line_searches_the_notes_too_without_writing(tmp_path):
    store = UserData()
    store.set_note("arf", "A hedgehog of a forum: slow, careful, prickly.")
    store.close()
    folder = default_folder()

    def files():  # SQLite's -wal and -shm files of a reader are not the notes
        return sorted((p.name, p.stat().st_mtime_ns) for p in folder.rglob("*") if not p.name.endswith(("-wal", "-shm")))

    before = files()
    done = subprocess.run([sys.executable, "-m", "forum_atlas", "search", "hedgehog"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Your notes" in done.stdout and "arf" in done.stdout and "hedgehog" in done.stdout
    assert files() == before  # read-only: the notes, the lock and the backups untouched


def test_the_search_box_shows_the_total(qtbot, window):
    pane = window.search_pane
    pane.box.setFocus()
    qtbot.keyClicks(pane.box, "kedo")
    pane.run_search()
    hits = len(pane.hit_rows())
    assert pane.status.isVisible() and pane.status.text().startswith(f"{hits}") and "match" in pane.status.text()
