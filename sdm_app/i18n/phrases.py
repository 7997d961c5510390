"""Sentences built from numbers, shared by the screen and the printed plan.

Each goes through the catalogs (plural forms included) and Babel's formatting, so
"7 of 100 people ... over 10 years" reads right in every language.
"""

from __future__ import annotations

from decimal import Decimal

from sdm_app.domain.aid import CostPeriod, CostTier, TimeUnit
from sdm_app.domain.visit import Importance
from sdm_app.domain.who import Who
from sdm_app.i18n import N_, Translator

WHO_LABELS = {
    Who.patient: N_("You"),
    Who.clinician: N_("Your clinician"),
    Who.clinic: N_("The clinic"),
    Who.pharmacy: N_("The pharmacy"),
    Who.other: N_("Someone else"),
}

IMPORTANCE_LABELS = {
    Importance.not_important: N_("Not important"),
    Importance.a_little: N_("A little important"),
    Importance.somewhat: N_("Somewhat important"),
    Importance.very: N_("Very important"),
}


def time_frame(tr: Translator, amount: int, unit: TimeUnit) -> str:
    """ "10 years", "6 months", with the language's plural forms."""
    forms = {
        TimeUnit.day: tr.ngettext("{n} day", "{n} days", amount),
        TimeUnit.week: tr.ngettext("{n} week", "{n} weeks", amount),
        TimeUnit.month: tr.ngettext("{n} month", "{n} months", amount),
        TimeUnit.year: tr.ngettext("{n} year", "{n} years", amount),
    }
    return forms[unit].format(n=tr.format_number(amount))


def outcome_words(
    tr: Translator, events: int, per: int, amount: int, unit: TimeUnit, event: str
) -> str:
    """ "7 of 100 people have a heart attack or stroke over 10 years"."""
    return tr.ngettext(
        "{events} of {per} person {event} over {over}",
        "{events} of {per} people {event} over {over}",
        per,
    ).format(
        events=tr.format_number(events),
        per=tr.format_number(per),
        event=event,
        over=time_frame(tr, amount, unit),
    )


def period_words(tr: Translator, period: CostPeriod) -> str:
    """ "per month", "one time"..."""
    _ = tr.gettext
    return {
        CostPeriod.month: _("per month"),
        CostPeriod.year: _("per year"),
        CostPeriod.one_time: _("one time"),
        CostPeriod.visit: _("per visit"),
    }[period]


def cost_words(
    tr: Translator,
    low: Decimal | None,
    high: Decimal | None,
    currency: str,
    period: CostPeriod,
    tier: CostTier | None,
) -> str:
    """ "$4 to $10 per month", or the tier in words when there is no sourced range."""
    _ = tr.gettext
    when = period_words(tr, period)
    if low is not None and high is not None:
        if low == high:
            amount = tr.format_money(low, currency)
        else:
            amount = _("{low} to {high}").format(
                low=tr.format_money(low, currency), high=tr.format_money(high, currency)
            )
        return _("{amount} {period}").format(amount=amount, period=when)
    tiers = {
        CostTier.low: _("Usually low cost"),
        CostTier.medium: _("Medium cost"),
        CostTier.high: _("Usually high cost"),
    }
    return tr.aside(tiers[tier], when) if tier else when
