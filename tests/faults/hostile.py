"""Generators of hostile input for the fault suite: YAML sources, notes files, import files.

Each generator yields (name, value) pairs, deterministically (a fixed seed), so a failure can be replayed.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from pathlib import Path

SEED = int(os.environ.get("FAULT_SEED", "1999"))

# -- YAML: whole hostile documents, and mutations of a valid file ----------------------------------------

_EVENT = ('events:\n  - id: hostile-event\n    title: {title}\n    kind: meeting\n    date: "{date}"\n'
          '    cite: [{{line: 84, quote: "first held in 1994"}}]\n{extra}')


def hostile_yaml():
    laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    yield "billion laughs", laughs
    yield "one alias", "participants:\n  - &p {id: zz, name: Z, kind: state}\n  - *p\n"
    yield "merge key", "participants:\n  - &p {id: zz, name: Z, kind: state}\n  - <<: *p\n    id: zy\n"
    yield "recursive alias", "a: &a [*a]\n"
    for depth in (60, 300, 5000):
        yield f"flow nesting {depth}", "a: " + "[" * depth + "]" * depth + "\n"
        yield f"map nesting {depth}", "a: " + "{b: " * depth + "1" + "}" * depth + "\n"
    yield "block nesting 300", "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 300)) + "  " * 300 + "x: 1\n"
    for value in ("99999999999999999999", "-9223372036854775809", "9223372036854775808", "0x7fffffffffffffffff",
                  "1e400", ".inf", ".nan", "0b" + "1" * 80):
        yield f"ordinal {value}", _EVENT.format(title="T", date="1994", extra=f"    ordinal: {value}\n")
    for date in ("0000", "10000", "1994-13", "1994-02-30", "-1", "1994-1-1", "99999999999", "1994~", "\u0661\u0669"):
        yield f"date {date}", _EVENT.format(title="T", date=date, extra="")
    for ch in ("\\x00", "\\x07", "\\x1b", "\\x7f", "\\x85", "\\u2028", "\\ud800", "\\t", "\\n", "\\r"):
        yield f"title with {ch}", _EVENT.format(title=f'"a{ch}b"', date="1994", extra="")
    yield "duplicate keys", _EVENT.format(title="T", date="1994", extra="    title: Again\n")
    yield "duplicate top-level table", _EVENT.format(title="T", date="1994", extra="") + "events: []\n"
    yield "binary tag", "participants: !!binary aGVsbG8=\n"
    yield "python tag", "participants: !!python/object/apply:os.system ['true']\n"
    yield "set tag", "participants: !!set {a, b}\n"
    yield "timestamp key", "1994-01-01: x\n"
    yield "null key", "~: x\n"
    yield "list key", "? [a, b]\n: x\n"
    yield "non-string keys", "participants:\n  - {1: 2, id: zz, name: Z, kind: state}\n"
    yield "huge string", _EVENT.format(title="x" * 2_000_000, date="1994", extra="")
    yield "many records", "participants:\n" + "".join(f"  - {{id: p{n}, name: P, kind: state}}\n" for n in range(5000))
    yield "tabs", "participants:\n\t- {id: zz}\n"
    yield "unclosed quote", "participants:\n  - {id: \"zz, name: Z}\n"
    yield "bom", "\ufeffparticipants: []\n"
    yield "document stream", "participants: []\n---\nforums: []\n"
    yield "scalar document", "just text\n"
    yield "empty document", ""
    yield "only comments", "# nothing\n"
    yield "bad utf-8", b"participants: [\xff\xfe]\n"
    yield "utf-16", "participants: []\n".encode("utf-16")
    yield "nul bytes", b"participants: []\n\x00\x00\n"
    yield "self parent", ("forums:\n  - {id: loop-a, name: A, kind: dialogue, scope: global, status: active,\n"
                          "     summary: s, parent: loop-a, cite: [{line: 84, quote: \"first held in 1994\"}]}\n")
    yield "parent cycle", "".join(
        f"{'forums:' if n == 0 else ''}\n  - {{id: loop-{n}, name: L, kind: dialogue, scope: global, status: active,"
        f" summary: s, parent: loop-{(n + 1) % 5}, cite: [{{line: 84, quote: \"first held in 1994\"}}]}}"
        for n in range(5)) + "\n"
    yield "unknown table", "secrets: [1]\n"
    yield "cite line huge", _EVENT.format(title="T", date="1994", extra="").replace("line: 84", "line: 10**100")
    yield "cite line bigint", _EVENT.format(title="T", date="1994", extra="").replace("line: 84",
                                                                                     "line: 99999999999999999999999")


def mutations(text: str, count: int):
    """``count`` random mutations of a valid YAML text: bytes flipped, lines dropped, swapped, duplicated,
    indentation broken, or a line cut short."""
    rng = random.Random(SEED)
    lines = text.splitlines(keepends=True)
    for n in range(count):
        kind = rng.choice(("flip", "drop", "dup", "swap", "indent", "cut", "insert"))
        mutated = list(lines)
        at = rng.randrange(len(mutated))
        if kind == "flip":
            line = mutated[at]
            if line:
                k = rng.randrange(len(line))
                mutated[at] = line[:k] + rng.choice(":-[]{}&*!|>'\"#%@`,?\t\x00\u202e") + line[k + 1:]
        elif kind == "drop":
            del mutated[at]
        elif kind == "dup":
            mutated.insert(at, mutated[at])
        elif kind == "swap":
            other = rng.randrange(len(mutated))
            mutated[at], mutated[other] = mutated[other], mutated[at]
        elif kind == "indent":
            mutated[at] = " " * rng.choice((1, 3, 5)) + mutated[at]
        elif kind == "cut":
            mutated[at] = mutated[at][: len(mutated[at]) // 2] + "\n"
        else:
            mutated.insert(at, rng.choice(("  - {}\n", "  ordinal: 1\n", "- x\n", "  id: arf\n", "x: *y\n")))
        yield f"mutation {n} ({kind} at line {at + 1})", "".join(mutated)


# -- notes files -------------------------------------------------------------------------------------------

def damages():
    """(name, damage(path)) pairs: each changes a good notes file (and its side files) in place."""
    def truncate(fraction):
        def do(path):
            data = path.read_bytes()
            path.write_bytes(data[: int(len(data) * fraction)])
        return do

    def overwrite(offset, size, byte=None):
        def do(path):
            data = bytearray(path.read_bytes())
            rng = random.Random(SEED + offset)
            for i in range(offset, min(offset + size, len(data))):
                data[i] = byte if byte is not None else rng.randrange(256)
            path.write_bytes(bytes(data))
        return do

    def sql(script):
        def do(path):
            path.unlink()
            con = sqlite3.connect(path)
            con.executescript(script)
            con.close()
        return do

    def replace_with_folder(path):
        path.unlink()
        path.mkdir()

    def loop_link(path):
        path.unlink()
        path.symlink_to(path)

    def garbage_wal(path):
        Path(f"{path}-wal").write_bytes(os.urandom(4096))

    def garbage_shm(path):
        Path(f"{path}-shm").write_bytes(os.urandom(32768))

    def version(n):
        def do(path):
            data = bytearray(path.read_bytes())
            data[60:64] = n.to_bytes(4, "big")
            path.write_bytes(bytes(data))
        return do

    for fraction in (0.0, 0.1, 0.5, 0.99):
        yield f"truncated to {fraction:.0%}", truncate(fraction)
    yield "header zeroed", overwrite(0, 100, 0)
    yield "page size field broken", overwrite(16, 2, 0xFF)
    yield "second page random", overwrite(4096, 4096)
    yield "last bytes random", overwrite(8192, 1 << 20)
    yield "version 0", version(0)
    yield "version from the future", version(99)
    yield "version 2^32-1", version(2**32 - 1)
    yield "wrong schema, right version", sql("CREATE TABLE notes (record TEXT PRIMARY KEY, body TEXT);"
                                             "PRAGMA user_version = 3;")
    yield "missing basket table", sql("CREATE TABLE notes (record TEXT PRIMARY KEY, text TEXT NOT NULL,"
                                      " updated TEXT NOT NULL DEFAULT '');"
                                      "CREATE TABLE bookmarks (record TEXT PRIMARY KEY); PRAGMA user_version = 3;")
    yield "notes is a view", sql("CREATE VIEW notes AS SELECT 1 AS record, 2 AS text; PRAGMA user_version = 3;")
    yield "some other database", sql("CREATE TABLE customers (id INTEGER); PRAGMA user_version = 3;")
    yield "a folder in its place", replace_with_folder
    yield "a link to itself", loop_link
    yield "garbage WAL", garbage_wal
    yield "garbage shared memory", garbage_shm


# -- import files -------------------------------------------------------------------------------------------

def hostile_imports():
    """(name, bytes) import files: each must be refused whole, with a message, or imported safely."""
    def items(*records, text="t"):
        return json.dumps([{"record": r, "text": text} for r in records]).encode()

    yield "html id", items("<img src=x>")
    yield "fake heading id", items("<h1>Forum Atlas</h1>")
    yield "nested tables id", items("<table>" * 20)
    yield "link id", items("<a href='file:///etc/passwd'>arf</a>")
    yield "newline id", items("arf\nkp")
    yield "control id", items("arf\x1b[31m")
    yield "bidi id", items("arf\u202e")
    yield "long id", items("a" * 100_000)
    yield "upper-case id", items("ARF")
    yield "path id", items("../../etc/passwd")
    yield "lone surrogate", b'[{"record": "arf", "text": "\\ud800"}]'
    yield "deep nesting", b"[" * 200_000 + b"]" * 200_000
    yield "object not list", b'{"record": "arf", "text": "t"}'
    yield "numbers", b'[{"record": 1, "text": 2}]'
    yield "nulls", b'[{"record": null, "text": null}]'
    yield "huge text", items("arf", text="x" * 5_000_000)
    yield "html text", items("arf", text="<script>alert(1)</script><img src=x>")
    yield "duplicates", items("arf", "arf", "arf")
    yield "many", items(*(f"rec-{n}" for n in range(20_000)))
    yield "bad updated", b'[{"record": "arf", "text": "t", "updated": "9999-99-99"}]'
    yield "huge updated", b'[{"record": "arf", "text": "t", "updated": "' + b"9" * 10_000 + b'"}]'
    yield "not utf-8", b'[{"record": "arf", "text": "\xff"}]'
    yield "bom", b"\xef\xbb\xbf" + items("arf")
    yield "empty file", b""
    yield "NaN", b'[{"record": "arf", "text": NaN}]'
    yield "huge number", b'[{"record": "arf", "text": "t", "updated": 1e999}]'
