"""What each kind of work imports beyond the core install, and the one-line refusal when it is missing.

``pip install kzict`` brings what loading needs (pandas, pandera, python-calamine). Building, exporting,
the claims audit, the charts and the site import more; each says which extra brings it instead of failing
deep inside with a traceback. The extras themselves are declared in pyproject.toml; a test checks that
every module named here is brought by the extra named beside it.
"""

from __future__ import annotations

import importlib

from kzict.errors import KzictError

# the work -> (the extra that brings it, the modules it imports); keys are what the message calls the work
NEEDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "build": ("build", ("openpyxl", "yaml", "pycountry")),
    "ingest": ("build", ("openpyxl", "yaml", "pycountry")),
    "export": ("build", ("openpyxl",)),
    "audit": ("build", ("yaml",)),
    "charts": ("charts", ("matplotlib",)),
    "site": ("site", ("mkdocs", "material", "openpyxl", "yaml")),
}

# import name -> the distribution pip installs, where they differ
DISTRIBUTIONS = {"yaml": "PyYAML", "material": "mkdocs-material"}


class MissingExtraError(KzictError, ImportError):
    """A module the work needs is not installed: the message names the extra that brings it."""


def require(work: str, what: str | None = None) -> None:
    """Import what ``work`` needs, or raise :class:`MissingExtraError` naming the extra to install.

    ``what`` is how the message names the caller (default: the command, ``kzict <work>``).
    """
    extra, modules = NEEDS[work]
    for name in modules:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and exc.name.split(".")[0] != name:
                raise  # the module is there but broken: its own error says more than ours could
            dist = DISTRIBUTIONS.get(name, name)
            needs = f"{what or f'kzict {work}'} needs {dist}, which the core install leaves out"
            raise MissingExtraError(f"{needs}: pip install 'kzict[{extra}]'") from None


def exit_unless_installed(work: str, what: str) -> None:
    """For a ``python -m`` entry point: the refusal as one line on stderr and exit status 2, no traceback."""
    import sys

    try:
        require(work, what)
    except MissingExtraError as exc:
        print(f"kzict: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
