"""The evaluation's gate figures behind another threshold, bench.retrieval's
leave-one-set-out calibration (a set is scored behind a threshold chosen on the others),
and how well the gate's score separates what to answer from what to decline (AUC)."""

from __future__ import annotations

import pytest

from bench.retrieval import gate_auc, leave_one_out
from tests.integration.knowledge.evaluation import Evaluation, Outcome, Question


def _outcomes(
    answerable: list[tuple[float, bool]], unanswerable: list[float], *, threshold: float = 0.2
) -> Evaluation:
    """Answerable questions as (top score, first passage right); unanswerable as top scores.
    Halves alternate as load_questions splits them."""
    outcomes = []
    for number, (score, right) in enumerate(answerable):
        question = Question(
            id=f"a{number}", text="q", answers=frozenset({("doc.pdf", None)}),
            half=("tune", "holdout")[number % 2],
        )
        outcomes.append(Outcome(
            question=question, rank=1 if right else None, top_score=score,
            declined=score < threshold, cited_right=right and score >= threshold,
            first_right=right,
        ))
    for number, score in enumerate(unanswerable):
        question = Question(
            id=f"u{number}", text="q", answers=frozenset(), half=("tune", "holdout")[number % 2]
        )
        outcomes.append(Outcome(
            question=question, rank=None, top_score=score, declined=score < threshold,
        ))
    return Evaluation(tuple(outcomes))


def test_gated_redecides_every_answer_behind_the_new_threshold() -> None:
    result = _outcomes([(0.5, True), (0.3, True), (0.25, False), (0.6, True)], [0.1, 0.35])

    assert (result.cited_right, result.declined_unanswerable) == (0.75, 0.5)
    stricter = result.gated(0.4)
    assert stricter.cited_right == 0.5  # the 0.3 answer is now declined
    assert stricter.declined_unanswerable == 1.0
    assert [o.declined for o in stricter.answerable] == [False, True, True, False]
    looser = result.gated(0.0)
    assert (looser.cited_right, looser.declined_unanswerable) == (0.75, 0.0)


def test_each_set_is_scored_behind_the_threshold_the_other_sets_choose() -> None:
    # Sets a and b separate cleanly between 0.30 and 0.40; set c would want 0.55.
    a = _outcomes([(0.4, True), (0.5, True), (0.7, True)], [0.1, 0.3])
    b = _outcomes([(0.45, True), (0.6, True)], [0.2, 0.25, 0.3])
    c = _outcomes([(0.6, True), (0.58, True), (0.9, True)], [0.5, 0.52])

    chosen = {name: (threshold, result) for name, threshold, result in
              leave_one_out({"a": a, "b": b, "c": c})}

    threshold, result = chosen["c"]
    assert 0.3 < threshold <= 0.4
    assert result.declined_unanswerable == 0.0  # c's unanswerable 0.5s pass a's and b's gate
    assert result.cited_right == 1.0
    # With c among the others, c's clean cut (0.52-0.58) costs a or b fewer answers than
    # their own cut would cost c unanswerable questions: a and b are scored behind it.
    for name, cited in (("a", 1 / 3), ("b", 0.5)):
        threshold, result = chosen[name]
        assert 0.52 < threshold <= 0.58, name
        assert result.cited_right == pytest.approx(cited), name
        assert result.declined_unanswerable == 1.0, name


def test_gate_auc_is_the_share_of_right_answers_scored_above_unanswerable_questions() -> None:
    # Right first: 0.5, 0.3, 0.6 (0.25 is wrong first and left out); unanswerable 0.1, 0.35.
    # Pairs above: 0.5 beats both, 0.3 beats 0.1 only, 0.6 beats both: 5 of 6.
    result = _outcomes([(0.5, True), (0.3, True), (0.25, False), (0.6, True)], [0.1, 0.35])
    assert gate_auc(result) == pytest.approx(5 / 6)
    # A tie counts half; a perfect cut is 1, a reversed one 0.
    assert gate_auc(_outcomes([(0.4, True)], [0.4, 0.2])) == pytest.approx(0.75)
    assert gate_auc(_outcomes([(0.9, True), (0.8, True)], [0.1])) == 1.0
    assert gate_auc(_outcomes([(0.1, True)], [0.9])) == 0.0
    # Nothing to compare: no unanswerable question, or no right first passage.
    assert gate_auc(_outcomes([(0.9, True)], [])) is None
    assert gate_auc(_outcomes([(0.9, False)], [0.2])) is None
