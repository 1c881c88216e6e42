"""Vega-Lite specifications made with altair on the server; vega-embed draws them in the page."""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import altair as alt


def _unit(days: list[str]) -> tuple[str, str]:
    """Weeks for a short span, months for a long one."""
    try:
        first, last = dt.date.fromisoformat(min(days)[:10]), dt.date.fromisoformat(max(days)[:10])
    except ValueError:
        return "yearmonth", "month"
    return ("yearweek", "week") if (last - first).days <= 180 else ("yearmonth", "month")


@functools.lru_cache(maxsize=None)
def _timeline_spec(unit: str, label: str) -> str:
    """The timeline's spec without its rows, as JSON: altair builds it once per unit (building it
    cost more than the rest of the page)."""
    chart = (
        alt.Chart(alt.Data(values=[]))
        .mark_bar()
        .encode(
            x=alt.X(f"{unit}(day):T", title=label),
            y=alt.Y("sum(n):Q", title="statements and events"),
            color=alt.Color("channel:N", title="channel"),
            tooltip=[alt.Tooltip(f"{unit}(day):T", title=label), "channel:N", alt.Tooltip("sum(n):Q", title="count")],
        )
        .properties(width="container", height=220)
    )
    return json.dumps(chart.to_dict(validate=False))  # the spec is ours; validating it cost more than the page


def timeline(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Statements and events per week or month, coloured by channel ("event" for events)."""
    rows = [r for r in rows if r.get("day")]
    if not rows:
        return None
    spec = json.loads(_timeline_spec(*_unit([r["day"] for r in rows])))
    spec["data"] = {"values": rows}
    return spec


@functools.lru_cache(maxsize=None)
def _story_spec() -> str:
    """The story chart's spec without its rows or height, as JSON (altair builds it once)."""
    chart = (
        alt.Chart(alt.Data(values=[]))
        .mark_point(filled=True, size=80)
        .encode(
            x=alt.X("published:T", title="published"),
            y=alt.Y("outlet:N", title=None),
            tooltip=["title:N", "outlet:N", "published:T"],
        )
        .properties(width="container", height=80)
    )
    return json.dumps(chart.to_dict(validate=False))


def story_times(docs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A story's articles: one point per article, by outlet and publication time."""
    values = [{"outlet": d.get("outlet") or "unknown", "published": d["published"], "title": d.get("title") or ""}
              for d in docs if d.get("published")]
    if not values:
        return None
    spec = json.loads(_story_spec())
    spec["data"] = {"values": values}
    spec["height"] = max(80, 28 * len({v["outlet"] for v in values}))
    return spec


def embed(spec: dict[str, Any] | None) -> str | None:
    """The spec as JSON safe inside a <script type="application/json"> element."""
    if spec is None:
        return None
    return json.dumps(spec).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
