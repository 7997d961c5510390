"""``sdm new-aid ID``: a commented starting file that validates as written."""

from __future__ import annotations

import datetime as dt

TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# A decision aid for sdm-app. Every field is explained in docs/aid-reference.md and the
# walkthrough is docs/authoring.md. Check your work as you go:
#   uv run sdm validate {file}     # the format (FILE:LINE:COL errors)
#   uv run sdm lint {file}         # quality: IPDAS, plain language, translations
#   uv run sdm-app --preview {file}   # see it as the patient will, live
#
# Rules that protect patients:
#  * Every number (events per 100 people, cost ranges) cites a source in evidence.sources.
#    Never invent a number; where none can be sourced, write words and say so in `uncertainty`.
#  * Never call an option "best". Describe benefits and harms of every option in equal detail.
#  * Plain language: short sentences, everyday words, grade 8 or lower.

format: 1
id: {id}
version: "0.1"
default_language: en
languages: [en]          # add a code here (es, zh, vi, ...) once every text has that language

title: Replace with the decision, in a few words
question: Replace with the question the patient is deciding, in their words?
condition: Replace with the health problem, in two or three plain sentences.
audience: Replace with who this aid is for (age, condition, what they already tried).
why_a_choice: >-
  Replace with why more than one option is reasonable and why what matters to the patient
  is part of the choice.

options:                 # two or more; include "no change" or watchful waiting where reasonable
  - id: option-a
    name: Replace with the first option
    summary: Replace with one or two sentences on what this option is.
    daily_life: Replace with what it involves day to day.
    cost:
      period: month      # month, year, one_time or visit
      tier: low          # low, medium or high; or a sourced range: low: 4, high: 10, source: an-id
    next_steps:          # pre-fill the plan when this option is chosen
      - what: Replace with the first thing to do.
        who: patient     # patient, clinician, clinic, pharmacy or other
        after_days: 7
  - id: no-change
    name: No change for now
    summary: Keep things as they are and look again later.
    daily_life: Nothing new day to day.
    no_change: true
    next_steps:
      - what: Come back to talk about it again.
        who: clinic
        after_days: 90

rows:                    # the questions patients ask; a cell for every option
  - id: benefit
    question: What good can it do?
    kind: benefit        # benefit, harm, practical or cost
    cells:
      option-a: {{text: Replace with the main benefit in plain words.}}
      no-change: {{text: Replace with what happens without a change.}}
    # A quantified cell (use the same `per` and `over` for every option in the row):
    #   option-a:
    #     outcome: {{events: 7, per: 100, over: {{amount: 10, unit: year}}, source: an-id}}
    # and give the row `event:` (what is counted) and `population:` (who the numbers are about).
  - id: harm
    question: What are the downsides?
    kind: harm
    cells:
      option-a: {{text: Replace with the main harms or side effects.}}
      no-change: {{text: Replace with the downsides of not changing.}}

cost_resources:          # concrete help when cost is a worry
  - title: Ask about a lower-cost alternative
    description: A generic or another option may cost less.

concerns:                # barriers the patient may raise, with questions and help
  - id: cost
    kind: cost           # cost, side_effects, fear, transport, time_off_work, language,
                         # understanding, past_experiences or other
    label: I am worried about the cost
    questions:
      - What will I pay each month?
    resources:
      - title: Talk to the clinic's financial counsellor

values:                  # "what matters to you", and how each option does on it
  - id: avoid-harms
    prompt: How much does it matter to you to avoid side effects?
    row: harm
    fit: {{option-a: partly, no-change: well}}   # well, partly or poorly, for every option

evidence:
  sources:
    - id: an-id
      citation: Replace with authors, title, journal or publisher.
      year: {year}
  authors: [Replace with the authors' names]
  conflicts_of_interest: Replace with the authors' conflicts of interest, or "None".
  funding: Replace with who paid for this work, or "None".
  produced: {today}
  last_reviewed: {today}
  next_review: {next_year}
  review_status: draft   # draft, in_review, reviewed or retired
  update_policy: Reviewed at least once a year and when important new evidence appears.
  uncertainty: Replace with what is uncertain about the numbers, in plain words.
  translations:
    en: {{status: source}}
"""


def scaffold(aid_id: str, file_name: str, schema: str, today: dt.date | None = None) -> str:
    """The starting file for a new aid."""
    today = today or dt.date.today()
    return TEMPLATE.format(
        id=aid_id,
        file=file_name,
        schema=schema,
        year=today.year,
        today=today.isoformat(),
        next_year=(today + dt.timedelta(days=365)).isoformat(),
    )
