"""The loader's checks that look across records: the roles a forum's members hold, forums that are each
other's parents, and the Japanese names' records. model/loader.py calls them once every table is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from model import roles

if TYPE_CHECKING:
    from model.loader import Record
    from model.loader import _Checker as Checker


def check_roles(check: Checker, forum: Record, participants: dict[str, Record]) -> None:
    """Each role allowed for the record's kind (model/roles.py); agencies represent, in delegations."""
    kind = roles.record_kind(forum["status"] or "")
    allowed = roles.allowed(kind)
    for m in forum["members"]:
        where, line = m["_file"], m["_line"]
        holder = participants.get(m["participant"])
        if m["role"] in roles.BY_NAME and m["role"] not in allowed:
            what = "a proposal (status proposed)" if kind == roles.PROPOSAL else "a forum"
            check.problem(where, line, "role", f"{m['role']!r} is not a role in {what}; "
                                               f"use one of: {', '.join(allowed)}")
        elif holder and holder["kind"] not in roles.MEMBER_KINDS and m["role"] in roles.BY_NAME \
                and not roles.BY_NAME[m["role"]].agency:
            check.problem(where, line, "participant",
                          f"{m['participant']!r} is an {holder['kind']}: it cannot be {m['role']!r} itself; list it "
                          "in the delegation of the state or organisation it represents")
        if m["delegation"] and holder and holder["kind"] not in roles.MEMBER_KINDS:
            check.problem(where, line, "delegation", f"{m['participant']!r} is an {holder['kind']}: only a state "
                                                     "or organisation's entry has a delegation")
        for d in m["delegation"]:
            delegate = participants.get(d["participant"])
            if delegate and delegate["kind"] not in roles.DELEGATE_KINDS:
                check.problem(d["_file"], d["_line"], "participant",
                              f"{d['participant']!r} is a {delegate['kind']}: a delegation is made of "
                              f"{' or '.join(roles.DELEGATE_KINDS)} participants")
            if d["participant"] == m["participant"]:
                check.problem(d["_file"], d["_line"], "participant", "a participant cannot be its own delegation")


def check_translations(translations: list[Record], ids: dict[str, dict[str, Record]], check: Checker) -> None:
    """A Japanese name belongs to a participant or a forum, once."""
    seen: dict[str, Record] = {}
    for tr in translations:
        rid = tr["record"]
        if rid in seen:
            check.problem(tr["_file"], tr["_line"], "record", f"{rid!r} already has a Japanese name "
                                                              f"(at {seen[rid]['_file']}:{seen[rid]['_line']})")
        seen.setdefault(rid, tr)
        if any(rid in ids[table] for table in ids) and rid not in ids["participants"] and rid not in ids["forums"]:
            check.problem(tr["_file"], tr["_line"], "record", f"{rid!r} is not a participant or a forum: only they "
                                                              "have Japanese names")


def check_parent_cycles(forums: list[Record], check: Checker) -> None:
    """A forum cannot be its own ancestor: each cycle is reported once, at its first forum."""
    parent = {f["id"]: f["parent"] for f in forums}
    where = {f["id"]: f for f in forums}
    reported: set[str] = set()
    for start in parent:
        path, at = [], start
        while at in parent and at not in path and at not in reported:
            path.append(at)
            at = parent[at]
        if at in path:
            cycle = path[path.index(at):]
            if len(cycle) > 1:  # a forum that is its own parent is reported above
                first = where[cycle[0]]
                check.problem(first["_file"], first["_line"], "parent",
                              f"forums {' -> '.join([*cycle, cycle[0]])} are each other's parents")
        reported.update(path)
