"""One codec for referrals: dataclasses <-> plain data.

Plain data is what rows and JSON are made of: dicts, lists, strings, numbers,
None, and dates (JSON writes them as ISO text; `from_plain` reads both). The
store's rows and the outbox's files are both built from `to_plain` and read
back with `from_plain`, so a field added to the model needs no mapping code.
"""

from __future__ import annotations

import json
import types
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


def to_plain(value: Any) -> Any:
    """Dataclasses as dicts of their fields, enums as their values, tuples as
    lists; dates and everything else as they are."""
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: to_plain(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    return value


def from_plain(kind: type[T], data: Any) -> T:
    """The `kind` that `to_plain` made `data` of. Keys the dataclass does not
    have are ignored; fields missing from `data` take their defaults."""
    return _decode(kind, data)  # type: ignore[no-any-return]


def _decode(kind: Any, data: Any) -> Any:
    origin = get_origin(kind)
    if data is None:
        return None
    if origin in (Union, types.UnionType):
        (inner,) = [arg for arg in get_args(kind) if arg is not type(None)]
        return _decode(inner, data)
    if origin is tuple:
        return tuple(_decode(get_args(kind)[0], item) for item in data)
    if origin is dict:
        return dict(data)
    if is_dataclass(kind):
        typed = _typed_fields(kind)
        return kind(**{name: _decode(hint, data[name]) for name, hint in typed if name in data})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is datetime:
        return data if isinstance(data, datetime) else datetime.fromisoformat(data)
    if kind is date:
        return data if isinstance(data, date) else date.fromisoformat(data)
    return data


@cache
def _typed_fields(kind: type) -> tuple[tuple[str, Any], ...]:
    """Each field's name and resolved type: `get_type_hints` evaluates every
    annotation's text, a third of reading a referral back when done per row."""
    hints = get_type_hints(kind)
    return tuple((field.name, hints[field.name]) for field in fields(kind))


def to_json(value: Any) -> str:
    """`to_plain`, as JSON text with dates in ISO form."""
    return json.dumps(to_plain(value), default=_iso)


def from_json(kind: type[T], text: str) -> T:
    return from_plain(kind, json.loads(text))


def _iso(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not plain data")
