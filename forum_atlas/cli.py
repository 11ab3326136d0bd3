"""The `forum-atlas` command. Sub-commands that need no window import no Qt."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from forum_atlas import cite_cli, notes_cli, search_cli
from model.exit_codes import ExitCode

if TYPE_CHECKING:  # each loads what it needs only when its command runs
    from model.loader import Dataset
    from model.queries import Atlas


class _Version(argparse.Action):
    """``--version``, looked up only when asked: importlib.metadata would cost every start ~30 ms."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        from model.version import version

        print(f"{parser.prog} {version()}")
        parser.exit()


MIN_SIDE, MAX_SIDE = 100, 10000  # a larger window makes an image Qt cannot allocate (it crashes)


def window_size(text: str) -> str:
    """``--size``: WxH, each side MIN_SIDE..MAX_SIDE pixels; returned as 'WxH'."""
    parts = text.lower().strip().split("x")
    try:
        w, h = (int(x) for x in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT in pixels, e.g. 1400x900, not {text!r}") from None
    if not (MIN_SIDE <= w <= MAX_SIDE and MIN_SIDE <= h <= MAX_SIDE):
        raise argparse.ArgumentTypeError(f"each side must be {MIN_SIDE} to {MAX_SIDE} pixels, not {text!r}")
    return f"{w}x{h}"


def bounded_int(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse ``type=`` for a whole number from ``low`` to ``high`` (no upper bound when None)."""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if n < low or (high is not None and n > high):
            bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise argparse.ArgumentTypeError(f"must be {bounds}, not {n}")
        return n

    return parse


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="forum-atlas",
        description="A reference browser of Asia-Pacific security forums, after IGCC Policy Paper 51 (1999). "
                    "With no command, opens the window.")
    p.add_argument("--version", action=_Version)
    p.add_argument("--screenshot", metavar="PATH", help="render the window offscreen to a PNG and exit")
    p.add_argument("--select", metavar="ID", help="select this forum, event or participant at start")
    p.add_argument("--view", choices=("detail", "matrix", "chronology", "compare"),
                   help="the view to show at start (with --screenshot too)")
    p.add_argument("--as-of", metavar="YYYY-MM", help="show the atlas as of this month at start")
    p.add_argument("--theme", choices=("system", "light", "dark"),
                   help="the colour scheme for this run (default: View › Theme's choice, at first the system's)")
    p.add_argument("--size", metavar="WxH", type=window_size, default="1400x900",
                   help=f"window size for --screenshot, each side {MIN_SIDE}..{MAX_SIDE}")
    p.add_argument("--quit-after", metavar="MS", type=bounded_int(0, 2**31 - 1),
                   help="close the window after MS milliseconds")  # a Qt timer takes a 32-bit int
    p.add_argument("--self-test", action="store_true",
                   help="open the window offscreen, use it, print each step; exit 0, or 1 on the first failure")
    p.add_argument("--notes-server", metavar="URL",
                   help="share notes with a team on this PostgreSQL server (also FORUM_ATLAS_NOTES_SERVER); "
                        "passwords come from ~/.pgpass or the service file")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def data_args(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--data", type=Path, help="folder of YAML sources (default: the bundled resources/data)")
        sp.add_argument("--paper", type=Path, help="the paper's text, to check every quote against "
                                                   "(default: ../shared/source when present)")

    sp = sub.add_parser("check", help="validate the YAML sources and every quote")
    data_args(sp)
    sp = sub.add_parser("build", help="compile the YAML sources into the bundled SQLite database")
    data_args(sp)
    sp.add_argument("--out", type=Path, help="where to write the database (default: resources/forum-atlas.sqlite)")
    sp = sub.add_parser("stats", help="counts of the reference data, and what is missing")
    sp.add_argument("--coverage", action="store_true",
                    help="every paragraph of the preface and both parts with the records that cite it, and why an "
                         "uncited one has none; exit 1 when a paragraph has neither")
    data_args(sp)
    sp = sub.add_parser("export", help="export the reference data as JSON (one file) or CSV (one file per table)")
    sp.add_argument("--format", choices=("json", "csv"), default="json")
    sp.add_argument("--out", type=Path, help="file (json) or folder (csv); default: standard output / ./export")
    sp = sub.add_parser("print", help="a one-page fact sheet of a forum or participant, as PDF")
    sp.add_argument("id", help="a forum or participant: its id, name or acronym, in any case (arf, japan, DPRK)")
    sp.add_argument("--out", type=Path, help="the PDF to write (default: ID.pdf)")
    sp.add_argument("--paper", choices=("a4", "letter"), default="a4")
    sp.add_argument("--pages", type=int, default=1, help="pages the sheet may take (1 to 6; default 1)")
    sp = sub.add_parser("pack", help="a briefing pack of forums, participants, events and people, as one PDF")
    sp.add_argument("ids", nargs="+", metavar="ID", help="records by id, name or acronym, in any case "
                                                           "(ARF NEACD jp), in the order of the pack")
    sp.add_argument("--out", type=Path, required=True, help="the PDF to write")
    sp.add_argument("--title", default="Briefing pack")
    sp.add_argument("--prepared-by", default="", help="a 'Prepared by' line for the cover")
    sp.add_argument("--paper", choices=("a4", "letter"), default="a4")
    sp.add_argument("--pages", type=int, default=1, help="pages each sheet may take (1 to 6; default 1)")
    notes_cli.add_parser(sub)  # forum-atlas notes export|import
    search_cli.add_parser(sub)  # forum-atlas search QUERY [--json]
    cite_cli.add_parser(sub)  # forum-atlas cite [RECORD] [--format ...] [--style ...] [--out FILE]
    # The self-test runs the steps of the commands this version has; it is told them rather than reading the parser.
    p.set_defaults(available_commands=frozenset(sub.choices))
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    for name, value in vars(args).items():  # ids, queries, titles: text (paths are Path, and may be any bytes)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and any("\udc80" <= ch <= "\udcff" for ch in text):  # undecodable bytes
                parser.error(f"{name} is not valid UTF-8 text: {str(os.fsencode(text))[2:-1]}")
    if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="surrogateescape")  # a path given in any bytes is printed back as given
    if args.screenshot is not None and not args.screenshot.strip():
        parser.error("--screenshot needs the path of a PNG file to write")
    if args.self_test:
        from gui.self_test import run as self_test

        return self_test(commands=args.available_commands)
    if args.command is None:
        from gui.app import run  # the window: only now does Qt load

        if args.notes_server:  # the window reads it where it reads the environment's (model/team_store.py)
            os.environ["FORUM_ATLAS_NOTES_SERVER"] = args.notes_server

        return run(args)
    if sys.stdout is None:  # started with standard output closed: the results would go nowhere
        print("forum-atlas: standard output is closed; nothing was done", file=sys.stderr)
        return 1
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "check": _check, "build": _build, "stats": _stats, "export": _export, "search": search_cli.run,
        "notes": notes_cli.run, "print": _print, "pack": _print, "cite": cite_cli.run}
    try:
        code = commands[args.command](args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # the reader stopped reading (| head): not an error
        _drop_stdout()
        return ExitCode.OK
    except OSError as exc:
        from model.atomic import why

        if exc.filename is not None:  # a file's error that escaped its command: say which, plainly
            print(f"forum-atlas: {exc.filename}: {why(exc)}", file=sys.stderr)
            return ExitCode.FAILED
        _drop_stdout()
        print(f"forum-atlas: cannot write to standard output: {why(exc)}", file=sys.stderr)
        return ExitCode.FAILED
    except Exception as exc:  # a bug: a plain message, the traceback in the crash log
        from model import crash_log

        path = crash_log.write(type(exc), exc, exc.__traceback__, f"forum-atlas {args.command}")
        print(f"forum-atlas: unexpected error ({type(exc).__name__}: {exc})"
              + (f"; the details are in {path}" if path else ""), file=sys.stderr)
        return ExitCode.CRASHED


def _drop_stdout() -> None:
    """Point standard output at the null device, so the interpreter's final flush cannot fail again."""
    import contextlib

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _load(args: argparse.Namespace) -> Dataset:
    from model import loader, paths

    if args.paper is not None and not args.paper.is_file():  # a mistyped path must not pass every quote unchecked
        raise SystemExit(f"forum-atlas: the paper's text is not at {args.paper} "
                         f"({'no such file' if not args.paper.exists() else 'not a regular file'}); "
                         "nothing was checked")
    paper = args.paper or paths.default_paper()
    if paper is not None and not paper.is_file():
        print(f"forum-atlas: the paper's text is not at {paper}", file=sys.stderr)
        paper = None
    if paper is None:
        print("forum-atlas: note: the paper's text was not found, so quotes were not checked against it "
              "(give --paper PATH)", file=sys.stderr)
    return loader.load(args.data or paths.data_dir(), paper)


def _check(args: argparse.Namespace) -> int:
    from model.loader import DataError

    try:
        ds = _load(args)
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"forum-atlas: {len(exc.problems)} problem(s); nothing was built", file=sys.stderr)
        return 1
    n = {k: len(v) for k, v in ds.tables.items()}
    print(f"ok: {n['forums']} forums, {n['participants']} participants, {n['events']} events, "
          f"{n['people']} people, {n['claims']} claims, {len(ds.citations)} citations")
    return 0


def _build(args: argparse.Namespace) -> int:
    import sqlite3

    from sqlalchemy.exc import SQLAlchemyError

    from model import build, paths
    from model.loader import DataError

    try:
        ds = _load(args)
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"forum-atlas: {len(exc.problems)} problem(s); the database was left as it was", file=sys.stderr)
        return 1
    target = args.out or paths.resource("forum-atlas.sqlite")
    try:
        build.build(ds, target)
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:  # a full disk surfaces through SQLite
        from model.notes import describe_error

        print(f"forum-atlas: cannot write {target}: {describe_error(getattr(exc, 'orig', None) or exc)}; "
              "the database was left as it was", file=sys.stderr)
        return 1
    print(f"built {target} (data version {build.data_version(ds)})")
    return 0


def _open_atlas() -> Atlas:
    from model.queries import Atlas, DatabaseUnavailable

    try:
        return Atlas()
    except DatabaseUnavailable as exc:
        print(f"forum-atlas: {exc}", file=sys.stderr)
        sys.exit(ExitCode.UNAVAILABLE)


def _stats(args: argparse.Namespace) -> int:
    if args.coverage:
        return _coverage(args)
    atlas = _open_atlas()
    counts = atlas.counts()
    print("Records")
    for k, v in counts.items():
        print(f"  {k:<14}{v:>5}")
    forums = atlas.forums()
    print("Forums by track")
    for k, v in sorted(Counter(f.track or "none" for f in forums).items()):
        print(f"  {k:<14}{v:>5}")
    print("Forums by status (as of 1999)")
    for k, v in sorted(Counter(f.status for f in forums).items()):
        print(f"  {k:<14}{v:>5}")
    events = atlas.events()
    print("Events by decade")
    for decade, n in sorted(Counter(e.date.first.year // 10 * 10 for e in events).items()):
        print(f"  {decade}s{'':<9}{n:>5}")
    with_events = {fid for e in events for fid in e.forums}
    with_members = {m.forum_id for m in atlas.memberships()}
    for title, have in (("Forums with no events", with_events), ("Forums with no members", with_members)):
        missing = [f for f in forums if f.id not in have]
        print(f"{title} ({len(missing)})")
        for f in missing:
            detail = atlas.forum(f.id)
            note = detail.note if detail else None
            print(f"  {f.id:<28}{'note: ' + note[:70] if note else '(no note explaining why)'}")
    return 0


def _coverage(args: argparse.Namespace) -> int:
    from model import coverage, paths
    from model.loader import DataError

    paper = args.paper or paths.default_paper()
    if paper is None or not paper.is_file():
        print("forum-atlas: coverage needs the paper's text; give --paper PATH", file=sys.stderr)
        return 2
    try:
        ds = _load(args)
        lines = paper.read_text(encoding="utf-8").splitlines()
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"forum-atlas: {len(exc.problems)} problem(s) in the data; coverage not measured", file=sys.stderr)
        return 1
    paragraphs = coverage.paragraphs(ds, lines)
    names = {p["author"]: f"{p['name']} ({p['by']})" if p.get("by") else p["name"] for p in ds.source["parts"]}
    author = None
    for p in paragraphs:
        if p.author != author:
            author = p.author
            mine = [x for x in paragraphs if x.author == author]
            print(f"{names[author]}: {sum(x.cited for x in mine)} of {len(mine)} paragraphs cited")
        if p.cited:
            print(f"  line {p.line:>3}  cited by {len(p.records)}: {', '.join(p.records)}")
        elif p.reason:
            print(f"  line {p.line:>3}  not cited: {p.reason}")
        else:
            print(f"  line {p.line:>3}  NOT CITED, and coverage.yaml gives no reason")
    cited = [p for p in paragraphs if p.cited]
    share = 100 * len(cited) / len(paragraphs) if paragraphs else 100.0
    print(f"Cited: {len(cited)} of {len(paragraphs)} paragraphs ({share:.1f}%)")
    uncited = [p for p in paragraphs if not p.cited]
    bare = [p for p in uncited if not p.reason]
    print(f"Uncited: {len(uncited) - len(bare)} explained, {len(bare)} with neither a record nor a reason")
    if bare:
        print("forum-atlas: paragraphs with neither a citing record nor a reason in coverage.yaml: line "
              + ", ".join(str(p.line) for p in bare), file=sys.stderr)
        return 1
    return 0


def _print(args: argparse.Namespace) -> int:
    atlas = _open_atlas()
    kinds = ("forum", "participant") if args.command == "print" else ("forum", "participant", "event")
    ids = _resolve(atlas, [args.id] if args.command == "print" else args.ids, kinds)
    if ids is None:
        return 1
    if args.command == "print":
        args.id = ids[0]
    else:
        args.ids = ids
    from gui.printing import run_print  # Qt paints the pages: loaded only for these commands

    return run_print(args, atlas)


UNKNOWN_SHOWN = 5  # a long list of unknown names: the first few, with suggestions, then a count


def _resolve(atlas: Atlas, texts: list[str], kinds: tuple[str, ...]) -> list[str] | None:
    """Record ids for ids, names or acronyms typed in any case (model/lookup.py). An ambiguous name is resolved
    and said so on standard error; any unknown name is reported and None returned, so nothing is written."""
    from model import lookup

    index = lookup.Lookup(atlas, kinds)
    ids: list[str] = []
    unknown: list[str] = []
    for text in texts:
        found = index.find(text)
        if found.choice is None:
            unknown.append(text)
            continue
        if found.ambiguous:
            print(f"forum-atlas: {lookup.ambiguous_message(found)}", file=sys.stderr)
        ids.append(found.choice.id)
    for text in unknown[:UNKNOWN_SHOWN]:
        print(f"forum-atlas: {lookup.unknown_message(index.find(text), kinds)}", file=sys.stderr)
    if len(unknown) > UNKNOWN_SHOWN:
        print(f"forum-atlas: and {len(unknown) - UNKNOWN_SHOWN} more unknown names", file=sys.stderr)
    if unknown:
        print("forum-atlas: nothing was written", file=sys.stderr)
        return None
    return ids


def _export(args: argparse.Namespace) -> int:
    from model import export

    atlas = _open_atlas()
    if args.format == "json":
        if args.out:
            return atomic_write(args.out, lambda fh: export.write_json(atlas, fh))
        export.write_json(atlas, sys.stdout)
        return 0
    folder = args.out or Path("export")
    try:
        written = export.write_csv(atlas, folder)
    except OSError as exc:
        print(f"forum-atlas: cannot write into {folder}: {exc.filename or ''}{': ' if exc.filename else ''}"
              f"{exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(written)} CSV files into {folder}")
    return 0


def atomic_write(target: Path, write: Callable[[TextIO], object], protect: tuple[Path, ...] = ()) -> int:
    """Write through a temporary file beside ``target``, then rename: never a half-written target.

    0 when written; 1, with the reason on standard error, when not (see model.atomic.write_text).
    """
    from model import atomic

    try:
        atomic.write_text(Path(target), write, protect)
    except OSError as exc:
        print(f"forum-atlas: cannot write {target}: {atomic.why(exc)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
