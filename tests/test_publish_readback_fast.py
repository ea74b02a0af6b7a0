"""The read-back's fast comparison accepts only what the slow one (assert_frame_equal) accepts."""

import numpy as np
import pandas as pd
import pytest

from kzict.pipeline.publish import RTOL, _plain, _same

BASE = pd.DataFrame(
    {
        "a": pd.array([1, None, 3], dtype="Int64"),
        "x": [0.1, np.nan, 1e6],
        "s": pd.array(["p", None, "r"], dtype="str"),
        "b": [True, False, True],
    }
)


def _slow_ok(got: pd.DataFrame, want: pd.DataFrame) -> bool:
    try:
        pd.testing.assert_frame_equal(_plain(got), _plain(want), check_dtype=False, rtol=RTOL)
    except AssertionError:
        return False
    return True


def test_equal_frames_pass_fast():
    got = BASE.assign(a=BASE["a"].astype("float64"))  # read back as float: same values
    assert _same(got, BASE) and _slow_ok(got, BASE)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.assign(x=[0.1, np.nan, 1e6 * (1 + 1e-8)]),  # beyond the tolerance
        lambda d: d.assign(x=[0.1, 0.0, 1e6]),  # a missing cell filled
        lambda d: d.assign(s=pd.array(["p", "q", "r"], dtype="str")),
        lambda d: d.assign(s=pd.array(["p", None, "R"], dtype="str")),
        lambda d: d.assign(a=pd.array([1, 2, 3], dtype="Int64")),
        lambda d: d.assign(b=[1, 0, 1]),  # booleans read back as numbers
        lambda d: d[["x", "a", "s", "b"]],  # column order
        lambda d: d.iloc[:2],
    ],
)
def test_fast_never_accepts_what_slow_refuses(change):
    got = change(BASE.copy())
    assert not _same(got, BASE)


def test_within_tolerance_passes_both():
    got = BASE.assign(x=[0.1, np.nan, 1e6 * (1 + 1e-10)])
    assert _same(got, BASE) and _slow_ok(got, BASE)
