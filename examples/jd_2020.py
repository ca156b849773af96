"""A short tour of the JD 2020 dataset: claims, qualifiers as bounds, periods, sources.

Run it with ``python examples/jd_2020.py``.
"""

from __future__ import annotations

import esgclaims


def main() -> None:
    claims = esgclaims.load_dataset("jd-2020")
    source = next(iter(claims)).citation.source
    print(f"{len(claims)} claims from “{source.title}” ({source.publisher}, by {source.author})\n")

    print("Who claims what:")
    for group in claims.group_by("subject").values():
        numeric = sum(1 for claim in group if claim.value is not None)
        print(f"  {group[0].subject.name:14} {len(group):2} claims, {numeric} with a figure")

    print("\nQualifiers are bounds, not decorations:")
    for claim in claims:
        if claim.value is not None and claim.value.qualifier is not esgclaims.Qualifier.EXACT:
            print(f"  {claim.value!s:42} allows {claim.value.interval}")

    print("\nPeriods keep their meaning:")
    for period, group in claims.group_by("period").items():
        example = group[0].period
        print(f"  {example!s:24} {type(example).__name__:14} {len(group)} claims  (key {period!r})")

    foundation_2020 = claims.filter(subject="jd-foundation", period=esgclaims.CalendarYear(2020))
    print(f"\nJD Foundation in 2020 ({len(foundation_2020)} claims):")
    for claim in foundation_2020:
        print(f"  {claim.metric.name:28} {claim.value!s:36} “{claim.citation.quote}”")

    print("\nFramework tags of the poverty-alleviation sales metric:")
    for tag in claims["jd-2020/poverty-alleviation-sales"].metric.frameworks:
        print(f"  {tag}")


if __name__ == "__main__":
    main()
