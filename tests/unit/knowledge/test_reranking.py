"""The reranker's choice of the passage to cite: its own match, and its document's."""

from __future__ import annotations

from knowledge.reranking import Candidate, QueryTerm, rerank

QUESTION = [QueryTerm("forget", 2.0, 0), QueryTerm("key", 1.0, 1), QueryTerm("hour", 2.0, 2)]


def _passage(key: int, manual: int, text: str, heading: str = "") -> Candidate:
    return Candidate(
        key=key,
        document=("help_document", manual),
        text=tuple(text.split()),
        heading=tuple(heading.split()),
        title=(),
        related=(),
    )


def _manual(manual: int, passages: int, text: str) -> list[Candidate]:
    return [_passage(manual * 100 + number, manual, text) for number in range(passages)]


def test_of_two_manuals_matching_alike_the_one_with_more_matching_passages_is_cited() -> None:
    candidates = [
        *_manual(1, 3, "forget the key after an hour"),
        *_manual(2, 5, "forget the key after an hour"),
    ]

    first, *rest = rerank(QUESTION, candidates)

    assert first.key // 100 == 2
    assert all(item.score == first.score for item in rest)


def test_a_passage_matching_clearly_better_is_cited_before_a_manual_of_weaker_ones() -> None:
    candidates = [
        _passage(1, 1, "forget key hour", heading="forget key hour"),
        *_manual(2, 6, "the key"),
    ]

    ranked = rerank(QUESTION, candidates)

    assert ranked[0].key == 1
    assert ranked[1].score < ranked[0].score


def test_the_cited_passage_keeps_its_own_score_when_its_manual_chose_it() -> None:
    lone = _passage(1, 1, "forget key hour", heading="forget key")
    candidates = [lone, *_manual(2, 5, "forget the key after an hour")]

    ranked = rerank(QUESTION, candidates)

    assert ranked[0].key // 100 == 2
    assert ranked[1].key == 1
    assert ranked[0].score < ranked[1].score


def test_a_word_every_chunk_of_a_manual_holds_still_points_at_the_manual_it_names() -> None:
    question = [QueryTerm("unpack", 2.0, 0), QueryTerm("tar", 0.3, 1)]  # "tar": in most chunks
    tar = [
        Candidate(key=100 + n, document=("help_document", 1), text=("unpack", "tar", "file"),
                  heading=(), title=("tar", "archiv", "util"), related=())
        for n in range(2)
    ]
    gzip = [
        Candidate(key=200 + n, document=("help_document", 2), text=("unpack", "tar", "file"),
                  heading=(), title=("gzip", "compress", "expand", "file"), related=())
        for n in range(4)
    ]

    first, *_ = rerank(question, [*gzip, *tar])

    assert first.key // 100 == 1


def test_a_large_manual_fills_at_most_three_of_the_top_five_places() -> None:
    large = _manual(1, 8, "forget the key after an hour")
    short = [_passage(201, 2, "forget the key"), _passage(301, 3, "the hour")]

    ranked = rerank(QUESTION, [*large, *short])

    top_five = [item.key // 100 for item in ranked[:5]]
    assert top_five[:3] == [1, 1, 1]
    assert sorted(top_five[3:]) == [2, 3]
    assert [item.key // 100 for item in ranked[5:]] == [1] * 5
    assert ranked[3].score > ranked[4].score  # the others still by their own score


def test_a_single_document_still_fills_the_top_five() -> None:
    ranked = rerank(QUESTION, _manual(1, 6, "forget the key after an hour"))

    assert len(ranked) == 6
    assert all(item.key // 100 == 1 for item in ranked)


def test_the_manual_a_long_question_names_in_its_title_is_cited_despite_rarer_words() -> None:
    # "sorting numbers puts 10 before 9": the rare "10" and "9" are in another manual's
    # examples; the word naming the manual stays what chooses it, the gate's score does not rise
    question = [QueryTerm("sort", 2.5, 0), QueryTerm("number", 1.0, 1),
                QueryTerm("10", 3.5, 2), QueryTerm("9", 3.5, 3)]
    sort = Candidate(key=100, document=("help_document", 1), text=("sort", "number", "numer"),
                     heading=(), title=("sort", "line", "text", "file"), related=())
    other = [
        Candidate(key=200 + n, document=("help_document", 2), text=("10", "9", "second"),
                  heading=(), title=("curl", "transfer", "url"), related=())
        for n in range(4)
    ]

    ranked = rerank(question, [*other, sort])

    assert ranked[0].key == 100
    assert ranked[0].score < ranked[1].score  # its confidence is its own, not the choice's
