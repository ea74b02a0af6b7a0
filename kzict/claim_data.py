"""The clean tables a claims registry reads: ``Data`` loads each once and can undo kzict's corrections.

Its own module so that the checks (``kzict.claim_checks``) and the runner (``kzict.claims``) both stand
on it without importing each other.
"""

from __future__ import annotations

import pandas as pd

import kzict

# --- data references: {dataset, where: {column: value}, field} ---------------------------------------


class Data:
    """The clean tables a registry reads, loaded once each; ``printed=True`` undoes kzict's corrections.

    Every row a check reads is remembered in ``read`` so the runner knows which corrections touch a claim.
    """

    def __init__(self, tables: dict[str, pd.DataFrame] | None = None, printed: bool = False, corrections=None):
        self._tables = dict(tables or {})
        self.printed = printed
        self._corrections = corrections
        self.corrected: dict[str, dict] = {}  # dataset -> {row index: correction_id}
        self.read: set[str] = set()  # correction ids whose rows were read

    def _undo(self, name: str, df: pd.DataFrame) -> pd.DataFrame:
        fixes = self._corrections if self._corrections is not None else kzict.corrections()
        df, rows = df.copy(), {}
        for fix in fixes[fixes["dataset"] == name].itertuples():
            # one correction lists the rows it changes: keys, printed and used values, each joined by " | "
            for key, printed, used in zip(*(str(v).split(" | ") for v in (fix.key, fix.printed, fix.used))):
                mask = pd.Series(True, index=df.index)
                for pair in key.split("; "):
                    col, value = pair.split("=", 1)
                    mask &= df[col].astype(str) == value
                if mask.sum() != 1 or (df.loc[mask, fix.field] != used).any():
                    raise ValueError(f"correction {fix.correction_id} matches no published row of {name}")
                rows[df.index[mask][0]] = fix.correction_id
                if self.printed:
                    df.loc[mask, fix.field] = printed
        self.corrected[name] = rows
        return df

    def table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            self._tables[name] = kzict.load(name)
        if name not in self.corrected:
            self._tables[name] = self._undo(name, self._tables[name])
        return self._tables[name]

    def rows(self, ref: dict) -> pd.DataFrame:
        df = self.table(ref["dataset"])
        mask = pd.Series(True, index=df.index)
        for col, value in (ref.get("where") or {}).items():
            mask &= df[col].isin(value) if isinstance(value, list) else (df[col] == value)
        hit = self.corrected[ref["dataset"]]
        self.read |= {hit[i] for i in df.index[mask] if i in hit}
        return df[mask]

    def values(self, ref: dict) -> pd.Series:
        return self.rows(ref)[ref["field"]]

    def value(self, ref: dict) -> float:
        v = self.values(ref)
        if len(v) != 1:
            raise ValueError(f"reference {ref} matches {len(v)} rows, not one")
        return float(v.iloc[0])
