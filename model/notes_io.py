"""Notes in and out without the store's lock: reading for print and pack, export and import formats, snippets."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from model.notes_recovery import (
    _connect_ro,
    _probe,
    describe_error,
)
from model.notes_schema import (
    _RECORD_ID,
    DB_NAME,
    SCHEMA_VERSION,
    Note,
    default_folder,
    now,
)


def _unfold(text: str, at: int) -> int:
    """The index in ``text`` of index ``at`` in ``text.casefold()`` (which folds one character at a time)."""
    n = 0
    for i, ch in enumerate(text):
        if n >= at:
            return i
        n += len(ch.casefold())
    return len(text)


def snippet(text: str, at: int, length: int, width: int = 70) -> str:
    """About ``width`` characters of ``text`` around ``text[at:at+length]``, on one line."""
    start = max(0, at - width // 3)
    end = min(len(text), max(at + length, start + width))
    piece = re.sub(r"\s+", " ", text[start:end]).strip()
    return ("\u2026" if start > 0 else "") + piece + ("\u2026" if end < len(text) else "")


# -- reading without opening the store (used by `forum-atlas print` and `pack`) ---------------------------

def read_notes(folder: Path | str | None = None) -> tuple[dict[str, str], list[str]]:
    """The notes (record id -> text), read-only: no lock, no recovery, no migration, no backup.

    Returns ({}, [why]) for a file that is damaged, busy, unreadable or from a newer version, leaving it
    exactly as it is (the window repairs or refuses it, with its own messages); ({}, []) when there is none.
    """
    path = (Path(folder) if folder is not None else default_folder()) / DB_NAME
    if not path.exists():
        return {}, []
    state, version, why = _probe(path)
    if state == "too-new":
        return {}, [f"your notes file {path} is from a newer version of Forum Atlas (notes format {version}; "
                    f"this version reads up to {SCHEMA_VERSION})"]
    if state == "unusable":
        return {}, [f"your notes file {path} cannot be opened: {why}"]
    if state != "ok":
        return {}, [f"your notes file {path} is damaged ({state}); it was left as it is, and opening Forum "
                    "Atlas restores it from a backup"]
    try:
        con = _connect_ro(path)
        try:
            rows = con.execute("SELECT record, text FROM notes").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        return {}, [f"your notes file {path} cannot be read ({describe_error(exc)})"]
    return {record: text for record, text in rows if text}, []


def stored_notes(folder: Path | str | None = None) -> list[Note]:
    """The notes as stored, read as read_notes reads them (no lock, nothing written; [] when unreadable):
    for `forum-atlas search`, which searches them as the window's search box does."""
    texts, _ = read_notes(folder)
    return [Note(record, text, "") for record, text in sorted(texts.items())]


def search_notes(notes: list[Note], text: str) -> list[tuple[str, str]]:
    """The notes holding every word of ``text`` (case-insensitive): [(record id, snippet around the match)]."""
    words = text.casefold().split()
    if not words:
        return []
    out = []
    for n in notes:
        folded = n.text.casefold()
        if all(w in folded for w in words):
            at = folded.find(words[0])  # casefold can change lengths (ß -> ss): map back to the text
            start, end = _unfold(n.text, at), _unfold(n.text, at + len(words[0]))
            out.append((n.record, snippet(n.text, start, end - start)))
    return out


# -- export and import (used by `forum-atlas notes` and the window) ------------------------------------

def export_json(notes: list[Note],
                describe: Callable[[str], tuple[str, str] | None] | None = None) -> list[dict[str, object]]:
    """Notes as a JSON-ready list: record, text, updated; with ``describe`` (id -> (kind, name) or None for
    a record the atlas no longer has) also kind, name and orphaned."""
    out = []
    for n in notes:
        item: dict[str, object] = {"record": n.record, "text": n.text, "updated": n.updated}
        if describe is not None:
            found = describe(n.record)
            item.update(kind=found[0] if found else None, name=found[1] if found else None,
                        orphaned=found is None)
        out.append(item)
    return out


def export_markdown(notes: list[Note], describe: Callable[[str], tuple[str, str] | None] | None = None) -> str:
    """Notes as one Markdown document, orphaned notes in a section of their own."""
    lines = ["# Forum Atlas: my notes", "", f"Exported {now()}. These are the analyst's own notes, not the paper's.",
             ""]
    kept: list[tuple[Note, tuple[str, str]]] = []
    orphaned: list[Note] = []
    for n in notes:
        found = describe(n.record) if describe else ("", n.record)
        if found is None:
            orphaned.append(n)
        else:
            kept.append((n, found))
    for n, found in kept:
        title = f"{found[1]} ({n.record})" if found[1] != n.record else n.record
        lines += [f"## {title}", "", f"_Updated {n.updated}_", "", n.text.rstrip(), ""]
    if orphaned:
        lines += ["# Orphaned notes", "", "Their records are no longer in the atlas; the notes are kept.", ""]
        for n in orphaned:
            lines += [f"## {n.record}", "", f"_Updated {n.updated}_", "", n.text.rstrip(), ""]
    return "\n".join(lines)


def parse_import(raw: str) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """Validate an import file: a JSON list of objects with string ``record`` and ``text``.

    Returns (items, warnings): an ``updated`` that is not an ISO 8601 time is dropped (the note gets the
    import's time) with a warning. Raises ValueError listing every problem; nothing is imported from a file
    with any.
    """
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc}") from None
    except RecursionError:
        raise ValueError("not usable JSON: it is nested too deeply") from None
    if not isinstance(data, list):
        raise ValueError("expected a JSON list of objects with \"record\" and \"text\"")
    problems: list[str] = []
    warnings: list[str] = []
    items: list[tuple[str, str, str | None]] = []
    for n, item in enumerate(data):
        if not isinstance(item, dict):
            problems.append(f"item {n}: not an object")
            continue
        record, text, updated = item.get("record"), item.get("text"), item.get("updated")
        if not isinstance(record, str) or not record.strip():
            problems.append(f"item {n}: \"record\" must be a non-empty string")
        if not isinstance(text, str):
            problems.append(f"item {n}: \"text\" must be a string")
        if not isinstance(record, str) or not record.strip() or not isinstance(text, str):
            continue
        if not (_encodable(record) and _encodable(text)):
            problems.append(f"item {n}: invalid Unicode (a lone surrogate such as \\ud800)")
            continue
        if not _RECORD_ID.fullmatch(record.strip()):
            problems.append(f"item {n}: \"record\" {record.strip()[:40]!r} is not a record id (lowercase letters, "
                            "digits and single hyphens, like \"arf\" or \"neacd-1993-10\")")
            continue
        if updated is not None:
            stamp = _iso_utc(updated)
            if stamp is None:
                warnings.append(f"item {n} ({record.strip()}): \"updated\" is not an ISO 8601 time "
                                f"({str(updated)[:40]!r}); the note gets the time of the import")
            updated = stamp
        items.append((record.strip(), text, updated))
    if problems:
        raise ValueError("; ".join(problems))
    return items, warnings


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _iso_utc(value: object) -> str | None:
    """``value`` as the store's UTC time (2024-01-31T09:30:00Z), or None when it is not an ISO 8601 time."""
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError):
        return None
