"""Records as a pandas table: one row per item of one field, ready to filter, group and join.

pandas is an optional extra (`pip install "summarizer[frame]"`): nothing else in
the package needs it, so it is imported here, on use, with a clear error when absent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from summarizer.core.records import ExtractionRecord
from summarizer.errors import MissingExtra

if TYPE_CHECKING:
    import pandas

FIELDS = ("stances", "conditions", "red_lines", "participants")
# per field, its own columns, in the schema's order (core/schemas.py); evidence and holder have their own columns
OWN_COLUMNS = {
    "stances": ("topic", "polarity", "position", "attribution"),
    "conditions": ("conditions", "requirement"),
    "red_lines": ("line", "kind", "consequence", "explicit"),
    "participants": ("name", "kind", "role", "country", "aliases"),
}
COMMON = ("article", "source", "outlet", "date", "holder", "holder_name")
EVIDENCE = ("quote", "start", "end", "evidence_count")
TAIL = ("provider", "model")


def columns(field: str) -> list[str]:
    """The columns of `to_frame(records, field)`, in order."""
    return [*COMMON, *OWN_COLUMNS[field], *EVIDENCE, *TAIL]


def rows(records: Iterable[ExtractionRecord], field: str = "stances") -> list[dict[str, Any]]:
    """The table as plain dicts (no pandas needed): one per item, failed records contribute none."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}; one of: {', '.join(FIELDS)}")
    out = []
    for record in records:
        result = record.result or {}
        names = {p["id"]: p["name"] for p in result.get("participants") or []}
        prov = record.provenance
        for item in result.get(field) or []:
            holder = item["id"] if field == "participants" else item["holder"]
            first = (item.get("evidence") or [{}])[0]
            out.append({
                "article": record.article.id, "source": record.article.source, "outlet": record.article.meta.outlet,
                "date": record.article.meta.date, "holder": holder, "holder_name": names.get(holder),
                **{name: item.get(name) for name in OWN_COLUMNS[field]},
                "quote": first.get("quote"), "start": first.get("start"), "end": first.get("end"),
                "evidence_count": len(item.get("evidence") or []),
                "provider": prov.provider if prov else None, "model": prov.model if prov else None,
            })
    return out


def to_frame(records: Iterable[ExtractionRecord], field: str = "stances") -> "pandas.DataFrame":
    """One row per item of `field` (stances, conditions, red_lines, participants) across the records.

    Columns: article, source, outlet, date, holder (participant id), holder_name (when the record
    lists participants, as schema `all` does), the field's own columns, the first quote with its
    offsets (start, end) and how many quotes the item has, provider, model.
    """
    try:
        import pandas
    except ImportError:
        raise MissingExtra("to_frame needs pandas, which is not installed",
                           'pip install "summarizer[frame]" (or: pip install pandas)') from None
    return pandas.DataFrame(rows(records, field), columns=columns(field))
