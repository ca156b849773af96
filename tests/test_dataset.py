"""The JD 2020 dataset against the article it was built from: quotes, spans, every number, every claim."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

import esgclaims
from esgclaims import (
    AsOf,
    ClaimSet,
    Modality,
    OrganizationKind,
    PartialDate,
    Period,
    Qualifier,
    QuantityKind,
    ReportedValue,
    Span,
    UnknownPeriod,
    parse_date,
    parse_period,
    parse_unit,
)

# The article is not shipped: it lives in shared/seeds beside the repository (tests/ -> repo -> its parent).
_REPOSITORY = Path(__file__).resolve().parents[1]
ARTICLE = _REPOSITORY.parent / "shared" / "seeds" / "jd-2020-esg-article.txt"


@pytest.fixture(scope="module")
def article() -> str:
    """The article text, read as the dataset's spans count it (characters of the UTF-8 text)."""
    if not ARTICLE.is_file():
        pytest.skip(f"the JD 2020 article is not at {ARTICLE}; it lives in shared/seeds beside the repository")
    with ARTICLE.open(encoding="utf-8") as stream:
        return stream.read()


@pytest.fixture(scope="module")
def claims() -> ClaimSet:
    return esgclaims.load_dataset("jd-2020")


# -- the text ------------------------------------------------------------------------------------


def test_the_article_is_the_text_the_source_names(claims: ClaimSet, article: str) -> None:
    (source,) = {claim.source for claim in claims}
    assert source.sha256 == hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    assert hashlib.sha256(article.encode("utf-8")).hexdigest() == source.sha256


def test_every_quote_is_the_article_text_at_its_span(claims: ClaimSet, article: str) -> None:
    for claim in claims:
        assert claim.citation.span is not None, claim.id
        start, end = claim.citation.span
        assert article[start:end] == claim.citation.quote, claim.id
        assert claim.citation.verify(article), claim.id


def test_every_quote_occurs_in_the_article(claims: ClaimSet, article: str) -> None:
    for claim in claims:
        assert claim.citation.quote in article, claim.id


# -- every number of the article is accounted for ----------------------------------------------

# fmt: off
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "hundred": 100, "dozen": 12}
# fmt: on
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_MAGNITUDES = {"tens": 10, "hundreds": 100}
_SCALE = "|".join(_SCALES)
_FIGURE = re.compile(
    # tens of thousands
    rf"\b(?P<magnitude>{'|'.join(_MAGNITUDES)}) of (?P<of>thousands|millions|billions)\b"
    # 47,300 or 19.77 million or 80%
    rf"|(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:(?P<percent>%)|\s+(?P<scale>{_SCALE})\b)?"
    # one million
    rf"|\b(?P<word>{'|'.join(_WORDS)})\b(?:\s+(?P<word_scale>{_SCALE})\b)?",
    re.IGNORECASE,
)
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBREVIATIONS = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_PERIOD_PHRASE = re.compile(
    rf"\b(?:(?:{_MONTH_NAMES})|(?:{_MONTH_ABBREVIATIONS})\.)\s+(?:\d{{1,2}},\s+)?\d{{4}}\b|\bIn \d{{4}}\b"
)

#: Numbers of the article that are no claim's figure or period, each with the reason.
NOT_CLAIMS = {
    "JD.com’s 2020 ESG report": "the report's name: '2020 ESG report' names the report, it is no figure or period",  # noqa: RUF001 - the article's apostrophe
}


@dataclass(frozen=True)
class _Figure:
    text: str
    start: int
    end: int
    low: Decimal
    high: Decimal | None
    percent: bool


def _figures(text: str) -> list[_Figure]:
    """Every number of ``text``: digits (with , and .), number words, and "tens of thousands"."""
    figures = []
    for match in _FIGURE.finditer(text):
        high = None
        if match["magnitude"]:
            low = Decimal(_MAGNITUDES[match["magnitude"].lower()] * _SCALES[match["of"].lower().rstrip("s")])
            high = low * 10
        elif match["digits"]:
            low = Decimal(match["digits"].replace(",", "")) * _SCALES.get((match["scale"] or "").lower(), 1)
        else:
            low = Decimal(_WORDS[match["word"].lower()] * _SCALES.get((match["word_scale"] or "").lower(), 1))
        figures.append(_Figure(match.group(), match.start(), match.end(), low, high, bool(match["percent"])))
    return figures


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _represents(period: Period, phrase: str) -> bool:
    """Whether ``period`` is the period the phrase ("Sept. 30, 2020", "In 2020") states."""
    if phrase.startswith("In "):
        return period == parse_period(phrase)
    date = parse_date(phrase)
    if isinstance(period, AsOf):
        return date in (period.date, period.since)
    if isinstance(period, Span):
        return date in (period.first, period.last)
    return False


def _states(value: ReportedValue, figure: _Figure) -> bool:
    """Whether ``value`` is the figure: same amount (and upper end), a percent only for a percent."""
    upper = None if value.upper is None else value.upper.magnitude
    is_percent = value.units == parse_unit("percent")
    return value.reported.magnitude == figure.low and upper == figure.high and is_percent == figure.percent


def unaccounted(article: str, claims: ClaimSet) -> list[str]:
    """The numbers of ``article`` that no claim of ``claims`` (and no NOT_CLAIMS entry) accounts for.

    A number is accounted for when it lies in a period phrase that a claim quoting it
    has as its period, or in the quote of a claim whose value it is.
    """
    excused = [match.span() for phrase in NOT_CLAIMS for match in re.finditer(re.escape(phrase), article)]
    excused += [
        match.span()
        for match in _PERIOD_PHRASE.finditer(article)
        if any(
            _within(match.span(), claim.citation.span or (0, 0)) and _represents(claim.period, match.group())
            for claim in claims
        )
    ]
    missing = []
    for figure in _figures(article):
        span = (figure.start, figure.end)
        if any(_within(span, excused_span) for excused_span in excused):
            continue
        if any(
            claim.value is not None and _within(span, claim.citation.span or (0, 0)) and _states(claim.value, figure)
            for claim in claims
        ):
            continue
        missing.append(figure.text)
    return missing


def test_the_tokeniser_reads_every_number_form_of_the_article() -> None:
    text = (
        "on Sept. 30, 2020 helped 110 counties, 47,300 pieces, 80%, RMB 19.77 million, one million, tens of thousands"
    )
    assert [(f.text, f.low, f.high, f.percent) for f in _figures(text)] == [
        ("30", Decimal(30), None, False),
        ("2020", Decimal(2020), None, False),
        ("110", Decimal(110), None, False),
        ("47,300", Decimal(47300), None, False),
        ("80%", Decimal(80), None, True),
        ("19.77 million", Decimal(19770000), None, False),
        ("one million", Decimal(1000000), None, False),
        ("tens of thousands", Decimal(10000), Decimal(100000), False),
    ]


def test_no_digit_of_the_article_escapes_the_tokeniser(article: str) -> None:
    rest = article
    for figure in reversed(_figures(article)):
        rest = rest[: figure.start] + rest[figure.end :]
    assert re.findall(r"\d", rest) == []


def test_each_allowed_non_claim_number_occurs_once(article: str) -> None:
    for phrase in NOT_CLAIMS:
        assert article.count(phrase) == 1, phrase
        assert _figures(phrase), f"{phrase!r} holds no number: drop it from NOT_CLAIMS"


def test_every_number_in_the_article_is_accounted_for(claims: ClaimSet, article: str) -> None:
    assert unaccounted(article, claims) == []


@pytest.mark.parametrize(
    ("claim_id", "left_unaccounted"),
    [
        ("impoverished-counties-helped", ["30", "2020", "110"]),
        ("local-commodities-online", ["3 million"]),
        ("poverty-alleviation-sales", ["100 billion"]),
        ("impoverished-households-income-increased", ["1 million"]),
        ("jingxi-farms-helped", ["2019", "2021", "tens of thousands"]),
        ("jingxi-local-specialties-sold", ["one million"]),
        ("rural-frontline-employee-share", ["80%"]),
        ("clothing-items-recycled", ["47,300"]),
        ("clothing-donation-cities", ["90"]),
        ("jd-foundation-donations", ["2020", "200 million"]),
        ("online-donations-raised", ["19.77 million"]),
        ("charitable-items-collected", ["1.27 million"]),
        ("donation-participants", ["3.75 million"]),
        ("jd-foundation-founded", ["2014"]),
    ],
)
def test_deleting_a_claim_leaves_its_numbers_unaccounted(
    claims: ClaimSet, article: str, claim_id: str, left_unaccounted: list[str]
) -> None:
    without = claims.filter(lambda claim: claim.id != f"jd-2020/{claim_id}")
    assert len(without) == len(claims) - 1
    assert unaccounted(article, without) == left_unaccounted


# -- each claim, as read from the article --------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """A numeric claim as the article states it."""

    figure: str
    """The figure phrase, verbatim from the quote."""
    subject: str
    program: str | None
    metric: str
    kind: QuantityKind
    qualifier: Qualifier
    amount: str
    unit: str
    period: str
    attribution: str = "article"
    upper: str | None = None


_SALES = "ecommerce-poverty-alleviation"
_JINGXI = "jingxi-agricultural-sales"
_CLOTHES = "exchange-old-clothes-for-love"
_PLATFORM = "online-donation-platform"
_COUNT, _MONEY, _SHARE = QuantityKind.COUNT, QuantityKind.MONEY, QuantityKind.SHARE
_AS_OF = "as of 2020-09-30"
_JINGXI_SPAN = "2019-09 to 2021-02"

# fmt: off
NUMERIC: dict[str, Expected] = {
    "impoverished-counties-helped": Expected(
        "110 impoverished counties", "jd", _SALES, "impoverished-counties-helped", _COUNT, Qualifier.EXACT,
        "110", "county", _AS_OF, "report"),
    "local-commodities-online": Expected(
        "more than 3 million local commodities", "jd", _SALES, "local-commodities-online", _COUNT,
        Qualifier.MORE_THAN, "3000000", "item", _AS_OF, "report"),
    "poverty-alleviation-sales": Expected(
        "RMB 100 billion yuan", "jd", _SALES, "poverty-alleviation-sales", _MONEY, Qualifier.EXACT,
        "100000000000", "CNY", _AS_OF, "report"),
    "impoverished-households-income-increased": Expected(
        "more than 1 million impoverished households", "jd", _SALES, "impoverished-households-income-increased",
        _COUNT, Qualifier.MORE_THAN, "1000000", "household", _AS_OF, "report"),
    "jingxi-farms-helped": Expected(
        "tens of thousands of farms", "jingxi", _JINGXI, "farms-helped-to-sell", _COUNT,
        Qualifier.ORDER_OF_MAGNITUDE, "10000", "farm", _JINGXI_SPAN, upper="100000"),
    "jingxi-local-specialties-sold": Expected(
        "over one million local specialties", "jingxi", _JINGXI, "local-specialties-sold", _COUNT,
        Qualifier.MORE_THAN, "1000000", "item", _JINGXI_SPAN),
    "rural-frontline-employee-share": Expected(
        "more than 80%", "jd", None, "rural-frontline-employee-share", _SHARE, Qualifier.MORE_THAN,
        "80", "percent", "unknown"),
    "clothing-items-recycled": Expected(
        "more than 47,300 pieces of clothing", "jd-foundation", _CLOTHES, "clothing-items-recycled", _COUNT,
        Qualifier.MORE_THAN, "47300", "item", "unknown"),
    "clothing-donation-cities": Expected(
        "90 Chinese cities", "jd-foundation", _CLOTHES, "program-cities", _COUNT, Qualifier.EXACT,
        "90", "city", "unknown"),
    "jd-foundation-donations": Expected(
        "around RMB 200 million yuan", "jd-foundation", None, "charitable-donations", _MONEY,
        Qualifier.APPROXIMATELY, "200000000", "CNY", "2020"),
    "online-donations-raised": Expected(
        "RMB 19.77 million yuan", "jd-foundation", _PLATFORM, "online-donations-raised", _MONEY, Qualifier.EXACT,
        "19770000", "CNY", "2020"),
    "charitable-items-collected": Expected(
        "more than 1.27 million charitable items", "jd-foundation", _PLATFORM, "charitable-items-collected",
        _COUNT, Qualifier.MORE_THAN, "1270000", "item", "2020"),
    "donation-participants": Expected(
        "around 3.75 million people", "jd-foundation", _PLATFORM, "donation-participants", _COUNT,
        Qualifier.APPROXIMATELY, "3750000", "person", "2020"),
}
# fmt: on


@dataclass(frozen=True)
class ExpectedQualitative:
    """A claim without a value, as the article states it."""

    words: str
    """Words the quote holds."""
    subject: str
    program: str | None
    metric: str
    period: str
    attribution: str
    modality: Modality = Modality.ACHIEVEMENT


# fmt: off
QUALITATIVE: dict[str, ExpectedQualitative] = {
    "poverty-alleviation-collaboration-award": ExpectedQualitative(
        "Beijing Municipal Government awarded JD with the Poverty Alleviation Collaboration Award",
        "jd", None, "award-received", "unknown", "article"),
    "jd-foundation-founded": ExpectedQualitative(
        "created in September 2014",
        "jd-foundation", None, "organization-founded", "2014-09", "article"),
    "zhuxi-konjac-revenues": ExpectedQualitative(
        "significantly increased revenues for the farmers, according to the county",
        "jd", "zhuxi-konjac-support", "community-revenue-impact", "unknown", "Zhuxi county"),
    "rural-development-commitment": ExpectedQualitative(
        "JD will continue to promote the development of the countryside economy",
        "jd", None, "rural-development-commitment", "unknown", "Baozheng Long, vice president of JD.com",
        Modality.COMMITMENT),
}
# fmt: on


def test_the_dataset_holds_exactly_the_expected_claims(claims: ClaimSet) -> None:
    assert sorted(claims.ids) == sorted(f"jd-2020/{name}" for name in (*NUMERIC, *QUALITATIVE))


@pytest.mark.parametrize(("name", "expected"), NUMERIC.items(), ids=list(NUMERIC))
def test_a_numeric_claim_states_what_the_article_says(claims: ClaimSet, name: str, expected: Expected) -> None:
    claim = claims[f"jd-2020/{name}"]
    assert claim.subject.id == expected.subject
    assert (claim.program and claim.program.id) == expected.program
    assert claim.metric.id == expected.metric
    assert claim.metric.kind is expected.kind
    assert claim.period.iso() == expected.period
    assert claim.attribution == expected.attribution
    assert claim.modality is Modality.ACHIEVEMENT
    value = claim.value
    assert value is not None
    assert value.qualifier is expected.qualifier
    assert value.reported.magnitude == Decimal(expected.amount)
    assert str(value.reported.magnitude) == expected.amount
    assert value.units == parse_unit(expected.unit)
    assert (value.upper and str(value.upper.magnitude)) == expected.upper


@pytest.mark.parametrize(("name", "expected"), NUMERIC.items(), ids=list(NUMERIC))
def test_the_quoted_figure_parses_to_the_claim_value(claims: ClaimSet, name: str, expected: Expected) -> None:
    claim = claims[f"jd-2020/{name}"]
    assert expected.figure in claim.citation.quote
    parsed = esgclaims.parse_value(expected.figure)
    assert claim.value is not None
    assert (parsed.qualifier, parsed.reported, parsed.units) == (
        claim.value.qualifier,
        claim.value.reported,
        claim.value.units,
    )
    assert parsed == claim.value  # precision, tolerance and upper end too


@pytest.mark.parametrize(("name", "expected"), QUALITATIVE.items(), ids=list(QUALITATIVE))
def test_a_qualitative_claim_states_what_the_article_says(
    claims: ClaimSet, name: str, expected: ExpectedQualitative
) -> None:
    claim = claims[f"jd-2020/{name}"]
    assert expected.words in claim.citation.quote
    assert claim.value is None
    assert claim.metric.kind is QuantityKind.QUALITATIVE
    assert claim.subject.id == expected.subject
    assert (claim.program and claim.program.id) == expected.program
    assert claim.metric.id == expected.metric
    assert claim.period.iso() == expected.period
    assert claim.attribution == expected.attribution
    assert claim.modality is expected.modality


def test_the_foundation_was_created_in_september_2014(claims: ClaimSet) -> None:
    founded = claims["jd-2020/jd-foundation-founded"]
    assert founded.period == Span.single(PartialDate(2014, 9))
    assert founded.subject.name == "JD Foundation"


def test_the_award_has_no_stated_date(claims: ClaimSet) -> None:
    # "last month" is relative to the report's release, which the article does not date.
    assert claims["jd-2020/poverty-alleviation-collaboration-award"].period == UnknownPeriod()


def test_the_zhuxi_revenue_claim_is_the_county_s_not_the_report_s(claims: ClaimSet) -> None:
    claim = claims["jd-2020/zhuxi-konjac-revenues"]
    assert claim.citation.quote.endswith("according to the county")
    assert claim.attribution == "Zhuxi county"
    assert claim.program is not None
    assert "Zhuxi" in claim.program.description


@pytest.mark.parametrize(
    ("organization_id", "name", "kind", "parent"),
    [
        ("jd", "JD.com", OrganizationKind.COMPANY, None),
        ("jd-foundation", "JD Foundation", OrganizationKind.FOUNDATION, "jd"),
        ("jingxi", "Jingxi", OrganizationKind.PLATFORM, "jd"),
    ],
)
def test_the_organizations_and_their_parents(
    claims: ClaimSet, organization_id: str, name: str, kind: OrganizationKind, parent: str | None
) -> None:
    (organization,) = {claim.subject for claim in claims if claim.subject.id == organization_id}
    assert (organization.name, organization.kind) == (name, kind)
    assert (organization.parent and organization.parent.id) == parent


def test_the_source_is_the_jd_corporate_blog_article(claims: ClaimSet) -> None:
    (source,) = {claim.source for claim in claims}
    assert source.title == "JD ESG: JD’s Ongoing Commitment to Rural Revitalization"  # noqa: RUF001 - the article's apostrophe
    assert (source.publisher, source.author, source.published) == ("JD Corporate Blog", "Kelly Dawson", None)
