"""One-to-one matching of predicted to gold events on constructed cases."""

from __future__ import annotations

from conflictlens.evaluate.matching import MIN_MATCH_SCORE, match_events, pair_score

from evaluate_helpers import KHERSON, gold_event, north_of, pred_event

ODESA = (46.4825, 30.7233)


def test_pairs_follow_place_not_order() -> None:
    gold = [gold_event("kherson"), gold_event("odesa", lat=ODESA[0], lon=ODESA[1], admin1="Odesa")]
    preds = [pred_event(name="o", lat=ODESA[0], lon=ODESA[1]), pred_event(name="k")]
    matches = match_events(gold, preds)
    assert [(m.gold, m.pred) for m in matches] == [(0, 1), (1, 0)]
    assert matches[0].score == 3.0


def test_one_prediction_matches_one_gold_event_only() -> None:
    gold = [gold_event("a"), gold_event("b")]
    matches = match_events(gold, [pred_event()])
    assert len(matches) == 1


def test_incompatible_pair_is_not_matched() -> None:
    g = gold_event()
    far_wrong = pred_event(sub="Armed clash", etype="Battles", day="2023-06-01", lat=ODESA[0] + 3, lon=ODESA[1])
    assert pair_score(g, far_wrong) < MIN_MATCH_SCORE
    assert match_events([g], [far_wrong]) == []
    # the right type alone is enough
    assert match_events([g], [pred_event(day="2023-06-01", lat=None, lon=None)])


def test_assignment_is_optimal_where_greedy_is_not() -> None:
    # g0 fits p0 perfectly and p1 well; g1 fits only p0.  Greedy (best pair first) gives p0 to g0 and leaves g1
    # unmatched; the assignment maximising the total score matches both.
    g0 = gold_event("g0")
    g1 = gold_event("g1", sub="Armed clash", etype="Battles", lat=ODESA[0], lon=ODESA[1])
    p0 = pred_event(name="p0")
    p1 = pred_event(name="p1", lat=north_of(KHERSON[0], 10), day="2024-01-02")
    assert pair_score(g0, p0) == 3.0 and pair_score(g1, p0) == MIN_MATCH_SCORE
    assert pair_score(g1, p1) < MIN_MATCH_SCORE
    matches = match_events([g0, g1], [p0, p1])
    assert [(m.gold, m.pred) for m in matches] == [(0, 1), (1, 0)]


def test_required_gold_wins_a_tie_over_optional() -> None:
    optional = gold_event("opt", required=False)
    required = gold_event("req")
    matches = match_events([optional, required], [pred_event()])
    assert [m.gold for m in matches] == [1]


def test_date_within_one_day_and_unknown_gold_date() -> None:
    g = gold_event()
    assert pair_score(g, pred_event(day="2024-01-02")) == 2.5
    assert pair_score(gold_event(day=None), pred_event()) == 2.5
    assert pair_score(g, pred_event(day=None)) == 2.0
