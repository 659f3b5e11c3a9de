"""Default factories of the models' list and dict fields: Python functions, not `list` and `dict`.

Pydantic asks each default factory for its signature (does it take the validated data?) when
it builds a validator. For the builtins that means parsing their text signature with the
tokenizer: about 20 ms for the first and 1 ms for each after, in every run of journeyctl, where
a Python function answers at once (docs/development.md, "Speed"; tests/test_startup.py checks
that every model field uses these).
"""

from __future__ import annotations

from typing import Any


def empty_list() -> list[Any]:
    return []


def empty_dict() -> dict[Any, Any]:
    return {}
