"""Reading one YAML source file safely, with the line of every mapping and key (model/loader.py checks what
it holds). Aliases, deep nesting and repeated keys are refused before anything is built from the text; every
failure becomes a ``file:line: field: message`` problem rather than an exception.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml


class Map(dict[Hashable, Any]):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


# libyaml's parser when PyYAML has it (about ten times faster; same nodes, same line marks).
if TYPE_CHECKING:  # the stubs know both; which one is chosen at run time
    _Loader = yaml.SafeLoader
else:
    _Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Loader):
    duplicates: list[tuple[int, str, int]]  # (line, key, line of the first) for each repeated key

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Map:
        mapping = Map(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for k, _ in node.value:  # YAML keeps the last of two equal keys; a curator meant one of them
            if isinstance(k, yaml.ScalarNode):
                if k.value in mapping.key_lines:
                    self.duplicates.append((k.start_mark.line + 1, k.value, mapping.key_lines[k.value]))
                else:
                    mapping.key_lines[k.value] = k.start_mark.line + 1
        return mapping


MAX_DEPTH = 40  # the data nests five deep; far deeper is an attack on the recursive constructor


def _parse(text: str, loader_class: type[_LineLoader] | None = None) -> tuple[object, list[tuple[int, str, int]]]:
    """YAML text to Python values, and its repeated keys. Refuses aliases (the data has none, and a few hundred
    bytes of nested aliases expand to gigabytes) and nesting deeper than MAX_DEPTH, before constructing
    anything; both raise yaml.MarkedYAMLError with the line."""
    loader = (loader_class or _LineLoader)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, []
        _check_nodes(root)
        loader.duplicates = []
        return loader.construct_document(root), loader.duplicates
    finally:
        loader.dispose()


def _check_nodes(root: yaml.Node) -> None:
    seen: set[int] = set()
    stack = [(root, 1, root.start_mark)]
    while stack:  # iterative: the check itself must not recurse
        node, depth, where = stack.pop()
        if id(node) in seen:
            raise yaml.MarkedYAMLError(problem="aliases (*name) are not allowed in the atlas's data; "
                                       "write the value out", problem_mark=where)
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise yaml.MarkedYAMLError(problem=f"nested more than {MAX_DEPTH} deep", problem_mark=node.start_mark)
        # Pushed in reverse, so nodes are met in document order: an anchor before its aliases, and an alias
        # is reported at the key or sequence that uses it.
        if isinstance(node, yaml.MappingNode):
            for k, v in reversed(node.value):
                stack += [(v, depth + 1, k.start_mark), (k, depth + 1, k.start_mark)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, depth + 1, node.start_mark) for item in reversed(node.value)]


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
# An unquoted date stays a string, so PartialDate reads it and reports a bad one (1919-02-30) with its
# file and line; PyYAML's timestamp resolver would turn it into a date, or raise ValueError without either.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path, problems: list[str]) -> object:
    text = ""
    try:
        if not path.is_file():  # a pipe or a device named *.yaml would block the read, or never end
            problems.append(f"{path.name}:0: file: not a regular file")
            return None
        text = path.read_text(encoding="utf-8")
        doc, duplicates = _parse(text)
        for line, key, first in duplicates:
            problems.append(f"{path.name}:{line}: {key}: the key is repeated (first at line {first}); "
                            "keep one")
        return doc
    except RecursionError:  # a safety net under MAX_DEPTH: libyaml's composer recurses too
        problems.append(f"{path.name}:0: yaml: nested too deeply")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        problems.append(f"{path.name}:{line}: yaml: {exc.problem or exc}")
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (a NUL, say)
        line = text.count("\n", 0, exc.position) + 1
        problems.append(f"{path.name}:{line}: yaml: character {exc.character!r} is not allowed in YAML")
    except UnicodeDecodeError as exc:
        line = path.read_bytes().count(b"\n", 0, exc.start) + 1
        problems.append(f"{path.name}:{line}: file: cannot read: not UTF-8 text (byte {exc.object[exc.start]:#04x})")
    except (OSError, yaml.YAMLError) as exc:
        problems.append(f"{path.name}:0: file: cannot read: {' '.join(str(exc).split())}")
    except ValueError as exc:  # a scalar PyYAML could not construct; dates no longer reach here
        problems.append(f"{path.name}:0: yaml: {exc}")
    return None
