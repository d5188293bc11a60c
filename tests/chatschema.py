"""Chat requests as a test server sees them, and answers that fit the schema they ask for.

JSON_SCHEMA mode puts the response model's JSON Schema in `response_format`; the
article's sentences are `[n] text` lines of the user message.
"""

from __future__ import annotations

import re
from typing import Any


def resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def minimal_instance(schema: dict[str, Any], root: dict[str, Any] | None = None) -> Any:
    """The smallest value a JSON Schema accepts (required fields only, shortest lists)."""
    root = root or schema
    schema = resolve(schema, root)
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [o for o in schema[key] if resolve(o, root).get("type") != "null"] or schema[key]
            return minimal_instance(options[0], root)
    kind = schema.get("type", "object")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: minimal_instance(props[name], root) for name in schema.get("required", [])}
    if kind == "array":
        return [minimal_instance(schema.get("items", {}), root) for _ in range(schema.get("minItems", 0))]
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if kind == "boolean":
        return False
    return "x" * schema.get("minLength", 0)


def response_schema(body: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema a chat request asks the answer to follow (JSON_SCHEMA mode)."""
    return ((body.get("response_format") or {}).get("json_schema") or {}).get("schema") or {}


def user_text(body: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content", "")) for m in body.get("messages", []) if m.get("role") == "user")


def shown_sentences(body: dict[str, Any]) -> dict[int, str]:
    """The numbered sentences of the article as the prompt shows them: `[n] text` lines."""
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"(?m)^\[(\d+)\] (.*)$", user_text(body))}


def minimal_answer(body: dict[str, Any]) -> Any:
    return minimal_instance(response_schema(body))
