"""The codebook of one dataset, as returned by ``kzict.describe``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Codebook:
    name: str
    title: str
    description: str
    locator: str
    printed_in: str
    note: str
    key: tuple[str, ...]
    rows: int
    columns: list[dict]  # name, type, unit, description, required
    sources: tuple[str, ...] = ()  # the original sources of its values (rows of `sources`)

    @classmethod
    def from_resource(cls, res: dict, package: dict) -> Codebook:
        fields = res["schema"]["fields"]
        return cls(
            name=res["name"],
            title=res["title"],
            description=res["description"],
            locator=res.get("kzict:locator", ""),
            printed_in=res.get("kzict:printed_in", ""),
            note=res.get("kzict:note", ""),
            key=tuple(res["schema"]["primaryKey"]),
            rows=res["kzict:rows"],
            columns=[
                {
                    "column": f["name"],
                    "type": f["kzict:dtype"],
                    "unit": f.get("kzict:unit"),
                    "description": f.get("description"),
                    "required": f.get("constraints", {}).get("required", False),
                }
                for f in fields
            ],
            sources=tuple(res.get("kzict:sources", ())),
        )

    def table(self):
        """The columns as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.columns)

    def __str__(self) -> str:
        lines = [
            f"{self.name}: {self.title}",
            self.description,
            f"Printed in: {self.printed_in}, {self.locator}",
            f"Key: {', '.join(self.key)}; rows: {self.rows}",
        ]
        if self.sources:
            lines.append(f"Sources: {', '.join(self.sources)} (see kzict.load('sources'))")
        if self.note:
            lines.append(f"Note: {self.note}")
        lines.append("")
        width = max(len(c["column"]) for c in self.columns)
        types = max(len(c["type"]) for c in self.columns)
        units = max(len(f"[{c['unit']}]") for c in self.columns)
        for c in self.columns:
            unit = f"[{c['unit']}]"
            lines.append(
                f"  {c['column']:<{width}}  {c['type']:<{types}}  {unit:<{units}}  {c['description']}".rstrip()
            )
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        head = (
            f"**{self.name}** — {self.title}\n\n{self.description}\n\n"
            f"Printed in `{self.printed_in}`, {self.locator}. Key: `{', '.join(self.key)}`; {self.rows} rows."
            + (f" Sources: {', '.join(f'`{s}`' for s in self.sources)}." if self.sources else "")
            + (f"\n\n*Note:* {self.note}" if self.note else "")
        )
        rows = "\n".join(f"| `{c['column']}` | {c['type']} | {c['unit']} | {c['description']} |" for c in self.columns)
        return f"{head}\n\n| column | type | unit | description |\n|---|---|---|---|\n{rows}\n"
