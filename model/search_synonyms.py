"""Other ways of writing what was typed: British and American spellings by rule, and the synonym table
(resources/synonyms.txt, one group per line, forms separated by " = "). No Qt."""

from __future__ import annotations

import functools

from model import paths
from model.search_query import fold, tokens

# (British, American) endings and words; a word ending in one is also searched ending in the other.
_SPELLINGS = (("defence", "defense"), ("offence", "offense"), ("isation", "ization"), ("ising", "izing"),
              ("ised", "ized"), ("ise", "ize"), ("ises", "izes"), ("our", "or"), ("ogue", "og"), ("centre", "center"))
_SHORT = {"rise", "wise", "noise", "poise", "praise", "raise", "franchise", "concise", "precise", "premise",
          "promise", "compromise", "exercise", "expertise", "enterprise", "otherwise", "surprise", "advise",
          "devise", "revise", "supervise", "televise", "treatise", "merchandise", "disguise", "despise", "cruise",
          "four", "our", "your", "hour", "pour", "tour", "flour", "sour", "dialogue", "catalogue"}


def spellings(word: str) -> list[str]:
    """The other spellings of a folded word ("defence" -> ["defense"]); [] when it has none."""
    if len(word) < 4 or word in _SHORT:
        return []
    out = []
    for british, american in _SPELLINGS:
        for a, b in ((british, american), (american, british)):
            if word.endswith(a) and (len(word) > len(a) + 1 or word == a):
                out.append(word[: -len(a)] + b)
    return [w for w in dict.fromkeys(out) if w != word]


@functools.lru_cache(maxsize=1)
def table() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The synonym groups, each a tuple of forms, each form its folded tokens. A missing file is no table."""
    try:
        text = paths.resource("synonyms.txt").read_text(encoding="utf-8")
    except OSError:
        return ()
    groups = []
    for line in text.splitlines():
        forms = tuple(t for t in (tuple(fold(x) for x in tokens(f)) for f in line.split("#", 1)[0].split(" = "))
                      if t)
        if len(forms) > 1:
            groups.append(forms)
    return tuple(groups)


def synonyms(words: list[tuple[str, ...]]) -> list[tuple[int, int, list[tuple[str, ...]]]]:
    """Where the typed words (each a tuple of folded tokens) spell a synonym: (first word, number of words,
    the group's other forms), longest first where two overlap."""
    found: list[tuple[int, int, list[tuple[str, ...]]]] = []
    used: set[int] = set()
    for n in range(len(words)):
        for k in range(len(words) - n, 0, -1):
            span = tuple(t for w in words[n:n + k] for t in w)
            group = next((g for g in table() if span in g), None)
            if group and not used & set(range(n, n + k)):
                found.append((n, k, [f for f in dict.fromkeys(group) if f != span]))
                used |= set(range(n, n + k))
                break
    return found
