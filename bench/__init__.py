"""`make bench`: the figures users feel, each beside its goal (issue 10). See ``python -m bench --help``.

``__main__`` runs everything and prints the table (rows made in ``figures``); ``startup`` times the app
against ``floor``, a bare Qt window; ``synthetic`` makes datasets N times the real one and caches their
databases, which ``fastbuild`` writes. A feature's benchmark is ``bench/<name>_bench.py`` with
``run(db_path) -> dict``: ``__main__`` runs it on each dataset in a process of its own (``child``), where
it makes its own QApplication if it needs one, and ``figures`` turns its dict into rows.

No imports here: every child process imports this package.
"""
