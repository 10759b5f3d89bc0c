"""Reading fields of decoded JSON objects, shared by the JSON-lines and Daybook JSON
importers: one error type and one wording for wrong types."""

from __future__ import annotations


class FieldError(Exception):
    """A problem with one object; the importer turns it into an ImportFormatError with
    the file and line."""


def kind(value: object) -> str:
    """How a JSON value is named in messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def text_field(obj: dict[str, object], key: str) -> str:
    """An optional string field; "" when absent or null."""
    value = obj.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldError(f"'{key}' must be a string, found {kind(value)}")
    return value


def string_list(value: object, key: str = "tags") -> list[str]:
    """An optional list of strings; [] when absent or null."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError(f"'{key}' must be a list of strings, found {kind(value)}")
    for item in value:
        if not isinstance(item, str):
            raise FieldError(f"'{key}' must be a list of strings, found {kind(item)} in it")
    return list(value)
