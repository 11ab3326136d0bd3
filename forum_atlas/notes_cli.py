"""`forum-atlas notes export|import`: the analyst's notes in and out, with no window and no Qt."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from model.notes import UserData

Describe = Callable[[str], tuple[str, str] | None]  # id -> (kind, name), or None for a record the atlas lacks


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sp = sub.add_parser("notes", help="export or import your own notes (JSON or Markdown)",
                        description="Your own notes, kept in your user-data folder. Export them to move them to "
                                    "another machine or hand them to a colleague; import merges, never losing text.")
    actions = sp.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    ex = actions.add_parser("export", help="write every note as JSON (default) or Markdown")
    ex.add_argument("--format", choices=("json", "md"), default="json")
    ex.add_argument("--out", type=Path, help="file to write, atomically (default: standard output)")
    im = actions.add_parser("import", help="merge notes from a JSON file: a list of {\"record\", \"text\"}",
                            description="Merge notes from FILE. A record with no note gets the imported one; the "
                                        "same text changes nothing; imported text that contains yours replaces it; "
                                        "otherwise yours is kept and the imported text is appended below a marker "
                                        "line (reported as a conflict). Nothing is ever deleted.")
    im.add_argument("file", type=Path)
    se = actions.add_parser("serve-setup", help="create or upgrade a team's notes schema and roles on a PostgreSQL "
                                                "server (run as the database's owner)",
                            description="Creates the team notes tables, row-level security and the group roles "
                                        "forum_atlas_readers and forum_atlas_writers in the database at URL; run "
                                        "again after an upgrade of Forum Atlas. The password comes from ~/.pgpass "
                                        "or the service file, never the command line history if you can help it.")
    se.add_argument("url", metavar="URL", help="postgresql://owner@host/database (sslmode etc. pass through)")


def run(args: argparse.Namespace) -> int:
    if args.notes_command == "serve-setup":
        return _serve_setup(args.url)
    from model.notes import UserData

    store = UserData()
    try:
        for message in store.messages:
            print(f"forum-atlas: {message}", file=sys.stderr)
        if not store.available:
            return 1
        return _export(store, args) if args.notes_command == "export" else _import(store, args)
    finally:
        store.close()


def _serve_setup(url: str) -> int:
    from model.team_notes import FAILURES, setup_server, without_password

    failures = FAILURES
    try:
        done = setup_server(url)
    except failures as exc:
        print(f"forum-atlas: could not set up team notes on {without_password(url)}: {exc}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    print("Next: GRANT forum_atlas_writers (or forum_atlas_readers) TO each member's role, and add their "
          "display names to the members table (README, Team notes).")
    return 0


def _describer() -> Describe | None:
    """id -> (kind, name), or None for a record the atlas lacks; None when the atlas cannot be opened."""
    from model.queries import Atlas, DatabaseUnavailable

    try:
        atlas = Atlas()
    except DatabaseUnavailable as exc:
        print(f"forum-atlas: note: names and orphan marks left out, the atlas is unavailable: {exc}",
              file=sys.stderr)
        return None

    def describe(rid: str) -> tuple[str, str] | None:
        kind = atlas.kind_of(rid)
        return (kind, atlas.name_of(rid)) if kind else None
    return describe


def _export(store: UserData, args: argparse.Namespace) -> int:
    from model import notes

    describe = _describer()
    items = store.notes()
    if args.format == "json":
        def write(fh: TextIO) -> None:
            json.dump(notes.export_json(items, describe), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    else:
        def write(fh: TextIO) -> None:
            fh.write(notes.export_markdown(items, describe))
    if args.out is None:
        write(sys.stdout)
        return 0
    from forum_atlas.cli import atomic_write

    if atomic_write(args.out, write, protect=(store.path,)) != 0:
        return 1
    print(f"wrote {len(items)} notes to {args.out}", file=sys.stderr)
    return 0


def _import(store: UserData, args: argparse.Namespace) -> int:
    from model.notes import UserDataReadOnly, describe_error, parse_import

    if args.file.exists() and (args.file.is_char_device() or args.file.is_block_device()):  # /dev/zero never ends
        print(f"forum-atlas: cannot read {args.file}: it is a device, not a file; nothing was imported",
              file=sys.stderr)
        return 1
    try:
        raw = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"forum-atlas: cannot read {args.file}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        return 1
    try:
        items, warnings = parse_import(raw)
    except ValueError as exc:
        print(f"forum-atlas: {args.file}: {exc}; nothing was imported", file=sys.stderr)
        return 1
    for warning in warnings:
        print(f"forum-atlas: {args.file}: {warning}", file=sys.stderr)
    try:
        report = store.merge(items, source=args.file.name)
    except UserDataReadOnly as exc:
        print(f"forum-atlas: cannot import: {exc}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:  # one transaction: a failed import changed nothing
        print(f"forum-atlas: cannot import: {describe_error(exc)}; nothing was imported", file=sys.stderr)
        return 1
    describe = _describer()
    print(f"imported from {args.file}: {len(report.added)} added, {len(report.extended)} extended, "
          f"{len(report.unchanged)} unchanged, {len(report.conflicts)} conflicts, {len(report.skipped)} skipped")
    for rid in report.conflicts:
        print(f"  conflict: {rid}: both texts kept; the imported one follows a '--- imported from' line")
    for rid in report.skipped:
        print(f"  skipped: {rid}: the imported text is blank")
    if describe is not None:
        for rid in dict.fromkeys(report.added + report.extended + report.conflicts):
            if describe(rid) is None:
                print(f"  orphaned: {rid}: not in this atlas; the note is kept")
    return 0
