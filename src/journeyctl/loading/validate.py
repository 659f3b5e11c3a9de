"""Plain data -> a Journey or Catalog model, with Pydantic's errors mapped to file positions."""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from journeyctl.lint.rules.jc005_not_a_map_file import CHECK as NOT_A_MAP_FILE
from journeyctl.lint.rules.jc010_unknown_field import CHECK as UNKNOWN_FIELD
from journeyctl.lint.rules.jc011_missing_field import CHECK as MISSING_FIELD
from journeyctl.lint.rules.jc012_invalid_value import CHECK as INVALID_VALUE
from journeyctl.loading.locate import locate, semantic_path
from journeyctl.loading.source import Source
from journeyctl.problems import FILE_START, Problem, did_you_mean
from journeyctl.schema import DEFAULT_CHANNELS, FORMAT_VERSION, MODEL_BY_KIND, Account, Catalog, Journey
from journeyctl.schema.models import EMOTION_FORMS, MAX_ID_LENGTH

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "dict_type": "a mapping (key: value lines)",
    "date_type": "a date such as 2026-09-15",
    "date_from_datetime_inexact": "a date without a time",
}


def describe(value: Any) -> str:
    """A value as a map writer would name it."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"text {short!r}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def validate(
    source: Source, channels: Sequence[str] = DEFAULT_CHANNELS
) -> tuple[Journey | Catalog | Account | None, list[Problem]]:
    """Return (model or None, problems). A file without a `journeyctl:` key gives no model and one problem."""
    path, data = source.path, source.data

    def file_problem(message: str, loc=(), check=NOT_A_MAP_FILE, want_key=False) -> Problem:
        return Problem(path, locate(source.root, loc, want_key=want_key), check, message, semantic_path(data, loc))

    if data is None:
        return None, [
            Problem(
                path, FILE_START, NOT_A_MAP_FILE, "file is empty; a map file starts with 'journeyctl: 1' and 'kind:'"
            )
        ]
    if not isinstance(data, dict):
        # Not a map at all (a token file a symlink points to, say): say what it holds, never quote it.
        shape = "text" if isinstance(data, str) else "a list" if isinstance(data, list) else "a single value"
        return None, [
            file_problem(
                f"not a journeyctl map file: its top level is {shape}, not a mapping "
                "(journeyctl:, kind:, ...); its content is not shown"
            )
        ]
    if "journeyctl" not in data:
        return None, [
            file_problem(
                "not a journeyctl map file: no top-level 'journeyctl:' key" + did_you_mean_key(data, "journeyctl")
            )
        ]
    version = data["journeyctl"]
    if isinstance(version, str) and version.strip() == str(FORMAT_VERSION):
        return None, [
            file_problem(
                f"'journeyctl:' must be the number {FORMAT_VERSION}, not text; remove the quotes",
                ("journeyctl",),
                INVALID_VALUE,
            )
        ]
    if version != FORMAT_VERSION or isinstance(version, bool):
        return None, [
            file_problem(
                f"unsupported format version {version!r}; this journeyctl reads 'journeyctl: {FORMAT_VERSION}'",
                ("journeyctl",),
            )
        ]
    written = _version_text(source.root)
    if written != str(FORMAT_VERSION):  # 1.0 or 0x1 has the value 1, but is not how a version is written
        return None, [
            file_problem(
                f"write the format version as 'journeyctl: {FORMAT_VERSION}', not {written!r}",
                ("journeyctl",),
                INVALID_VALUE,
            )
        ]
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in MODEL_BY_KIND:
        if "kind" not in data:
            return None, [
                file_problem(f"missing 'kind:'; expected one of {', '.join(MODEL_BY_KIND)}", (), MISSING_FIELD)
            ]
        wrong = f"unknown kind {kind!r}" if isinstance(kind, str) else f"'kind:' holds {describe(kind)}"
        return None, [
            file_problem(
                f"{wrong}; expected one of {', '.join(MODEL_BY_KIND)}" + did_you_mean(kind, list(MODEL_BY_KIND)),
                ("kind",),
                INVALID_VALUE,
            )
        ]
    model_class = MODEL_BY_KIND[kind]
    try:
        model = model_class.model_validate(data, context={"channels": tuple(channels)})
    except ValidationError as error:
        return None, _problems_from(error, model_class, source)
    return model, []


def _version_text(root) -> str:
    """The `journeyctl:` value as written in the file."""
    return next(value.value for key, value in root.value if key.value == "journeyctl")


def did_you_mean_key(data: dict, wanted: str) -> str:
    keys = [key for key in data if isinstance(key, str)]
    match = difflib.get_close_matches(wanted, keys, n=1, cutoff=0.6)
    return f" (is {match[0]!r} a typo of {wanted!r}?)" if match else ""


MAX_SCHEMA_PROBLEMS = 100  # listed per file


def _problems_from(error: ValidationError, model_class: type[BaseModel], source: Source) -> list[Problem]:
    by_loc: dict[tuple, list[ErrorDetails]] = {}
    for item in error.errors(include_url=False):
        by_loc.setdefault(_data_loc(source.data, item["loc"]), []).append(item)
    problems = []
    for loc, items in list(by_loc.items())[: MAX_SCHEMA_PROBLEMS + 1]:
        # A union (text or a number) reports once per member: one line per value is enough.
        expected = [_EXPECTED[item["type"]] for item in items if item["type"] in _EXPECTED]
        if "a number" in expected:
            expected = [kind for kind in expected if kind != "a whole number"]
        problems.append(_problem(items[0], loc, model_class, source, " or ".join(dict.fromkeys(expected))))
    if len(by_loc) > MAX_SCHEMA_PROBLEMS:
        # Each problem's position is a walk of the file's nodes: listing 200,000 would take minutes.
        first_unlisted = problems.pop()
        problems.append(
            Problem(
                first_unlisted.path,
                first_unlisted.span,
                first_unlisted.check,
                f"{len(by_loc) - MAX_SCHEMA_PROBLEMS:,} more problems like these from here on are not "
                "listed; fix the ones above and lint again",
                first_unlisted.semantic_path,
            )
        )
    return problems


def _data_loc(data: Any, loc: tuple) -> tuple:
    """Drop the union-member names Pydantic adds to `loc`, keeping only real keys and indexes."""
    kept: list[str | int] = []
    value = data
    for step in loc:
        if step in EMOTION_FORMS:  # a tagged union's tag, not a key
            continue
        if isinstance(value, dict) and isinstance(step, str):
            kept.append(step)
            value = value.get(step)
        elif isinstance(value, list) and isinstance(step, int):
            kept.append(step)
            value = value[step] if 0 <= step < len(value) else None
        else:
            break
    return tuple(kept)


def _problem(
    item: ErrorDetails, loc: tuple, model_class: type[BaseModel], source: Source, expected_type: str
) -> Problem:
    error_type = item["type"]
    field = next((step for step in reversed(loc) if isinstance(step, str)), "value")
    if _per_persona_emotion(item["loc"]):  # `emotion: {champion: 5}`: name the persona and the field
        if error_type == "string_pattern_mismatch":
            message = f"persona id {field!r} in emotion may contain only lowercase letters, digits and dashes"
        elif error_type == "string_too_long":
            message = f"persona id in emotion is {len(field):,} characters long; at most {MAX_ID_LENGTH} are allowed"
        elif error_type == "too_short":
            message = "emotion per persona names no persona; give at least one (`champion: 1`) or one number"
        elif error_type in _EXPECTED:
            message = (
                f"wrong type for the emotion of {field!r}: expected a whole number, got {describe(item.get('input'))}"
            )
        else:
            message = f"the emotion of {field!r}, {item.get('input')!r}, is out of range: allowed -2 to 2"
        return Problem(source.path, locate(source.root, loc), INVALID_VALUE, message, semantic_path(source.data, loc))
    if error_type in _EXPECTED and field == "emotion":
        expected_type += " from -2 to 2, or a mapping of persona ids to one (`champion: 1`)"
    value = item.get("input")
    context = item.get("ctx") or {}
    want_key = False
    if error_type == "extra_forbidden":
        check, want_key = UNKNOWN_FIELD, True
        allowed = _fields_at(model_class, loc[:-1])
        suggestion = did_you_mean(field, allowed)
        message = f"unknown field {field!r}" + (suggestion or f"; allowed here: {', '.join(allowed)}")
    elif error_type == "missing":
        check = MISSING_FIELD
        parent = semantic_path(source.data, loc[:-1]) or "the file"
        message = f"missing required field {field!r} in {parent}"
    elif error_type == "unknown_channel":
        check = INVALID_VALUE
        expected = context.get("expected", ())
        message = f"unknown channel {value!r}" + (
            did_you_mean(value, expected)
            or (
                f"; known channels: {', '.join(expected)} (a repository adds its own under 'channels:' in its configuration)"
            )
        )
    elif error_type in ("enum", "literal_error"):
        check = INVALID_VALUE
        expected = re.findall(r"'([^']*)'", str(context.get("expected", ""))) or re.findall(
            r"\d+", str(context.get("expected", ""))
        )
        message = f"invalid {field} {value!r}" + (f"; expected one of: {', '.join(expected)}" if expected else "")
        message += did_you_mean(value, expected)
    elif error_type in _EXPECTED:
        check = INVALID_VALUE
        message = f"wrong type for {field!r}: expected {expected_type}, got {describe(value)}"
    elif error_type in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        check = INVALID_VALUE
        bounds = _bounds_at(model_class, loc)
        if bounds:
            message = f"{field} {value!r} is out of range: allowed {bounds[0]} to {bounds[1]}"
        else:
            message = f"{field} {value!r} is out of range: {item['msg'][0].lower()}{item['msg'][1:]}"
    elif error_type == "string_pattern_mismatch":
        check = INVALID_VALUE
        message = f"{field} {value!r} may contain only lowercase letters, digits and dashes"
    elif error_type == "string_too_long":
        check = INVALID_VALUE
        message = (
            f"{field} is {len(value):,} characters long; at most {context.get('max_length')} are allowed "
            "(ids name files and links in every output)"
        )
    elif error_type == "string_too_short":
        check = INVALID_VALUE
        message = f"{field} must not be empty"
    else:
        check = INVALID_VALUE
        message = f"invalid {field}: {item['msg'][0].lower()}{item['msg'][1:]}"
    span = locate(source.root, loc, want_key=want_key)
    return Problem(source.path, span, check, message, semantic_path(source.data, loc))


def _per_persona_emotion(pydantic_loc: tuple) -> bool:
    return EMOTION_FORMS[1] in pydantic_loc


def _field_model(annotation: Any) -> Any:
    """The model inside `X`, `list[X]` or `X | None`, if any."""
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType) or origin is typing.Annotated:
        for argument in typing.get_args(annotation):
            found = _field_model(argument)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _model_at(model_class: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = model_class
    for step in loc:
        if isinstance(step, int):
            continue
        field = current.model_fields.get(step) if current else None
        if field is None:
            return None
        current = _field_model(field.annotation)
    return current


def _fields_at(model_class: type[BaseModel], loc: tuple) -> list[str]:
    model = _model_at(model_class, loc)
    return list(model.model_fields) if model else []


def _annotated_metadata(annotation: Any) -> list:
    """The metadata of `Annotated[X, ...]`, also inside `Annotated[X, ...] | None`."""
    if typing.get_origin(annotation) is typing.Annotated:
        return [*annotation.__metadata__, *_annotated_metadata(typing.get_args(annotation)[0])]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [meta for argument in typing.get_args(annotation) for meta in _annotated_metadata(argument)]
    return []


def _bounds_at(model_class: type[BaseModel], loc: tuple):
    model = _model_at(model_class, loc[:-1])
    if not model or not isinstance(loc[-1], str) or loc[-1] not in model.model_fields:
        return None
    field = model.model_fields[loc[-1]]
    low = high = None
    for meta in [*field.metadata, *_annotated_metadata(field.annotation)]:
        low = getattr(meta, "ge", low) if getattr(meta, "ge", None) is not None else low
        high = getattr(meta, "le", high) if getattr(meta, "le", None) is not None else high
    return (low, high) if low is not None and high is not None else None
