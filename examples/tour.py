# ---
# jupyter:
#   kernelspec: {display_name: Python 3, language: python, name: python3}
#   # A notebook cell displays its last expression, which ruff would call useless in a script:
#   # ruff: noqa: B018
# ---

# %% [markdown]
# # A tour of esgclaims: JD.com's 2020 ESG claims
#
# An article on JD.com's 2020 ESG report says *"as of Sept. 30, 2020, JD had helped 110 impoverished counties"*.
# In a spreadsheet that becomes `110`. esgclaims keeps who said it, the qualifier, the unit, the period and the
# sentence, so claims can be compared without guessing.
#
# This notebook is built from `examples/tour.py` with jupytext: edit that file, then run
# `jupytext --to ipynb examples/tour.py`.

# %% [markdown]
# ## The claims
#
# The JD 2020 dataset ships with the package: 17 claims from one article. A set of claims displays as a table.
# Hover a metric to see the claim's id; open *quote* to read the sentence it came from.

# %% tags=["claimset"]
import textwrap

import attrs

import esgclaims

claims = esgclaims.load_dataset("jd-2020")
claims

# %% [markdown]
# ## One claim
#
# Look a claim up by its id. It displays as one row, captioned with the whole claim as a sentence.

# %% tags=["claim"]
sales = claims["jd-2020/poverty-alleviation-sales"]
sales

# %% [markdown]
# Every claim keeps the verbatim quote, where it sits in the source text, and the source itself.

# %% tags=["quote"]
print(sales.citation.quote)
print(f"characters {sales.citation.span[0]}–{sales.citation.span[1]} of {sales.source}")

# %% [markdown]
# ## Qualifiers are intervals
#
# "More than", "around" and "tens of thousands" are not decoration: each becomes the interval of values the
# sentence allows. `(` and `)` are open ends, `[` and `]` closed ones; ∞ means no upper bound was stated.
# "Around" allows ±10 % unless the claim says otherwise.

# %%
for claim in claims:
    if claim.value is not None and claim.value.qualifier is not esgclaims.Qualifier.EXACT:
        print(f"{claim.value!s:32} allows {claim.value.interval}")

# %% [markdown]
# The same applies to text you parse yourself:

# %%
print(esgclaims.parse_value("around RMB 200 million yuan").interval)
print(esgclaims.parse_value("less than 5% of revenue").interval)

# %% [markdown]
# ## Filtering and grouping
#
# Filter by subject, program, metric or period. Here, JD Foundation's claims about 2020:

# %% tags=["filtered"]
claims.filter(subject="jd-foundation", period=esgclaims.CalendarYear(2020))

# %% [markdown]
# Or group them. Jingxi, JD's social e-commerce platform, states its results in its own name, so its claims are
# not counted as JD.com's.

# %%
for group in claims.group_by("subject").values():
    with_figure = sum(1 for claim in group if claim.value is not None)
    print(f"{group[0].subject.name:14} {len(group):2} claims, {with_figure} with a figure")

# %% [markdown]
# ## Comparing two claims
#
# JD Foundation raised RMB 19.77 million online in 2020 and donated *around* RMB 200 million. `compare` answers
# with intervals that follow from both qualifiers, and lists every way the two claims do not line up.

# %% tags=["comparison"]
online = claims["jd-2020/online-donations-raised"]
donated = claims["jd-2020/jd-foundation-donations"]
esgclaims.compare(online, donated)

# %% [markdown]
# ## Derived figures
#
# RMB 100 billion of sales over *more than* 1 million households is *less than* RMB 100,000 per household, not
# "RMB 100,000": the qualifier carries through. A derived figure reads as a sentence that names its inputs and
# what to bear in mind; `show` prints long sentences wrapped.


# %% tags=["ratio"]
def show(text: object) -> None:
    """Print a long sentence wrapped to 100 characters."""
    print(textwrap.fill(str(text), width=100, subsequent_indent="    ", break_on_hyphens=False))


households = claims["jd-2020/impoverished-households-income-increased"]
show(esgclaims.ratio(sales, households))

# %% [markdown]
# What share of the foundation's donations was raised online? *Around* RMB 200 million makes the answer a range,
# and the note says what the article does not: that the online donations are part of the RMB 200 million.

# %% tags=["share"]
show(esgclaims.share_of(online, donated))

# %% [markdown]
# ## Currencies
#
# RMB and US dollars never mix silently: converting takes an explicit rate that names its period and source.
# `reference_rates()` ships the Federal Reserve's annual averages. The foundation's donations are a flow over
# 2020, so the 2020 average fits:

# %% tags=["currency"]
rate = esgclaims.reference_rates().get("CNY", "USD", 2020)
show(esgclaims.convert(donated, "USD", rate))

# %% [markdown]
# The RMB 100 billion of sales is a total as of 30 Sept 2020. It needs that day's spot rate, so the annual average
# is refused:

# %%
try:
    esgclaims.convert(sales, "USD", rate)
except esgclaims.RateMismatchError as error:
    show(error)

# %% [markdown]
# ## Consistency between sources
#
# `check()` tests claims about one subject and metric from different sources or dates against each other. Below,
# two claims from an invented second source sit next to JD's "110 counties as of 30 Sept 2020": 100 counties as
# of 30 June 2020 (a cumulative total may grow: consistent) and 105 counties as of 31 Dec 2020 (it cannot fall:
# inconsistent). `attrs.evolve` makes the new claims and re-runs every validator.

# %% tags=["check"]
counties = claims["jd-2020/impoverished-counties-helped"]
other_source = esgclaims.Source("interim-update", "An interim update (invented for this tour)", "Example publisher")


def restated(claim_id: str, figure: str, as_of: str) -> esgclaims.Claim:
    """The counties claim as the invented source states it."""
    quote = f"{as_of}, JD had helped {figure} impoverished counties"
    return attrs.evolve(
        counties,
        id=claim_id,
        value=esgclaims.parse_value(f"{figure} counties"),
        period=esgclaims.parse_period(as_of),
        citation=esgclaims.Citation(other_source, quote, (0, len(quote))),
    )


june = restated("interim/counties-june", "100", "as of 30 June 2020")
december = restated("interim/counties-december", "105", "as of 31 Dec 2020")
for finding in esgclaims.ClaimSet([june, counties, december]).check():
    show(f"{finding.status.value.upper()}: {finding.reason}")
    print()

# %% [markdown]
# ## Into pandas
#
# `to_dataframe()` gives one row per claim, indexed by id (it needs `pip install 'esgclaims[pandas]'`). Figures
# stay exact `Decimal`s; `high` is `None` where no upper bound is stated. Here, the claims that state a figure:

# %% tags=["dataframe"]
frame = claims.to_dataframe()
frame.loc[frame["reported"].notna(), ["subject", "metric", "qualifier", "reported", "low", "high", "unit_words"]]

# %% [markdown]
# ## The chart
#
# `plot()` draws each claim's interval, one panel per unit, on a log scale where a panel spans orders of magnitude
# (it needs `pip install 'esgclaims[plot]'`). Filled circles are closed ends and hollow circles open ones; an arrow
# runs on where no upper bound is stated; dashes mean "around" and hatching an order of magnitude; the black
# diamond is the figure as reported. Qualitative claims have no interval and are left out. `%matplotlib inline`
# lets the notebook show the figure.

# %% tags=["chart"]
# %matplotlib inline
claims.plot()
