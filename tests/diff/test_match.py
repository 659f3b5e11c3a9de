"""Pairing by id and by similarity, on plain data (no maps needed)."""

from __future__ import annotations

import pytest

from journeyctl.diff import match
from journeyctl.diff.match import content_words, pair


def item(key: str, text: str) -> dict:
    return {"id": key, "text": text}


def words(value: dict) -> list[str]:
    return content_words({"text": value["text"]})


def test_ids_win_over_content():
    old = [item("a", "same words"), item("b", "other words")]
    new = [item("b", "same words"), item("a", "other words")]
    result = pair(old, new, key=lambda x: x["id"], words=words, threshold=0.5)
    assert [(a["id"], b["id"]) for a, b in result.matched] == [("a", "a"), ("b", "b")]
    assert result.renamed == []


def test_rename_needs_the_threshold():
    old = [item("kickoff", "a one hour call to agree goals and the plan")]
    new = [item("kickoff-call", "a one hour call to agree goals and the rollout plan")]
    assert len(pair(old, new, key=lambda x: x["id"], words=words, threshold=0.6).renamed) == 1
    strict = pair(old, new, key=lambda x: x["id"], words=words, threshold=1.0)
    assert strict.renamed == [] and len(strict.removed) == len(strict.added) == 1


def test_field_names_alone_do_not_make_items_similar():
    a = content_words({"name": "Kickoff call", "channel": "video-call", "owner": "csm"})
    b = content_words({"name": "Welcome email", "channel": "email", "owner": "csm"})
    assert match.similarity(a, b) < 0.3


class CountingMatcher(match.SequenceMatcher):
    """The diff's similarity scorer, counting the candidate pairs it is asked to compare."""

    compared = 0

    def set_seq1(self, a):
        CountingMatcher.compared += 1
        super().set_seq1(a)


@pytest.fixture
def counting(monkeypatch):
    CountingMatcher.compared = 0
    monkeypatch.setattr(match, "SequenceMatcher", CountingMatcher)
    return CountingMatcher


def test_a_mass_re_id_is_paired_by_identical_content_without_comparisons(counting):
    old = [item(f"t{i}", f"touchpoint {i} with its own words") for i in range(2000)]
    new = [item(f"renamed-{i}", f"touchpoint {i} with its own words") for i in range(2000)]
    result = pair(old, new, key=lambda x: x["id"], words=words, threshold=0.6)
    assert len(result.renamed) == 2000
    assert all(a["text"] == b["text"] for a, b in result.renamed)
    assert counting.compared == 0


def test_too_many_candidates_fall_back_to_identical_content_only(monkeypatch):
    monkeypatch.setattr(match, "MAX_COMPARISONS", 3)
    old = [item(f"o{i}", f"text number {i} alpha") for i in range(3)]
    new = [item(f"n{i}", f"text number {i} beta") for i in range(3)]
    assert pair(old, new, key=lambda x: x["id"], words=words, threshold=0.5).renamed == []
    monkeypatch.setattr(match, "MAX_COMPARISONS", 100)
    assert len(pair(old, new, key=lambda x: x["id"], words=words, threshold=0.5).renamed) == 3


def test_very_long_items_are_compared_on_their_first_words_only(monkeypatch):
    lengths = []

    class MeasuringMatcher(match.SequenceMatcher):
        def set_seq1(self, a):
            lengths.append(len(a))
            super().set_seq1(a)

    monkeypatch.setattr(match, "SequenceMatcher", MeasuringMatcher)
    old = [item("a", "a b " * 20_000)]
    new = [item("b", "a b " * 20_000 + "and one more")]
    result = pair(old, new, key=lambda x: x["id"], words=words, threshold=0.6)
    assert len(result.renamed) == 1
    assert lengths and max(lengths) == match.MAX_WORDS_COMPARED
