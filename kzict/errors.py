"""Errors kzict raises on bad input; every one is a :class:`KzictError`, which the CLI reports without a traceback."""

from __future__ import annotations


class KzictError(Exception):
    """Base of every error kzict raises on purpose: bad raw input, tampered clean files, unknown names, refusals."""


class RawDataError(KzictError, ValueError):
    """A raw workbook does not hold what the build expects.

    The message names the workbook, and where known the sheet, the cell in
    spreadsheet coordinates (``Table1!B7``), the column header, what was
    expected and what was found.
    """

    def __init__(
        self,
        path,
        problem: str,
        *,
        sheet: str | None = None,
        cell: str | None = None,
        column: str | None = None,
        found=None,
    ):
        self.path, self.sheet, self.cell, self.column, self.found = str(path), sheet, cell, column, found
        where = self.path
        if sheet is not None:
            where += f", {sheet}!{cell}" if cell else f", sheet {sheet!r}"
        if column is not None:
            where += f" (column {column!r})"
        tail = "" if found is None else f", found {found!r}"
        super().__init__(f"{where}: {problem}{tail}")


class UnknownDatasetError(KzictError, KeyError):
    """A dataset name that kzict does not have."""

    def __init__(self, name: str, valid):
        import difflib

        self.name = name
        close = difflib.get_close_matches(name, list(valid), n=3, cutoff=0.6)
        hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
        super().__init__(f"no dataset {name!r}{hint}; valid names: {', '.join(valid)}")

    def __str__(self) -> str:
        return self.args[0]


class IntegrityError(KzictError, RuntimeError):
    """A clean file differs from the checksum the build recorded for it."""


class BuildTargetError(KzictError, OSError):
    """The build refuses its target folder, or cannot write it; the target is left as it was."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
