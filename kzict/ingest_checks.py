"""What ``kzict ingest wdi`` checks of a new release beyond its layout: its text, its date, and how it
differs from the latest earlier release of the same indicator (or economy).

A release may withdraw values (``allow_drops``), revise one by a factor of ten or more or rename an
indicator (``allow_revisions``); each is refused unless allowed, and an allowed one is recorded in the
snapshot's manifest note; ``wdi_vintages`` shows each such move in its ``revision`` column.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from kzict.errors import RawDataError
from kzict.readers import guard
from kzict.tables import _wdi as wdi_tables

REVISION_FACTOR = wdi_tables.REVISION_FACTOR  # a value moving by this factor or more is refused unless allowed
TEXT_COLUMNS = ("country", "iso3", "indicator", "indicator_code")


def release_date(origin: str, release: str, today: str) -> date:
    """The release as a date: a real calendar date, not after ``today``."""
    try:
        day = date.fromisoformat(release)
    except (TypeError, ValueError):
        raise RawDataError(
            origin, "the release date (Last Updated Date) is not a real YYYY-MM-DD date", found=release
        ) from None
    if day > date.fromisoformat(today):
        raise RawDataError(origin, f"the release date is after today ({today})", found=release)
    return day


def check_text(origin: str, values: pd.DataFrame) -> None:
    """Names and codes obey the raw-cell rules (kzict.readers.guard): no control character, no formula lead."""
    for column in TEXT_COLUMNS:
        col = values[column].astype("string")
        for text in col.dropna().unique():
            try:
                guard.text_value(str(text))
            except ValueError as exc:
                line = int(values.loc[col == text, "line"].iloc[0])
                raise RawDataError(origin, f"line {line}, {column}: {exc}", found=str(text)) from None


def check_values(origin: str, values: pd.DataFrame) -> None:
    """Every value a finite number (a ``1e400`` in the file reads as infinity)."""
    bad = ~np.isfinite(values["value"].to_numpy("float64"))
    if bad.any():
        row = values[bad].iloc[0]
        raise RawDataError(origin, f"line {row['line']}: expected a finite number", found=row["value"])


def check_drops(origin: str, earlier: str, old: pd.DataFrame, new: pd.DataFrame, allow: bool) -> str:
    """A note when ``new`` lacks values ``old`` (the snapshot ``earlier``) published; refused unless ``allow``."""
    key = ["iso3", "indicator_code", "year"]
    gone = old[key].merge(new[key], how="left", indicator=True)
    gone = gone[gone["_merge"] == "left_only"]
    if not len(gone):
        return ""
    first = gone.iloc[0]
    e_g = f"{first['iso3']} {first['indicator_code']} {first['year']}"
    what = f"{len(gone)} published values that {earlier} has (e.g. {e_g})"
    if not allow:
        raise RawDataError(origin, f"would drop {what}; pass allow_drops (--allow-drops) if the release withdrew them")
    return f" Lacks {what}."


def check_revisions(origin: str, earlier: str, old: pd.DataFrame, new: pd.DataFrame, allow: bool) -> str:
    """A note when ``new`` moves values of ``old`` by ``REVISION_FACTOR`` or more, or renames an indicator;
    refused, with the values named, unless ``allow``."""
    notes = []
    both = old.merge(new, on=["iso3", "indicator_code", "year"], suffixes=("_old", "_new"))
    scale = both["indicator_code"].map(old.assign(m=old["value"].abs()).groupby("indicator_code")["m"].max())
    a, b = both["value_old"].to_numpy("float64"), both["value_new"].to_numpy("float64")
    moved = both[wdi_tables.moved(a, b, scale.to_numpy("float64"))]
    if len(moved):
        shown = "; ".join(
            f"{r.iso3} {r.indicator_code} {r.year}: {r.value_old:g} -> {r.value_new:g}"
            for r in moved.head(3).itertuples()
        )
        notes.append(f"{len(moved)} values of {earlier} revised by a factor of {REVISION_FACTOR:g} or more ({shown})")
    names_old = old.drop_duplicates("indicator_code").set_index("indicator_code")["indicator"].astype(str)
    names_new = new.drop_duplicates("indicator_code").set_index("indicator_code")["indicator"].astype(str)
    common = names_old.index.intersection(names_new.index)
    renamed = [c for c in common if names_old[c] != names_new[c]]
    if renamed:
        c = renamed[0]
        notes.append(f"{len(renamed)} indicators renamed since {earlier} ({c}: {names_old[c]!r} -> {names_new[c]!r})")
    if not notes:
        return ""
    if not allow:
        raise RawDataError(
            origin, f"{'; '.join(notes)}; pass allow_revisions (--allow-revisions) if the release made them"
        )
    return " Accepted revisions: " + "; ".join(notes) + "."
