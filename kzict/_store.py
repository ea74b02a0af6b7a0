"""How the clean data is read at run time, without pandera, openpyxl or the pipeline.

Where it lives is :func:`kzict._paths.data_dir`'s answer, the same for the pipeline.
"""

from __future__ import annotations

import hashlib
import io
import json
from functools import cache
from typing import TYPE_CHECKING

from kzict._paths import data_dir

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

    import pandas as pd

DESCRIPTOR = "datapackage.json"
MANIFEST = "checksums.sha256"
INTERNAL = ("corrections",)  # resources that are not datasets


def clean_dir() -> Path | Traversable:
    return data_dir("clean")


def raw_dir() -> Path | Traversable:
    return data_dir("raw")


@cache
def package() -> dict:
    return json.loads(_read_checked(DESCRIPTOR))


@cache
def manifest() -> dict[str, str]:
    text = (clean_dir() / MANIFEST).read_text(encoding="utf-8")
    return {name: digest for digest, name in (line.split("  ", 1) for line in text.splitlines() if line)}


def _read_checked(fname: str) -> bytes:
    from kzict.errors import IntegrityError

    data = (clean_dir() / fname).read_bytes()
    expected = manifest().get(fname)
    if expected is None:
        raise IntegrityError(f"{fname} is not in {MANIFEST}; rebuild with `make data`")
    if hashlib.sha256(data).hexdigest() != expected:
        raise IntegrityError(
            f"{fname} differs from the checksum the build recorded in {MANIFEST}: "
            "clean files are built, never edited by hand; rebuild with `make data`"
        )
    return data


def resource(name: str, include_internal: bool = False) -> dict:
    from kzict.errors import UnknownDatasetError

    for res in package()["resources"]:
        if res["name"] == name and (include_internal or name not in INTERNAL):
            return res
    raise UnknownDatasetError(name, dataset_names())


def dataset_names() -> list[str]:
    return [r["name"] for r in package()["resources"] if r["name"] not in INTERNAL]


def read_verified(res: dict) -> pd.DataFrame:
    import pandas as pd

    data = _read_checked(res["path"])
    dtypes = {
        f["name"]: (
            pd.CategoricalDtype(f["kzict:categories"], ordered=f["kzict:ordered"])
            if f["kzict:dtype"] == "category"
            else f["kzict:dtype"]
        )
        for f in res["schema"]["fields"]
    }
    return pd.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False, na_values=[""])


def read_raw(res: dict) -> pd.DataFrame:
    """The raw sheet the build recorded for ``res`` (``kzict:raw``), read with calamine: no openpyxl, no pipeline."""
    import pandas as pd

    from kzict.errors import RawDataError

    raw = res.get("kzict:raw")
    if raw is None:
        inputs = ", ".join(res.get("kzict:derived_from", []))
        raise ValueError(f"{res['name']!r} is derived from {inputs}, not transcribed from a sheet: load_raw those")
    if "snapshots" in raw:
        return read_snapshots(raw["snapshots"])
    path, headers = raw_dir() / raw["workbook"], raw["headers"]
    df = pd.read_excel(
        path, sheet_name=raw["sheet"], engine="calamine", dtype=object, keep_default_na=False, na_values=[""]
    )
    if list(df.columns[: len(headers)]) != headers:
        raise RawDataError(str(path), f"expected the headers {headers}", sheet=raw["sheet"], found=list(df.columns))
    rows = [
        (i, [None if pd.isna(v) else v.strip() if isinstance(v, str) else v for v in values])
        for i, values in enumerate(df[headers].itertuples(index=False), start=2)  # row 1 holds the headers
    ]
    rows = [(i, values) for i, values in rows if any(v is not None for v in values)]
    return pd.DataFrame(
        [values for _, values in rows], index=pd.Index([i for i, _ in rows], name="sheet_row"), columns=headers
    )


def read_snapshots(files: list[str]) -> pd.DataFrame:
    """Public data snapshots as published, every cell as its text, indexed by (snapshot, line).

    ``line`` is the file's own line (a WDI bulk CSV's header is on line 5, after its preamble) or,
    for an Excel download, the spreadsheet row. Files of different layouts share one frame: the
    columns are the union of their headers, in order of appearance.
    """
    import pandas as pd

    frames = []
    for name in files:
        path = raw_dir() / "snapshots" / name
        if name.endswith(".xls"):
            sheet = pd.read_excel(path, sheet_name="Data", header=None, engine="calamine", dtype=str)
            head = int((sheet.iloc[:, 0] == "Country Name").to_numpy().argmax())
            df = sheet.iloc[head + 1 :].set_axis([str(c) for c in sheet.iloc[head]], axis=1)
            first = head + 2  # the spreadsheet row of the first data row
        else:
            text = path.read_bytes().decode("utf-8-sig")
            skip = 4 if text.startswith('"Data Source"') else 0  # the WDI bulk CSV preamble
            df = pd.read_csv(io.StringIO(text), skiprows=skip, dtype=str, keep_default_na=False, na_values=[""])
            df = df.drop(columns=[c for c in df.columns if c.startswith("Unnamed:") and df[c].isna().all()])
            first = skip + 2
        index = pd.MultiIndex.from_arrays([[name] * len(df), range(first, first + len(df))], names=["snapshot", "line"])
        frames.append(df.set_axis(index, axis=0))
    return pd.concat(frames)


def verify_all() -> int:
    for fname in manifest():
        _read_checked(fname)
    return len(manifest())
