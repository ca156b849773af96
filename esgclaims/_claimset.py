"""ClaimSet: an immutable collection of claims with lookup, filtering and grouping."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, overload

import attrs

from ._errors import (
    ArgumentTypeError,
    ClaimNotFoundError,
    ComparisonError,
    InvalidClaimError,
    check_argument,
    did_you_mean,
)
from ._format import html
from ._model import Claim, Metric, Organization, Program
from ._periods import Period, PeriodRelation

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Iterator

    from ._compare import Alignment, Finding, Series

__all__ = ["ClaimSet"]


def _to_claims(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    if not hasattr(claims, "__iter__"):
        check_argument(claims, tuple, where="ClaimSet(): claims", what="an iterable of esgclaims.Claim")
    result = tuple(claims)
    items: tuple[object, ...] = result  # what arrived, whatever the annotation says
    for position, item in enumerate(items):
        if not isinstance(item, Claim):
            got = "None" if item is None else f"{type(item).__name__} {item!r}"
            raise ArgumentTypeError(f"item {position} of a ClaimSet: expected a Claim, got {got}")
    return result


@attrs.frozen(repr=False)
class ClaimSet:
    """An immutable, ordered set of claims, looked up by id.

    Examples:
        >>> import esgclaims
        >>> claims = esgclaims.load_dataset("jd-2020")
        >>> len(claims.filter(subject="jd-foundation"))
        7
        >>> claims["jd-2020/online-donations-raised"].value
        ReportedValue('RMB 19,770,000')
    """

    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_to_claims)
    _by_id: dict[str, Claim] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Claim] = {}
        for claim in self.claims:
            if claim.id in by_id:
                raise InvalidClaimError(f"duplicate claim id {claim.id!r}")
            by_id[claim.id] = claim
        object.__setattr__(self, "_by_id", by_id)

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return isinstance(item, Claim) and self._by_id.get(item.id) == item

    @overload
    def __getitem__(self, key: str) -> Claim: ...
    @overload
    def __getitem__(self, key: int) -> Claim: ...
    @overload
    def __getitem__(self, key: slice) -> ClaimSet: ...
    def __getitem__(self, key: str | int | slice) -> Claim | ClaimSet:
        """A claim by id or position; a slice of positions is a ClaimSet.

        Examples:
            >>> import esgclaims
            >>> claims = esgclaims.load_dataset("jd-2020")
            >>> claims[:2]
            <ClaimSet of 2 claims>
            >>> claims["jd-2020/online-donation"]
            Traceback (most recent call last):
            ...
            esgclaims.ClaimNotFoundError: no claim with id 'jd-2020/online-donation'; did you mean
            'jd-2020/online-donations-raised', 'jd-2020/clothing-donation-cities' or 'jd-2020/jd-foundation-donations'?
        """
        if isinstance(key, slice):
            return ClaimSet(self.claims[key])
        if isinstance(key, int):
            return self.claims[key]
        try:
            return self._by_id[key]
        except KeyError:
            raise ClaimNotFoundError(f"no claim with id {key!r}{did_you_mean(key, self._by_id, n=3)}") from None

    def get(self, claim_id: str) -> Claim | None:
        """The claim with ``claim_id``, or ``None``."""
        if not isinstance(claim_id, str):
            check_argument(  # type: ignore[unreachable]
                claim_id, str, where="ClaimSet.get(): claim_id", what="a claim id (str)"
            )
        return self._by_id.get(claim_id)

    @property
    def ids(self) -> tuple[str, ...]:
        """The claim ids, in order."""
        return tuple(self._by_id)

    def filter(
        self,
        predicate: Callable[[Claim], bool] | None = None,
        *,
        subject: str | Organization | None = None,
        program: str | Program | None = None,
        metric: str | Metric | None = None,
        period: Period | None = None,
    ) -> ClaimSet:
        """The claims that match every criterion given.

        Args:
            predicate: Any test on a claim.
            subject: An organization or its id.
            program: A program or its id.
            metric: A metric or its id.
            period: Keep claims whose period lies within this one (or equals it).

        Examples:
            >>> import esgclaims
            >>> claims = esgclaims.load_dataset("jd-2020")
            >>> [c.id for c in claims.filter(period=esgclaims.parse_period("2020"))][:2]
            ['jd-2020/jd-foundation-donations', 'jd-2020/online-donations-raised']
        """
        if predicate is not None and not callable(predicate):  # a wrong type arrives whatever the annotation says
            check_argument(  # type: ignore[unreachable]
                predicate, type(None), where="filter(): predicate", what="a function of a claim, or None"
            )
        for name, wanted, kind in (
            ("subject", subject, Organization),
            ("program", program, Program),
            ("metric", metric, Metric),
        ):
            check_argument(
                wanted,
                (str, kind, type(None)),
                where=f"filter(): {name}",
                what=f"an id or an esgclaims.{kind.__name__}",
            )
            if isinstance(wanted, str):
                self._check_known(name, wanted)
        check_argument(period, (Period, type(None)), where="filter(): period", what="an esgclaims period")

        def keep(claim: Claim) -> bool:
            if subject is not None and claim.subject.id != _id(subject):
                return False
            if program is not None and (claim.program is None or claim.program.id != _id(program)):
                return False
            if metric is not None and claim.metric.id != _id(metric):
                return False
            if period is not None and claim.period.relation(period) not in (
                PeriodRelation.EQUAL,
                PeriodRelation.WITHIN,
            ):
                return False
            return predicate is None or predicate(claim)

        return ClaimSet(c for c in self.claims if keep(c))

    def _check_known(self, name: str, wanted: str) -> None:
        """Raise when no claim has ``wanted`` as its subject, program or metric id (``name``)."""
        known = {
            item.id
            for claim in self.claims
            for item in ((claim.subject, claim.program, claim.metric)[("subject", "program", "metric").index(name)],)
            if item is not None
        }
        if wanted not in known:
            hint = did_you_mean(wanted, sorted(known), n=3) or (
                f"; they have {', '.join(sorted(known))}" if known else ""
            )
            raise ClaimNotFoundError(f"no claim has {name} {wanted!r}{hint}")

    def group_by(self, key: str | Callable[[Claim], object]) -> dict[object, ClaimSet]:
        """Claims grouped by ``"subject"``, ``"program"``, ``"metric"``, ``"period"`` or a function.

        Named keys group by id (``None`` for claims without a program).
        """
        if isinstance(key, str):
            if key not in ("subject", "program", "metric", "period", "source", "unit"):
                raise InvalidClaimError(
                    f"cannot group by {key!r}; use subject, program, metric, period, source, unit or a function"
                )
            key_function = _NAMED_KEYS[key]
        else:
            key_function = key
        groups: dict[object, list[Claim]] = {}
        for claim in self.claims:
            groups.setdefault(key_function(claim), []).append(claim)
        return {k: ClaimSet(v) for k, v in groups.items()}

    def check(self) -> tuple[Finding, ...]:
        """Consistency findings for claims about one subject, metric and program from different sources or dates.

        Each finding names both claims and says why they are consistent,
        inconsistent, or cannot be judged; figures are widened by their stated
        precision first (docs/comparing.md).

        Examples:
            >>> import esgclaims
            >>> claims = esgclaims.load_dataset("jd-2020")
            >>> claims.check()  # one article states each figure once
            ()
        """
        from ._compare import check  # noqa: PLC0415 - a higher layer's face, imported at call time: import time is a target

        return check(self.claims)

    def compare(self, other: ClaimSet, *, restated: Literal["latest", "all"] = "latest") -> Alignment:
        """Align with another claim set (another report, year or company) by subject, metric and program.

        Returns the matched pairs with each pair's change (``other`` minus this
        set) as an interval, and the claims only one side has. A restated figure
        is compared as restated (its latest statement on either side); with
        ``restated="all"`` every statement is paired as it stands.

        Examples:
            >>> import esgclaims
            >>> claims = esgclaims.load_dataset("jd-2020")
            >>> claims.compare(claims.filter(subject="jd-foundation"))
            <Alignment: 7 pairs, 10 only left, 0 only right>
        """
        if not isinstance(other, ClaimSet):
            raise ComparisonError(f"ClaimSet.compare takes a ClaimSet, got {type(other).__name__}")
        from ._compare import align  # noqa: PLC0415 - a higher layer's face, imported at call time: import time is a target

        return align(self, other, restated=restated)

    def series(
        self,
        metric: str | Metric,
        *,
        subject: str | Organization | None = None,
        program: str | Program | None = None,
        restated: Literal["latest", "all"] = "latest",
    ) -> Series:
        """The claims of one metric and subject in period order, with the change between each two.

        ``subject`` (and ``program``) may be left out when the metric's claims have
        only one. A restated figure stands as restated; ``restated="all"`` keeps
        every statement. In a notebook the series displays as a table, and
        ``.plot()`` draws it as a line with interval bands.

        Examples:
            >>> import esgclaims
            >>> claims = esgclaims.load_dataset("jd-2020")
            >>> print(claims.series("charitable-items-collected"))
            Charitable items collected — JD Foundation, JD Foundation online donation platform
              2020: more than 1,270,000 items (jd-2020/charitable-items-collected)
        """
        from ._compare import series  # noqa: PLC0415 - a higher layer's face, imported at call time: import time is a target

        return series(
            self.claims,
            _id(metric),
            subject=None if subject is None else _id(subject),
            program=None if program is None else _id(program),
            restated=restated,
        )

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per claim, in order (no extra dependency).

        Each record has the claim's id; subject, program and metric by name; the
        qualifier, the reported figure and the interval's ends (``low``, ``high`` and
        whether each is closed); the unit, tolerance and precision; the period, its
        start and end; the metric's temporal nature, attribution, modality, quote
        and source id. Numbers stay exact :class:`~decimal.Decimal` objects, ``low``
        and ``high`` are ``None`` where unbounded, and dates are
        :class:`datetime.date` or ``None``.
        """
        from ._display import to_records  # noqa: PLC0415 - a higher layer's face, imported at call time: import time is a target

        return to_records(self.claims)

    def to_dataframe(self) -> Any:  # noqa: ANN401 - pandas is optional: no annotation to import
        """A pandas DataFrame, one row per claim, indexed by id (needs ``esgclaims[pandas]``).

        Figures stay exact Decimals; ``low``/``high`` are missing where unbounded.
        """
        from ._display import to_dataframe  # noqa: PLC0415 - a higher layer's face, imported at call time

        return to_dataframe(self.claims)

    def to_arrow(self) -> Any:  # noqa: ANN401 - pyarrow is optional: no annotation to import
        """The claim table: a ``pyarrow.Table``, one row per claim, in a versioned schema (needs ``esgclaims[arrow]``).

        Figures are exact ``decimal128(38, s)`` columns beside their text; a figure
        that cannot be held exactly is an error, never a rounded number. The
        columns are listed in docs/interchange-table.md.

        Examples:
            >>> import esgclaims
            >>> table = esgclaims.load_dataset("jd-2020").to_arrow()
            >>> table.num_rows, table.schema.metadata[b"esgclaims.schema_version"]
            (17, b'1')
        """
        from ._interchange import to_arrow  # noqa: PLC0415 - a higher layer's face, imported at call time

        return to_arrow(self.claims)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the claim table (:meth:`to_arrow`) to a Parquet file, all or nothing (needs ``esgclaims[arrow]``).

        :func:`esgclaims.load` reads it back to an equal claim set.
        """
        from ._interchange import write_parquet  # noqa: PLC0415 - a higher layer's face, imported at call time

        write_parquet(self.claims, path)

    def plot(self, *, title: str | None = None) -> Any:  # noqa: ANN401 - matplotlib is optional
        """A chart of each claim's interval, grouped by unit (needs ``esgclaims[plot]``).

        Each claim is a bar from the lowest to the highest value its statement
        allows, with the reported figure marked: open ends are hollow markers,
        unbounded ends run to the edge as arrows, "approximately" is dashed and an
        order of magnitude is hatched. One panel per unit, on a log scale where a
        panel spans orders of magnitude; qualitative claims are left out.

        Args:
            title: The figure's title, instead of the number of claims.

        Returns:
            A :class:`matplotlib.figure.Figure`. Save it with
            ``figure.savefig("claims.png")``; in a notebook it displays itself.
        """
        from ._display import plot  # noqa: PLC0415 - a higher layer's face, imported at call time

        return plot(self.claims, title=title)

    def _repr_html_(self) -> str:
        return html(self)

    def __add__(self, other: ClaimSet) -> ClaimSet:
        """Both sets' claims, in order; a claim in both is kept once, and one id for two claims is an error.

        Examples:
            >>> import esgclaims
            >>> claims = esgclaims.load_dataset("jd-2020")
            >>> len(claims + claims)
            17
        """
        if not isinstance(other, ClaimSet):
            return NotImplemented
        merged = dict(self._by_id)
        for claim in other.claims:
            first = merged.setdefault(claim.id, claim)
            if first != claim:
                raise InvalidClaimError(
                    f"claim {claim.id!r} differs between the two sets (say in {_difference(first, claim)}): "
                    "one id, two claims"
                )
        return ClaimSet(merged.values())

    def __repr__(self) -> str:
        return f"<ClaimSet of {len(self)} claims>"

    def __str__(self) -> str:
        return "\n".join(str(c) for c in self.claims)


def _difference(a: Claim, b: Claim) -> str:
    """The first field in which two claims differ, for an error."""
    return next(
        (field.name for field in attrs.fields(Claim) if getattr(a, field.name) != getattr(b, field.name)), "a field"
    )


def _id(item: str | Organization | Program | Metric) -> str:
    return item if isinstance(item, str) else item.id


_NAMED_KEYS: dict[str, Callable[[Claim], object]] = {
    "subject": lambda c: c.subject.id,
    "program": lambda c: None if c.program is None else c.program.id,
    "metric": lambda c: c.metric.id,
    "period": lambda c: c.period.iso(),
    "source": lambda c: c.citation.source.id,
    "unit": lambda c: None if c.value is None else str(c.value.units),
}
