"""A small install: the core loads, validates, cites and verifies; every command that needs more names its extra.

A missing module is simulated in a fresh interpreter (``sys.modules[name] = None`` makes its import fail
as if it were not installed); tests/test_package.py installs the core wheel for real.
"""

import re
import subprocess
import sys
import tomllib

import pytest
from conftest import REPO

from kzict._extras import DISTRIBUTIONS, NEEDS

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
EXTRAS = PROJECT["optional-dependencies"]
# every module some extra brings: the core must work with all of them gone
EXTRA_MODULES = sorted({m for _, mods in NEEDS.values() for m in mods} | {"defusedxml", "jupytext", "jupyterlab"})

BLOCK = "import sys\nfor m in sys.argv[1].split(','):\n    sys.modules[m] = None\n"


def _without(modules, code, *args, cwd=REPO):
    """Run ``code`` in a fresh interpreter in which ``modules`` cannot be imported."""
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code, ",".join(modules), *args], capture_output=True, text=True, cwd=cwd
    )


def _cli_without(modules, *args, cwd=REPO):
    return _without(modules, "from kzict.cli import main\nraise SystemExit(main(sys.argv[2:]))", *args, cwd=cwd)


def _message(what, module, extra):
    dist = DISTRIBUTIONS.get(module, module)
    return f"kzict: {what} needs {dist}, which the core install leaves out: pip install 'kzict[{extra}]'\n"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_core_is_what_loading_needs():
    assert sorted(_name(r) for r in PROJECT["dependencies"]) == ["pandas", "pandera", "python-calamine"]
    assert set(EXTRAS) == {"build", "charts", "site", "notebooks", "all", "test"}
    assert EXTRAS["all"] == ["kzict[build,charts,site,notebooks]"]


def test_the_readme_states_the_core_and_every_extra():
    readme = (REPO / "README.md").read_text()
    assert "pandas, pandera (for\n`validate=True`) and python-calamine (for `load_raw`)" in readme
    table = readme.split("| Extra | For | Brings |\n")[1].split("\n\n")[0]
    rows = dict(re.findall(r"^\| `(\w+)` \| .* \| (.*) \|$", table, re.M))
    assert set(rows) == set(EXTRAS) - {"test"}
    for extra, brings in rows.items():
        names = sorted(b.strip().lower() for b in brings.split(","))
        if extra == "all":
            assert EXTRAS["all"] == [f"kzict[{','.join(sorted(names, key=list(rows).index))}]"]
        else:
            assert names == sorted(_name(r) for r in EXTRAS[extra])


def test_each_work_names_the_extra_that_brings_what_it_imports():
    from importlib.metadata import packages_distributions

    installed = packages_distributions()  # slow: every distribution's file list, so once
    for work, (extra, modules) in NEEDS.items():
        _each_module_comes_with(work, extra, modules, installed)


def _each_module_comes_with(work, extra, modules, installed):
    brought = {_name(r) for r in EXTRAS[extra]}
    for module in modules:
        dists = {d.lower() for d in installed[module]}
        assert dists & brought, (work, module, extra)
        assert DISTRIBUTIONS.get(module, module).lower() in dists  # the message names what pip installs


CLI_CASES = [
    (["build", "--out", "{tmp}/clean"], "build"),
    (["ingest", "wdi", "{tmp}/API_X.csv", "--raw", "{tmp}/raw", "--out", "{tmp}/clean"], "ingest"),
    (["export", "--xlsx", "{tmp}/k.xlsx"], "export"),
    (["audit"], "audit"),
]


@pytest.mark.parametrize(
    ("args", "work", "module"),
    [(args, work, m) for args, work in CLI_CASES for m in NEEDS[work][1]],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_a_command_missing_its_extra_says_which_in_one_line(tmp_path, args, work, module):
    proc = _cli_without([module], *[a.format(tmp=tmp_path) for a in args])
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == _message(f"kzict {work}", module, NEEDS[work][0])
    assert list(tmp_path.iterdir()) == []  # refused before any work


@pytest.mark.parametrize(
    ("entry", "module", "extra"),
    [
        ("kzict.figures", "matplotlib", "charts"),
        ("kzict.claims", "yaml", "build"),
        ("kzict.pipeline", "yaml", "build"),
        ("kzict.pipeline", "openpyxl", "build"),
        ("kzict.ingest", "openpyxl", "build"),
        ("kzict.ingest", "pycountry", "build"),
        ("kzict.site", "mkdocs", "site"),
        ("kzict.site", "material", "site"),
        ("kzict.site", "openpyxl", "site"),
        ("kzict.site", "yaml", "site"),
    ],
)
def test_a_module_entry_point_missing_its_extra_says_which_in_one_line(tmp_path, entry, module, extra):
    code = f"import runpy\nsys.argv[1:] = ['--out', sys.argv[2]]\nrunpy.run_module({entry!r}, run_name='__main__')"
    proc = _without([module], code, str(tmp_path / "out"))
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == _message(f"python -m {entry}", module, extra)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("call", "module", "what", "extra"),
    [
        ("import kzict; kzict.audit()", "yaml", "kzict.audit()", "build"),
        ("import kzict.export; kzict.export.export_xlsx('k.xlsx')", "openpyxl", "kzict.export", "build"),
        ("from kzict import charts", "matplotlib", "kzict.charts", "charts"),
    ],
)
def test_a_python_entry_point_missing_its_extra_raises_an_import_error_naming_it(tmp_path, call, module, what, extra):
    code = (
        "from kzict.errors import KzictError\ntry:\n    " + call + "\nexcept ImportError as exc:\n"
        "    assert isinstance(exc, KzictError) and exc.__cause__ is None and exc.__suppress_context__\n"
        "    print(f'kzict: {exc}')\n"
    )
    proc = _without([module], code, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, _message(what, module, extra), "")
    assert list(tmp_path.iterdir()) == []


def test_the_core_works_without_any_extra():
    code = (
        "import kzict\n"
        "names = kzict.datasets()\n"
        "rows = sum(len(kzict.load(n, validate=True)) for n in names)\n"
        "print(rows, len(kzict.load_raw('it_trade')), len(kzict.corrections()), kzict.verify().datasets)\n"
        "print(kzict.cite('it_trade', style='bibtex').count('@misc'), len(kzict.describe('it_trade').columns))\n"
        "assert not set(sys.argv[1].split(',')) & {m.split('.')[0] for m, v in sys.modules.items() if v}\n"
    )
    proc = _without(EXTRA_MODULES, code)
    assert proc.returncode == 0, proc.stderr
    import kzict

    names = kzict.datasets()
    assert proc.stdout.split() == [
        str(sum(len(kzict.load(n)) for n in names)),
        "6",
        str(len(kzict.corrections())),
        str(len(names)),
        str(kzict.cite("it_trade", style="bibtex").count("@misc")),
        str(len(kzict.describe("it_trade").columns)),
    ]
    for args in (["validate"], ["show", "it_trade"], ["cite", "--style", "csl-json"], ["list", "--long"]):
        proc = _cli_without(EXTRA_MODULES, *args)
        assert (proc.returncode, proc.stderr) == (0, ""), args
