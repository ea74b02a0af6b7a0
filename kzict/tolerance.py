"""The one tolerance rule of kzict's audits: the thesis's own claims and what officials and the press say.

A printed number is read as rounded to the place of its last digit ("6.3" to 0.1, "18" to 1, "5" in
"fivefold" to 1), so it allows half that step. Numbers printed together on one scale that ALL sit on a
coarser step of the ladder 0.01, 0.1, 0.5, 1, 5 were rounded to that step (nine survey shares that are
all multiples of 5: ±2.5). One number alone is no evidence of a coarser step. A multiple is a number
like any other: "twofold" is 2 ± 0.5, so it admits 1.5 to 2.5, in both audits.

A public statement is checked against a later data release than its speaker saw, so it also allows
``REVISION`` (1 %) of its value for revisions between releases. The thesis's claims are recomputed from
the thesis's own printed figures, which no release revises: they allow none. Counts, ranks and years are
exact. A verdict within tolerance but with less than ``1 - EDGE`` of it to spare says it is at the edge.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

LADDER = (Decimal("0.01"), Decimal("0.1"), Decimal("0.5"), Decimal("1"), Decimal("5"))
REVISION = 0.01  # share of a public statement's value allowed for revisions between data releases
EDGE = 0.8  # a difference above this share of the tolerance is "at the edge"

POLICY = (
    "A printed number is read as rounded to the place of its last digit (6.3 to 0.1, 18 to 1), so it allows "
    "half that step: ±0.05, ±0.5. Numbers printed together on one scale that all sit on a coarser step of the "
    "ladder 0.01, 0.1, 0.5, 1, 5 were rounded to that step: the nine survey shares of p. 24 are all multiples "
    "of 5 (±2.5), the p. 32 multiples 7.5 and 18.5 are both halves (±0.25). A lone number keeps its last "
    "digit's place: one integer in five is a multiple of 5, so one number is no evidence. A multiple is read "
    "the same way in both audits: 'twofold' is 2 ± 0.5 and admits 1.5 to 2.5; a result with less than a "
    "fifth of its tolerance to spare is marked 'at the edge' in its explanation. Shares that must add up "
    "allow the sum of their roundings. Counts, ranks and years are exact. Public statements "
    "(`kzict.statements()`) follow the same rule and add 1 % of the value for revisions between the release "
    "the speaker saw and the one kzict holds; the thesis's claims are recomputed from its own printed "
    "figures, which no release revises, so they add nothing. Every tolerance is computed by "
    "`kzict.tolerance`, the same way for every claim, and never widened to let a claim pass."
)


def number(printed) -> Decimal:
    """A printed number as a Decimal that keeps its printed precision ("90.9", "5", "1,000", "12%")."""
    text = str(printed).strip().rstrip("%").replace(",", "").replace("\u202f", "").replace(" ", "")
    try:
        found = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{printed!r} is not a number") from None
    if not found.is_finite():
        raise ValueError(f"{printed!r} is not a finite number")
    return found


def step(printed: list) -> Decimal:
    """The rounding step of numbers printed together (see the rule above)."""
    nums = [number(p) for p in printed]
    own = min(Decimal(1).scaleb(int(n.normalize().as_tuple().exponent)) if n % 1 else Decimal(1) for n in nums)
    fits = [s for s in LADDER if s >= own and all(n % s == 0 for n in nums)]
    return (fits or [own])[-1] if len(nums) > 1 else own


def tolerance(printed: list) -> float:
    """Half the rounding step of numbers printed together: the whole tolerance of a thesis claim."""
    return float(step(printed) / 2)


def place(printed: str) -> Decimal:
    """The place of the last digit as printed, trailing zeros kept: '0.80' is to 0.01, '28' to 1."""
    return Decimal(1).scaleb(min(0, int(number(printed).as_tuple().exponent)))


def of_statement(printed: str) -> float:
    """A public statement's tolerance, in the unit of its value: half its last digit's place plus ``REVISION``."""
    return float(place(printed) / 2) + REVISION * abs(float(number(printed)))


def at_edge(difference: float, tol: float) -> bool:
    """Within ``tol`` but with less than ``1 - EDGE`` of it to spare."""
    return tol > 0 and EDGE * tol < abs(difference) <= tol


def edge_note(found: float, claimed: float, tol: float) -> str:
    """'' or the words an explanation adds when ``found`` passes at the edge of ``claimed`` ± ``tol``."""
    if not at_edge(found - claimed, tol):
        return ""
    return f" (at the edge: ±{tol:.6g} admits {claimed - tol:.6g} to {claimed + tol:.6g})"
