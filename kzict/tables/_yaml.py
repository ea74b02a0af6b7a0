"""A derived table's rules held in a YAML registry of ``data/raw`` (not a sheet): read safely, bounded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kzict.tables._fields import Raw


@dataclass(frozen=True)
class Registry:
    """A YAML registry as the build hands it to ``process``: where it is (for errors) and its document."""

    path: Path
    doc: Any


@dataclass(frozen=True)
class YamlRules(Raw):
    """Declared as a table's ``RULES``: the build reads the file, never a sheet of it."""

    sheet: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    def read(self, books: Any) -> Registry:
        from kzict.readers import yamlfile

        path = Path(books.folder) / self.workbook
        return Registry(path, yamlfile.load(path))


def yaml_rules(name: str) -> YamlRules:
    """Declare a YAML file of ``data/raw`` as a derived table's rules."""
    return YamlRules(name)
