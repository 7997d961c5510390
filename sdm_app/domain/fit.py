"""How the options fit what matters to the patient: a transparent sum, never a verdict.

The calculation, in the words the app shows:

    For each thing you rated, we look at how well each option does on it:
    well = 2 points, partly = 1 point, poorly = 0 points.
    We multiply those points by how much it matters to you:
    not important = 0, a little = 1, somewhat = 2, very = 3.
    We add these up for each option, and show the total out of the most it could be.

Only prompts the patient rated count. Things rated "not important" add nothing to
any option. The result is shown per option with every line of the sum, in the
aid's option order; it is never sorted into a ranking or called a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass

from sdm_app.domain.aid import DecisionAid, FitLevel
from sdm_app.domain.visit import Importance

FIT_POINTS: dict[FitLevel, int] = {FitLevel.well: 2, FitLevel.partly: 1, FitLevel.poorly: 0}
MAX_FIT_POINTS = max(FIT_POINTS.values())


@dataclass(frozen=True)
class FitTerm:
    """One line of the sum: a prompt, how the option does on it, and how much it matters."""

    prompt_id: str
    level: FitLevel
    importance: Importance

    @property
    def points(self) -> int:
        """Fit points times importance."""
        return FIT_POINTS[self.level] * int(self.importance)

    @property
    def possible(self) -> int:
        """The most this line could add."""
        return MAX_FIT_POINTS * int(self.importance)


@dataclass(frozen=True)
class OptionFit:
    """How one option fits the patient's ratings, with the whole calculation."""

    option_id: str
    terms: tuple[FitTerm, ...]

    @property
    def points(self) -> int:
        """The total."""
        return sum(t.points for t in self.terms)

    @property
    def possible(self) -> int:
        """The most the total could be."""
        return sum(t.possible for t in self.terms)

    @property
    def share(self) -> float | None:
        """Points as a share of possible (0..1); None when nothing rated matters yet."""
        return self.points / self.possible if self.possible else None

    @property
    def matches_well(self) -> list[str]:
        """Prompts rated somewhat or very important where this option does well."""
        return [
            t.prompt_id
            for t in self.terms
            if t.level is FitLevel.well and t.importance >= Importance.somewhat
        ]

    @property
    def matches_poorly(self) -> list[str]:
        """Prompts rated somewhat or very important where this option does poorly."""
        return [
            t.prompt_id
            for t in self.terms
            if t.level is FitLevel.poorly and t.importance >= Importance.somewhat
        ]


def option_fits(aid: DecisionAid, ratings: dict[str, Importance]) -> list[OptionFit]:
    """The fit of every option, in the aid's option order (never ranked)."""
    results = []
    for option in aid.options:
        terms = tuple(
            FitTerm(prompt.id, prompt.fit[option.id], ratings[prompt.id])
            for prompt in aid.values
            if prompt.id in ratings
        )
        results.append(OptionFit(option.id, terms))
    return results
