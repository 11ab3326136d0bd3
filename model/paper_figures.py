"""The paper's Figures 1-3, lost from the printed text, reconstructed as saved views of the membership matrix.

Only their captions survive (the list of figures, lines 50-52) with the paragraphs that point to them.
Each figure here is a rule over the atlas's own records, so it shows what the data holds, labelled as a
reconstruction with the lines it rests on; the captions are quoted, the rules are ours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from model import roles

if TYPE_CHECKING:
    from model.matrix import MatrixData

JAPAN = "jp"
DEFENSE_AGENCY = ("jda", "nids", "nda", "msdf", "asdf")  # the Defense Agency and its affiliated bodies


@dataclass(frozen=True)
class Figure:
    number: int
    caption: str  # the paper's own caption, quoted
    caption_line: int
    lines: tuple[int, ...]  # the paragraphs that describe it
    how: str  # our rule, in words
    delegations: bool = False
    column_sort: str = "name"

    @property
    def label(self) -> str:
        cited = ", ".join(str(n) for n in self.lines)
        return (f"Figure {self.number} of the paper, reconstructed from the text (the printed figure is lost): "
                f"\u201c{self.caption}\u201d (Fukushima, list of figures, line {self.caption_line}; described at "
                f"line{'s' if len(self.lines) > 1 else ''} {cited}). {self.how}")

    def forums(self, data: MatrixData) -> frozenset[str]:
        return frozenset(_RULES[self.number](data))


def _bilateral(data: MatrixData) -> Iterator[str]:
    """Japan and one other member, in a dialogue or alliance still in being in the 1990s."""
    for fid, f in data.forums.items():
        if f.kind not in ("dialogue", "alliance") or (f.ended is not None and f.ended.end.year < 1990):
            continue
        members = {pid for (pid, g), entries in data.entries.items() if g == fid
                   and any(roles.counts_as_member(e.role, data.participants[pid].kind) for e in entries)}
        if JAPAN in members and len(members) == 2:
            yield fid


def _defense_agency(data: MatrixData) -> Iterator[str]:
    """Multilateral forums the Defense Agency (or its affiliates) hosted or took part in, itself or as Japan's
    delegation."""
    for source in (data.entries, data.delegations):
        for (pid, fid), entries in source.items():
            if pid in DEFENSE_AGENCY and any(e.role not in roles.AWAY for e in entries) \
                    and len(data.participant_set(fid)) != 2:
                yield fid


def _track_two(data: MatrixData) -> Iterator[str]:
    """Track-two dialogues Japan, or a Japanese institute on its behalf, takes part in."""
    for source in (data.entries, data.delegations):
        for (pid, fid), entries in source.items():
            if data.forums[fid].track != "2" or data.forums[fid].status == "proposed":
                continue
            if any(e.role not in roles.AWAY and (pid == JAPAN or e.member == JAPAN) for e in entries):
                yield fid


_RULES: dict[int, Callable[[MatrixData], Iterator[str]]] = {1: _bilateral, 2: _defense_agency, 3: _track_two}

FIGURES = (
    Figure(1, "Japan\u2019s Bilateral Principle and Military Ministerial Talks with Asia-Pacific Countries", 50,
           (399,), "Shown: the dialogues and alliances whose members are Japan and one other country, still in being "
           "in the 1990s."),
    Figure(2, "Multilateral Security Dialogues in Which the Japan Defense Agency Has Participated or Hosted", 51,
           (405,), "Shown: the forums of more than two members that the Defense Agency, or one of its affiliated "
           "bodies, hosted or took part in, itself or as Japan\u2019s delegation (delegations shown).",
           delegations=True),
    Figure(3, "Examples of Asia-Pacific Security Dialogues in Which Japan Is Currently Involved", 52,
           (415, 421), "Shown: the track-two dialogues Japan takes part in, most participants first \u2014 CSCAP, "
           "the most inclusive, leads.", column_sort="count"),
)
