"""The fit calculation: transparent, per option, never a ranking."""

from __future__ import annotations

from sdm_app.content.loader import load_aid
from sdm_app.domain.aid import DecisionAid, FitLevel
from sdm_app.domain.fit import option_fits
from sdm_app.domain.visit import Importance
from tests.conftest import GOOD_AID


def aid() -> DecisionAid:
    loaded = load_aid(GOOD_AID)
    assert loaded.aid is not None
    return loaded.aid


def test_nothing_rated_means_no_share() -> None:
    fits = option_fits(aid(), {})
    assert [f.option_id for f in fits] == ["pill", "wait"]
    assert all(f.points == 0 and f.possible == 0 and f.share is None for f in fits)


def test_weighted_sum_with_every_term_shown() -> None:
    # avoid-sickness: pill well (2), wait partly (1); avoid-pills: pill poorly (0), wait well (2)
    ratings = {"avoid-sickness": Importance.very, "avoid-pills": Importance.somewhat}
    pill, wait = option_fits(aid(), ratings)
    assert (pill.points, pill.possible) == (2 * 3 + 0 * 2, 2 * 3 + 2 * 2)
    assert (wait.points, wait.possible) == (1 * 3 + 2 * 2, 10)
    assert [(t.prompt_id, t.level, t.points) for t in pill.terms] == [
        ("avoid-sickness", FitLevel.well, 6),
        ("avoid-pills", FitLevel.poorly, 0),
    ]
    assert pill.matches_well == ["avoid-sickness"] and pill.matches_poorly == ["avoid-pills"]
    assert wait.matches_well == ["avoid-pills"]


def test_not_important_adds_nothing() -> None:
    ratings = {"avoid-sickness": Importance.not_important, "avoid-pills": Importance.a_little}
    pill, wait = option_fits(aid(), ratings)
    assert (pill.points, pill.possible) == (0, 2)
    assert (wait.points, wait.possible) == (2, 2)
    assert pill.matches_poorly == []  # only "somewhat" or "very" count as what matters


def test_order_follows_the_aid_not_the_score() -> None:
    ratings = {"avoid-pills": Importance.very}
    fits = option_fits(aid(), ratings)
    assert [f.option_id for f in fits] == ["pill", "wait"]
    assert fits[0].points < fits[1].points


def test_unknown_prompt_ids_are_ignored() -> None:
    fits = option_fits(aid(), {"not-a-prompt": Importance.very})
    assert all(f.possible == 0 for f in fits)
