"""Reading kzict's hand-written YAML files (``corrections.yaml``, ``claims.yaml``) safely.

A size cap, UTF-8 only, PyYAML's safe constructors, and aliases refused (or, where a
file is written with them, capped in number): a malformed or hostile file is a
:class:`kzict.errors.RawDataError` naming the file and, where there is one, the key.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from kzict.errors import RawDataError

MAX_BYTES = 1_000_000
MAX_ALIASES = 500  # claims.yaml reuses its references by alias; nothing needs more
# The document as expanded (every alias written out), in nodes and characters: a few aliases of aliases
# can stand for a billion leaves (a "billion laughs"), which the alias count alone does not see.
MAX_EXPANDED_NODES = 200_000
MAX_EXPANDED_CHARS = 10 * MAX_BYTES


class _Checks(yaml.composer.Composer):
    """PyYAML's own composer (Python, so nesting deeper than its stack is a RecursionError, never a crash),
    with the alias and expansion caps."""

    allow_aliases = False
    aliases = 0

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            if not self.allow_aliases:
                raise yaml.composer.ComposerError(
                    None, None, f"alias *{event.anchor} refused: write the value out", event.start_mark
                )
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise yaml.composer.ComposerError(None, None, f"more than {MAX_ALIASES} aliases", event.start_mark)
        return super().compose_node(parent, index)

    def compose_document(self):  # type: ignore[no-untyped-def]
        node = super().compose_document()
        nodes, chars = _expanded(node, {})
        if nodes > MAX_EXPANDED_NODES or chars > MAX_EXPANDED_CHARS:
            raise yaml.composer.ComposerError(
                None, None, f"expands to {nodes:,} nodes and {chars:,} characters, over the caps", node.start_mark
            )
        return node


class _PyLoader(_Checks, yaml.SafeLoader):
    """PyYAML's safe loader, parsed in Python, with the checks above."""


if yaml.__with_libyaml__:

    class _CLoader(_Checks, yaml.CSafeLoader):
        """libyaml scans and parses (a tenth of the pure-Python time on statements.yaml, with its own nesting
        limit); composing and constructing stay PyYAML's, with the checks above."""

        def __init__(self, stream: str) -> None:
            yaml.CSafeLoader.__init__(self, stream)
            yaml.composer.Composer.__init__(self)  # the Python composer's state, which libyaml's loader leaves out

    _Loader: type = _CLoader
else:  # a PyYAML built without libyaml: the same checks, parsed in Python
    _Loader = _PyLoader


def _expanded(node, seen: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(nodes, characters) of ``node`` with every alias written out, each shared node counted once per use.

    Memoised by node: the cost is that of the document as written, not as expanded."""
    if id(node) in seen:
        return seen[id(node)]
    seen[id(node)] = (1, 0)  # a recursive alias counts once, not forever
    if isinstance(node, yaml.ScalarNode):
        size = (1, len(node.value))
    else:
        items = node.value if isinstance(node, yaml.SequenceNode) else [x for pair in node.value for x in pair]
        parts = [_expanded(child, seen) for child in items]
        size = (1 + sum(p[0] for p in parts), sum(p[1] for p in parts))
    seen[id(node)] = size
    return size


def load(path: Path, aliases: bool = False) -> Any:
    """The document of ``path``; ``aliases=True`` accepts up to ``MAX_ALIASES`` aliases."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RawDataError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise RawDataError(path, f"is larger than {MAX_BYTES:,} bytes; refused", found=len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RawDataError(path, f"is not UTF-8 text (byte {exc.start})") from None
    loader = _Loader(text)
    loader.allow_aliases = aliases
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(exc):  # libyaml's own limit: the same refusal as the stack's below
            raise RawDataError(path, "cannot be read as YAML (nested too deeply)") from None
        raise RawDataError(path, f"cannot be read as YAML ({' '.join(str(exc).split())})") from None
    except RecursionError:  # nesting deeper than the composer's stack: no hand-written file nests like that
        raise RawDataError(path, "cannot be read as YAML (nested too deeply)") from None
    finally:
        loader.dispose()


def require(path: Path, value: Any, kind: type | tuple[type, ...], key: str) -> Any:
    """``value`` if it is of ``kind``, else an error naming the file and ``key``."""
    if not isinstance(value, kind) or isinstance(value, bool) and bool not in _kinds(kind):
        names = " or ".join(k.__name__ for k in _kinds(kind))
        raise RawDataError(path, f"{key}: expected a {names}", found=type(value).__name__)
    return value


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def finite(path: Path, value: Any, key: str) -> Any:
    """``value`` unless it is a non-finite number (``.nan``, ``.inf``), which no record may hold."""
    number = value
    if isinstance(value, str):  # "1e400" is a number too, once a column's parser reads it
        try:
            number = float(value)
        except ValueError:
            return value
    if isinstance(number, float) and not math.isfinite(number):
        raise RawDataError(path, f"{key}: non-finite number refused", found=value)
    return value


def plain_text(path: Path, value: Any, key: str) -> Any:
    """``value`` unless it is text a spreadsheet would run or hide (the raw-cell rules of kzict.readers.guard)."""
    from kzict.readers.guard import text_value

    if isinstance(value, str):
        try:
            text_value(value)
        except ValueError as exc:
            raise RawDataError(path, f"{key}: {exc}", found=value) from None
    return value
