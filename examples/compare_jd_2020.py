"""Every comparison question of the JD 2020 claims, answered with its uncertainty.

Run it with ``python examples/compare_jd_2020.py``. Each answer is an interval that
follows from both claims' qualifiers ("more than", "around", "tens of thousands"),
printed as a sentence; a table of the claims used comes first.
"""

from __future__ import annotations

import textwrap
import warnings

import attrs

import esgclaims
from esgclaims import CalendarYear, Claim, ClaimSet, Comparison, HalfYear, ReportedValue, Source, compare

CLAIMS = esgclaims.load_dataset("jd-2020")


def claim(short_id: str) -> Claim:
    return CLAIMS[f"jd-2020/{short_id}"]


def say(text: str, indent: str = "  ") -> None:
    """Print one answer, wrapped to the width of a terminal."""
    wrapped = textwrap.fill(
        text, width=100, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False
    )
    print(wrapped)


def table(claims: list[Claim]) -> str:
    """Subject, metric, value as stated, the interval it allows, and the period, in aligned columns."""
    header = ("subject", "metric", "value", "interval", "period")
    rows = [header]
    for item in claims:
        if item.value is None:
            continue
        period = f"{item.metric.temporal.value}, {item.period}"
        rows.append((item.subject.name, item.metric.name, str(item.value), str(item.value.interval), period))
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("─" * width for width in widths))
    return "\n".join(lines)


def side_by_side(title: str, result: Comparison) -> None:
    """Whether two figures can be set side by side, and every way they do not line up."""
    kind = "yes" if result.comparable else "no"
    say(f"{title}: period relation {result.period_relation.value}; the same kind of quantity: {kind}.")
    for reason in result.reasons:
        say(f"- {reason}", indent="    ")


def in_us_dollars() -> None:
    try:
        from esgclaims import convert, reference_rates  # noqa: PLC0415 - added by the currency work
    except ImportError:
        say("currency conversion: see docs/currencies.md")
        return
    sales = claim("poverty-alleviation-sales")
    rate = reference_rates().get("CNY", "USD", 2020)
    try:
        convert(sales, "USD", rate)
    except esgclaims.EsgClaimsError as error:
        say(f"Refused at the annual average: {error}.")
    with warnings.catch_warnings(record=True):  # the caveat is printed below
        warnings.simplefilter("always")
        anyway = convert(sales, "USD", rate, strict=False)
    say(f"With strict=False: {anyway}.")


PRESS = Source("jd-press-2020", "Press release on JD's poverty alleviation (constructed for this example)", "JD.com")
REPORT_2019 = Source("jd-esg-2019", "JD 2019 ESG report (constructed for this example)", "JD.com")


def restated(original: Claim, claim_id: str, value: ReportedValue, period: esgclaims.Period, source: Source) -> Claim:
    """The claim as another document states it."""
    citation = attrs.evolve(original.citation, source=source)
    return attrs.evolve(original, id=claim_id, value=value, period=period, citation=citation)


def press_release() -> ClaimSet:
    """A second source: the same sales over 100 billion, counties at an earlier date, first-half donations."""
    sales, counties = claim("poverty-alleviation-sales"), claim("impoverished-counties-helped")
    donations = claim("jd-foundation-donations")
    return ClaimSet(
        [
            restated(
                sales,
                "press/sales",
                ReportedValue.of("100000000000", "CNY", "more_than", precision="1000000000"),
                sales.period,
                PRESS,
            ),
            restated(
                counties,
                "press/counties-june",
                ReportedValue.of("100", "county", precision="1"),
                esgclaims.AsOf(esgclaims.PartialDate(2020, 6, 30)),
                PRESS,
            ),
            restated(
                donations,
                "press/donations-h1",
                ReportedValue.of("250000000", "CNY", precision="1000000"),
                HalfYear(2020, 1),
                PRESS,
            ),
        ]
    )


def report_2019() -> ClaimSet:
    """The previous year's report, with the foundation's two donation figures."""
    donations, online = claim("jd-foundation-donations"), claim("online-donations-raised")
    return ClaimSet(
        [
            restated(
                donations,
                "jd-2019/jd-foundation-donations",
                ReportedValue.of("150000000", "CNY", "approximately"),
                CalendarYear(2019),
                REPORT_2019,
            ),
            restated(
                online,
                "jd-2019/online-donations-raised",
                ReportedValue.of("12340000", "CNY", precision="10000"),
                CalendarYear(2019),
                REPORT_2019,
            ),
        ]
    )


def main() -> None:
    used = [
        claim(name)
        for name in (
            "poverty-alleviation-sales",
            "impoverished-households-income-increased",
            "local-commodities-online",
            "jingxi-local-specialties-sold",
            "jingxi-farms-helped",
            "jd-foundation-donations",
            "online-donations-raised",
            "charitable-items-collected",
            "donation-participants",
            "clothing-items-recycled",
            "clothing-donation-cities",
        )
    ]
    print("The JD 2020 claims these answers use (interval: every value the statement allows):\n")
    print(table(used))

    print("\nRMB 100 billion of sales and more than 1 million households: how much per household?")
    per_household = esgclaims.ratio(
        claim("poverty-alleviation-sales"), claim("impoverished-households-income-increased")
    )
    say(str(per_household))
    say(f"The interval is {per_household.interval}: “more than” in the denominator makes it an upper bound.")

    print("\nWhat share of roughly RMB 200 million of donations did the RMB 19.77 million raised online amount to?")
    share = esgclaims.share_of(claim("online-donations-raised"), claim("jd-foundation-donations"))
    say(str(share))
    rounded = esgclaims.share_of(claim("online-donations-raised"), claim("jd-foundation-donations"), rounding=True)
    say(f"“Roughly” is read as ±10 %; with each figure's rounding as well: {rounded.words}.")

    print("\nHow many charitable items per participant?")
    say(str(esgclaims.ratio(claim("charitable-items-collected"), claim("donation-participants"))))

    print("\nHow many pieces of clothing per city?")
    say(str(esgclaims.ratio(claim("clothing-items-recycled"), claim("clothing-donation-cities"))))

    print("\nCan the Jingxi figures be set beside the e-commerce figures or the 2020 donations?")
    side_by_side(
        "Jingxi's specialties sold beside the e-commerce commodities put online",
        compare(claim("jingxi-local-specialties-sold"), claim("local-commodities-online")),
    )
    side_by_side(
        "Jingxi's specialties sold beside the foundation's 2020 charitable items",
        compare(claim("jingxi-local-specialties-sold"), claim("charitable-items-collected")),
    )
    side_by_side(
        "Jingxi's farms beside the 2020 donations",
        compare(claim("jingxi-farms-helped"), claim("jd-foundation-donations")),
    )
    yearly = esgclaims.annualise(claim("jingxi-local-specialties-sold"))
    say(f"Jingxi's specialties sold, as a yearly average: {yearly}.")

    print("\nWhat is RMB 100 billion in US dollars, at which rate, from which source?")
    in_us_dollars()

    print("\nDoes a press release agree with the article? (a constructed second source)")
    for finding in (CLAIMS + press_release()).check():
        say(f"{finding.status.value.upper()}: {finding.reason}")

    print("\nHow did the foundation's figures change from 2019 to 2020? (a constructed 2019 report)")
    for pair in report_2019().compare(CLAIMS).pairs:
        say(f"{pair.left.metric.name}: {pair.change_words} ({pair.left.value} in 2019, {pair.right.value} in 2020).")


if __name__ == "__main__":
    main()
