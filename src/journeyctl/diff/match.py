"""Pairing old and new items by id; an unpaired pair whose content mostly stayed is a rename.

Similarity is difflib.SequenceMatcher (standard library, no dependency) over the items'
words, each tagged with its field, so two touchpoints that merely share field names and a
channel do not look alike. Maps have tens of touchpoints and renames are rare, so the
quadratic candidate loop is cheap; quick_ratio() bounds skip hopeless pairs early.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass
class Pairing(Generic[T]):
    matched: list[tuple[T, T]] = field(default_factory=list)  # same id (or same key)
    renamed: list[tuple[T, T]] = field(default_factory=list)  # different id, similar content
    removed: list[T] = field(default_factory=list)
    added: list[T] = field(default_factory=list)


def pair(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], Any],
    *,
    words: Callable[[T], list[str]] | None = None,
    threshold: float = 1.0,
) -> Pairing[T]:
    """Pair by `key`; then, if `words` is given, pair leftovers whose similarity is >= threshold."""
    result: Pairing[T] = Pairing()
    new_by_key = {key(item): item for item in new}
    taken: set[int] = set()
    leftover_old: list[T] = []
    for item in old:
        partner = new_by_key.get(key(item))
        if partner is not None and id(partner) not in taken:
            result.matched.append((item, partner))
            taken.add(id(partner))
        else:
            leftover_old.append(item)
    leftover_new = [item for item in new if id(item) not in taken]
    if words is not None and leftover_old and leftover_new:
        renamed = _similar_pairs(leftover_old, leftover_new, words, threshold)
        result.renamed = renamed
        paired_old = {id(a) for a, _ in renamed}
        paired_new = {id(b) for _, b in renamed}
        leftover_old = [item for item in leftover_old if id(item) not in paired_old]
        leftover_new = [item for item in leftover_new if id(item) not in paired_new]
    result.removed, result.added = leftover_old, leftover_new
    return result


def similarity(a: list[str], b: list[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# Beyond this many candidate comparisons (about half a second), only identical content counts
# as a rename: a mass re-id of hundreds of touchpoints must not make the diff take minutes.
MAX_COMPARISONS = 20_000
# Similarity is judged on an item's first words: comparing two 40,000-word descriptions word by
# word took a minute, and a rename is clear long before that.
MAX_WORDS_COMPARED = 2_000


def _similar_pairs(old: list[T], new: list[T], words: Callable[[T], list[str]], threshold: float) -> list[tuple[T, T]]:
    """Best pairs first, each item used once: a greedy assignment is enough for a handful of renames."""
    old_words = [words(item) for item in old]
    new_words = [words(item) for item in new]
    scored: list[tuple[float, int, int]] = []
    # Identical content first, in one pass: the common case (a pure re-id) costs no comparisons.
    old_by_content: dict[tuple[str, ...], list[int]] = {}
    for i, a in enumerate(old_words):
        old_by_content.setdefault(tuple(a), []).append(i)
    for j, b in enumerate(new_words):
        candidates = old_by_content.get(tuple(b))
        if candidates:
            scored.append((1.0, candidates.pop(0), j))
    exact_old = {i for _, i, _ in scored}
    exact_new = {j for _, _, j in scored}
    if (len(old) - len(exact_old)) * (len(new) - len(exact_new)) > MAX_COMPARISONS:
        return _greedy(scored, old, new)
    for j, b in enumerate(new_words):
        if j in exact_new:
            continue
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(b[:MAX_WORDS_COMPARED])  # SequenceMatcher caches facts about seq2; reuse it across candidates
        for i, a in enumerate(old_words):
            if i in exact_old:
                continue
            matcher.set_seq1(a[:MAX_WORDS_COMPARED])
            if not a and not b:
                score = 1.0
            elif matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            else:
                score = matcher.ratio()
            if score >= threshold:
                scored.append((score, i, j))
    return _greedy(scored, old, new)


def _greedy(scored: list[tuple[float, int, int]], old: list[T], new: list[T]) -> list[tuple[T, T]]:
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[T, T]] = []
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((old[i], new[j]))
    return pairs


def content_words(data: Any, prefix: str = "") -> list[str]:
    """Every word of a JSON-like value, tagged with the field it sits in (`name:Kickoff`)."""
    found: list[str] = []
    _collect(data, prefix, found)
    return found


def _collect(data: Any, prefix: str, found: list[str]) -> None:
    if isinstance(data, dict):
        for name in sorted(data):
            _collect(data[name], f"{prefix}/{name}" if prefix else str(name), found)
    elif isinstance(data, (list, tuple)):
        for item in data:
            _collect(item, prefix, found)
    elif data is not None:
        found.extend(f"{prefix}:{word}" for word in str(data).split())


def words_of(items: Iterable[str]) -> list[str]:
    return [f"ids:{item}" for item in items]
