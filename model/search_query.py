"""Parsing what the user typed into a search: words (prefixes, phrases) and filters (``track:2``). No Qt.

Safety: what the user typed never reaches FTS5 as syntax. Text is cleaned (control characters, surrogates,
private-use characters go), capped, split into alphanumeric tokens, and every token is written as a quoted
string (:func:`quoted`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

FILTERS = ("track", "member", "year", "kind", "author", "status")
MAX_RAW = 4000  # characters looked at
MAX_TEXT = 200  # characters searched
MAX_WORDS = 12
_WORD = re.compile(r'([A-Za-z]+):(?:"([^"]*)"?|(\S+))|"([^"]*)"?|(\S+)')
_TOKEN = re.compile(r"[^\W_]+")


@dataclass
class Query:
    words: list[tuple[tuple[str, ...], bool]] = field(default_factory=list)  # (tokens, prefix)
    filters: list[tuple[str, str]] = field(default_factory=list)  # (key, value)
    hints: list[str] = field(default_factory=list)


def clean(text: object) -> str:
    """Drop what no one types on purpose: control and format characters, surrogates, private use."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:MAX_RAW]
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)


def fold(text: str) -> str:
    """Lower case without accents, as the index's tokenizer stores terms."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


def parse(text: object) -> Query:
    """Split typed text into words and filters.

    A word is a tuple of tokens ("six-party" is a phrase of two) and matches as a prefix, except a
    finished word of one or two letters and a "quoted phrase", which match exactly.
    """
    q = Query()
    raw = clean(text)
    if len(raw.strip()) > MAX_TEXT:
        q.hints.append(f"Only the first {MAX_TEXT} characters were searched.")
        raw = raw.strip()[:MAX_TEXT]
    for m in _WORD.finditer(raw):
        key, qvalue, value, phrase, word = m.groups()
        if key is not None:
            if key.lower() in FILTERS and (qvalue or value):
                q.filters.append((key.lower(), (qvalue if qvalue is not None else value).strip()))
                continue
            if qvalue or value:
                q.hints.append(f"Unknown filter \u201c{key}:\u201d; the filters are "
                               + ", ".join(f"{f}:" for f in FILTERS) + ". It was searched as words.")
            word = f"{key} {qvalue if qvalue is not None else value or ''}"
        if phrase is not None:
            toks = tokens(phrase)
            if toks:
                q.words.append((toks, False))
            continue
        typing = m.end() == len(raw)  # the word under the cursor, still being typed
        parts = word.split()
        for n, part in enumerate(parts):
            toks = tokens(part)
            if toks:  # a finished one- or two-letter word ("La Jolla") is a word, not a prefix
                done = not (typing and n == len(parts) - 1)
                q.words.append((toks, not (done and len(toks[-1]) < 3)))
    if len(q.words) > MAX_WORDS:
        q.hints.append(f"Only the first {MAX_WORDS} words were searched.")
        del q.words[MAX_WORDS:]
    return q


def quoted(text: str) -> str:
    """An FTS5 string literal: always quoted, quotes doubled."""
    return '"' + text.replace('"', '""') + '"'
