"""Synthetic datasets N times the size of the real one, so every figure can be measured at scale.

A ``factor``-times dataset is the real records followed by ``factor - 1`` copies of them. Copy ``k``
is the real dataset with:

- every id suffixed ``-s<k>``, and every reference too, so ids stay unique slugs and a copy refers
  only to itself;
- names and titles tagged with a made-up word of the copy's own ("ASEAN Regional Forum (Varoka)",
  acronym "ARF-VAR"), so search meets new words rather than the same names N times;
- every date moved back by the copy's own number of months (0 to 10 years; whole years, or not at
  all, where that would put an end before its start), so the timeline gets a realistic spread;
- every citation on the same line of the paper, quoting another run of at least three words of the
  real quote. The quote is still verbatim on that line, so the loader's checks pass with or without
  the paper and a claim still cites its author's part. A quote has only so many runs, so they come
  round again: the citation table grows about 58 times at 100x and 80 times at 1000x (``counts``).

The eras in ``source.yaml`` are framing, not data: they are not copied.

``cached_db(factor)`` builds a database once and keeps it in ``bench/.cache/`` until this code, the
model or the real data changes (from ``SQL_MIN``: the code that copies, or the real database; see
``cache_key``). Up to ``YAML_MAX`` times (100x), a dataset takes the real data's road: written as YAML (31 MB), then loaded and checked by ``model.loader.load``. Beyond it (1000x:
138,000 events, some 300 MB of YAML) the copies are made from the loaded real records directly.
Either way ``bench.fastbuild`` writes the database ``model.build.build`` would (which takes three to
four times longer); at 1000x without the search index and the records' detail pages in the browse data,
which no 1000x figure uses. From ``SQL_MIN``
times (10,000x: 1.4 million events) ``bench.scaled`` copies the real database's rows instead, search
index and browse tables included.
``tests/model/test_synthetic.py`` checks that both roads give the same dataset, and both builds the same
database.

``python -m bench.synthetic FACTOR --out DIR`` writes the YAML; without ``--out`` it builds (or finds)
the cached database and prints its path.
"""

from __future__ import annotations

import argparse
import ast
import calendar
import fcntl
import gc
import hashlib
import json
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from model import loader, paths, yaml_reader
from model.dates import DateError, PartialDate

SEED = 1999
CACHE = Path(__file__).resolve().parent / ".cache"
YAML_MAX = 100  # larger factors are built from the loaded records, without YAML
SQL_MIN = 10_000  # this factor and larger: the real database's rows copied as tuples (bench.scaled)
MIN_QUOTE_WORDS = 3
MAX_SHIFT_MONTHS = 120
_ROOT = Path(__file__).resolve().parent.parent
_TAGGED = {"participants": ("name", "short_name"), "forums": ("name",), "events": ("title",), "people": ("name",)}
_DATE_TOKEN = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(s?)(?!\d)")
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


# -- the real YAML ---------------------------------------------------------------------------------------
def read_real(data_dir: Path | None = None) -> dict[str, dict]:
    """The real YAML files as plain data: {file name: {table: records}}."""
    data_dir = data_dir or paths.data_dir()
    return {p.name: yaml.load(p.read_text(encoding="utf-8"), Loader=_SafeLoader) or {}  # noqa: S506 - safe
            for p in sorted(data_dir.glob("*.yaml"))}


# -- one copy ------------------------------------------------------------------------------------------
class _Plan:
    """What differs between copies: a made-up word and a date shift for each, and the quote runs."""

    def __init__(self, factor: int, seed: int, real_quotes: set[str]):
        rng = random.Random(seed)
        onsets = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
                  "br", "dr", "kr", "pl", "st", "tr")
        vowels = ("a", "e", "i", "o", "u", "ai", "ea", "io")
        self.tags = [""]
        while len(self.tags) < factor:
            word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))
            word = word.capitalize() + rng.choice(("", "n", "r", "s", "th"))
            if word not in self.tags:
                self.tags.append(word)
        self.shifts = [0] + [rng.randint(0, MAX_SHIFT_MONTHS) for _ in range(factor - 1)]
        self.seed = seed
        self.real_quotes = real_quotes  # folded; a copy never quotes one of these, so its citations are new
        self._runs: dict[str, list[str]] = {}

    def quote(self, quote: str, k: int) -> str:
        """Copy k's quote for a real quote: a run of its words (the quote itself for copy 0)."""
        if k == 0:
            return quote
        runs = self._runs.get(quote)
        if runs is None:
            words = loader.fold(quote).split()
            least = min(MIN_QUOTE_WORDS, len(words))
            runs = [run for i in range(len(words)) for j in range(i + least, len(words) + 1)
                    if (run := " ".join(words[i:j])) not in self.real_quotes]
            random.Random(f"{self.seed}:{quote}").shuffle(runs)
            self._runs[quote] = runs = runs or [quote]
        return runs[(k - 1) % len(runs)]


def _shift(text: str, months: int) -> str:
    """Every year, month or day in a partial-date string moved back ``months`` months (decades stay)."""
    def move(m: re.Match) -> str:
        year, month, day, decade = m.groups()
        if decade:
            return m.group(0)
        if month is None:
            return str(int(year) - months // 12)
        y, mo = divmod(int(year) * 12 + int(month) - 1 - months, 12)
        if day is None:
            return f"{y:04d}-{mo + 1:02d}"
        return f"{y:04d}-{mo + 1:02d}-{min(int(day), calendar.monthrange(y, mo + 1)[1]):02d}"

    return _DATE_TOKEN.sub(move, text)


@cache
def _parse(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except DateError:
        return None


def _moved(dates: dict[str, str], months: int, spec_name: str) -> dict[str, str]:
    """The record's dates shifted by ``months``, or by whole years, or not at all: the first that stays valid."""
    lo, hi = loader._ORDERED.get(spec_name, (None, None))
    for shift in (months, months - months % 12):
        moved = {n: _shift(v, shift) for n, v in dates.items()}
        parsed = {n: _parse(v) for n, v in moved.items()}
        if None not in parsed.values() and not (lo in parsed and hi in parsed and parsed[hi].end < parsed[lo].start):
            return moved
    return dates


def _copy(table: str, rec: dict, k: int, plan: _Plan, date: Callable, cite: Callable, spec_name: str = "") -> dict:
    """Record ``rec`` of ``table`` as copy ``k`` has it. ``date(text)`` turns a date string into the field's
    value; ``cite(items, k)`` does the citations (YAML items or the loader's citation ids)."""
    spec = loader.SPECS[spec_name or table]
    out = dict(rec)
    dates = {}
    for name, value in rec.items():
        kind = spec[name][0] if name in spec else ""
        if value is None or value == []:
            continue
        if kind in ("id", "ref"):
            out[name] = f"{value}-s{k}"
        elif kind == "refs":
            out[name] = [f"{v}-s{k}" for v in value]
        elif kind == "date":
            dates[name] = str(value)
        elif kind == "cite":
            out[name] = cite(value, k)
        elif kind in ("members", "delegation"):
            out[name] = [_copy(table, m, k, plan, date, cite, kind) for m in value]
    for name, text in _moved(dates, plan.shifts[k], spec_name or table).items():
        out[name] = date(text)
    for name in _TAGGED.get(table, ()):
        if out.get(name):
            out[name] = f"{out[name]} ({plan.tags[k]})"
    if table == "forums" and out.get("acronym"):
        out["acronym"] = f"{out['acronym']}-{plan.tags[k][:3].upper()}"
    return out


def _copies(records: list[dict], table: str, factor: int, plan: _Plan, date: Callable, cite: Callable) -> list[dict]:
    return records + [_copy(table, rec, k, plan, date, cite) for k in range(1, factor) for rec in records]


def _real_quotes(data_dir: Path | None) -> set[str]:
    return {loader.fold(c["quote"]) for c in loader.load(data_dir or paths.data_dir()).citations.values()}


# -- the YAML road -------------------------------------------------------------------------------------
def generate(factor: int, seed: int = SEED, data_dir: Path | None = None) -> dict[str, dict]:
    """The dataset as YAML documents, {file name: {table: records}}, laid out as the real files are."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    plan = _Plan(factor, seed, _real_quotes(data_dir))

    def cite(items: list[dict], k: int) -> list[dict]:
        return [{"line": c["line"], "quote": plan.quote(c["quote"], k)} for c in items]

    return {name: {table: records if table in ("source", "eras") else
                   _copies(records, table, factor, plan, str, cite) for table, records in doc.items()}
            for name, doc in read_real(data_dir).items()}


def write_yaml(factor: int, out: Path, seed: int = SEED, data_dir: Path | None = None) -> Path:
    """Write the dataset as YAML files that ``model.loader.load`` reads; return ``out``.

    One record a line, in YAML's flow style (which JSON is): twenty times faster to write than block
    style, and as fast to read.
    """
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    for name, doc in generate(factor, seed, data_dir).items():
        lines = []
        for table, records in doc.items():
            if table == "source":
                lines.append(yaml.dump({table: records}, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True))
            else:
                lines.append(f"{table}:")
                lines += [f"- {json.dumps(rec, ensure_ascii=False)}" for rec in records]
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


# -- the direct road -----------------------------------------------------------------------------------
def _as_map(value):
    """Plain YAML data as the loader's line-aware mappings (line 0)."""
    if isinstance(value, dict):
        m = yaml_reader.Map({k: _as_map(v) for k, v in value.items()})
        m.line, m.key_lines = 0, {}
        return m
    return [_as_map(v) for v in value] if isinstance(value, list) else value


def dataset(factor: int, seed: int = SEED, data_dir: Path | None = None) -> loader.Dataset:
    """The dataset ``loader.load`` returns for ``write_yaml(factor)``, made without YAML.

    The real data is loaded (and checked) once; copies are made of its records, each new quote going
    through the loader's own citation check, which gives its id, part and section.
    """
    if factor < 1:
        raise ValueError("factor must be at least 1")
    real = loader.load(data_dir or paths.data_dir())
    plan = _Plan(factor, seed, {loader.fold(c["quote"]) for c in real.citations.values()})
    check = loader._Checker(real.source, None)
    check.citations = dict(real.citations)
    new_ids: dict[tuple[int, str], str] = {}  # (line, quote) -> citation id

    def cite(cids: list[str], k: int) -> list[str]:
        out = []
        for cid in cids:
            line, quote = real.citations[cid]["line"], plan.quote(real.citations[cid]["quote"], k)
            if (line, quote) not in new_ids:
                new_ids[line, quote] = check.cite(_as_map({"line": line, "quote": quote}), "")
            out.append(new_ids[line, quote])
        return out

    tables = {t: records if t == "eras" else _copies(records, t, factor, plan, _parse, cite)
              for t, records in real.tables.items()}
    if check.problems:
        raise loader.DataError(check.problems)
    return loader.Dataset(source=real.source, tables=tables, citations=check.citations)


# -- the cached databases ------------------------------------------------------------------------------
def _sources(path: Path, seen: set[Path]) -> set[Path]:
    """``path`` and every module of ours it imports, and theirs in turn."""
    seen.add(path)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        for name in names:
            module = _ROOT.joinpath(*name.split(".")).with_suffix(".py")
            if name.split(".")[0] in ("bench", "model") and module.is_file() and module not in seen:
                _sources(module, seen)
    return seen


def cache_key(factor: int, seed: int = SEED) -> str:
    """A digest of what the database is made of and the code that writes it.

    Up to ``SQL_MIN``: this code, the modules it builds with (``model.build`` and all it imports, the read API
    too: the browse tables are its answers), the real data. From ``SQL_MIN``: ``bench.scaled`` and the modules
    it copies with, and the schema and rows of the real database it copies: a change to the model that leaves
    the real database as it was, such as one to how the read API reads, keeps the 10,000x database, which takes
    nine minutes to build.
    """
    digest = hashlib.sha256(f"{factor}:{seed}:{YAML_MAX}".encode())
    here = Path(__file__)
    if factor >= SQL_MIN:
        builder = here.with_name("fastbuild.py")  # the smaller factors' road, imported here, not by bench.scaled
        code = _sources(here.with_name("scaled.py"), {builder}) - {builder}
        digest.update(_database_digest(paths.database()))
    else:
        code = _sources(here, set()) | _sources(here.with_name("fastbuild.py"), set())
    for path in [*sorted(code), *(sorted(paths.data_dir().glob("*.yaml")) if factor < SQL_MIN else [])]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _database_digest(path: Path) -> bytes:
    """The schema and every row of the database at ``path``, in a fixed order; empty when there is none (then
    bench.scaled says so). Not its bytes: the builder creates the indexes in an order that varies from run to
    run (the same content, other pages)."""
    if not path.is_file():
        return b""
    digest = hashlib.sha256()
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        schema = con.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").fetchall()
        for kind, name, sql in schema:
            digest.update(sql.encode())
            if kind == "table" and not sql.upper().startswith("CREATE VIRTUAL"):  # FTS5's rows are in its own tables
                for row in con.execute(f'SELECT * FROM "{name}"'):  # in its key's order
                    digest.update(repr(row).encode())
    finally:
        con.close()
    return digest.digest()


def cached_db(factor: int, seed: int = SEED, log: Callable[[str], None] | None = None) -> tuple[Path, dict]:
    """The database of the ``factor``-times dataset, built unless a current one is cached: (path, info).

    ``info`` (also in the ``.json`` beside the database) holds the cache key, the road taken, the
    seconds the build took, the record counts and ``cached``.
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / f"synthetic-{factor}.sqlite"
    sidecar = target.with_suffix(".json")
    key = cache_key(factor, seed)
    with open(target.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second process asking meanwhile waits for this build, then uses it
        if target.is_file() and sidecar.is_file():
            info = json.loads(sidecar.read_text())
            if info.get("key") == key:
                return target, {**info, "cached": True}
        if log:
            log(f"building the synthetic {factor}x database ({target.relative_to(_ROOT)}) ...")
        info = {"key": key, **build_db(factor, target, seed)}
        sidecar.write_text(json.dumps(info, indent=1))
    return target, {**info, "cached": False}


def build_db(factor: int, target: Path, seed: int = SEED) -> dict:
    """Build the database of the ``factor``-times dataset at ``target``; return how, how long, and counts."""
    t0 = time.perf_counter()
    gc.disable()  # millions of new objects, none in cycles: the collector would take three quarters of the time
    try:
        counts, road = _build_db(factor, target, seed)
    finally:
        gc.enable()
    return {"factor": factor, "seed": seed, "road": road, "seconds": round(time.perf_counter() - t0, 1),
            "counts": counts, "mb": round(target.stat().st_size / 1e6)}


def _build_db(factor: int, target: Path, seed: int) -> tuple[dict, str]:
    from bench import fastbuild, scaled

    if factor >= SQL_MIN:
        return scaled.build(factor, target, seed), "rows: bench.scaled, the real database's rows copied in SQLite"
    if factor <= YAML_MAX:
        road = "YAML: bench.synthetic.write_yaml, model.loader.load, bench.fastbuild.build"
        tmp = Path(tempfile.mkdtemp(prefix=f"synthetic-{factor}-", dir=target.parent))
        try:
            ds = loader.load(write_yaml(factor, tmp, seed))
            fastbuild.build(ds, target)  # the data version is a digest of the YAML files
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    else:
        road = "direct: bench.synthetic.dataset, bench.fastbuild.build without the search index or record details"
        ds = dataset(factor, seed)
        fastbuild.build(ds, target, search=False, details=False)
    counts = {t: len(v) for t, v in ds.tables.items()}
    counts["memberships"] = sum(len(f["members"]) for f in ds["forums"])
    counts["citations"] = len(ds.citations)
    return counts, road


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.split("\n")[0])
    p.add_argument("factor", type=int, help="how many times the real dataset")
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--out", type=Path, help="write the YAML dataset to this folder (and build nothing)")
    p.add_argument("--json", action="store_true", help="print the path and the build's facts as one JSON line")
    args = p.parse_args(argv)
    if args.out:
        write_yaml(args.factor, args.out, args.seed)
        print(f"wrote {args.out}")
        return 0
    path, info = cached_db(args.factor, args.seed, log=lambda m: print(f"bench: {m}", file=sys.stderr))
    info = {k: v for k, v in info.items() if k != "key"}
    print(json.dumps({"path": str(path), **info}) if args.json else f"{path}\n{json.dumps(info)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
