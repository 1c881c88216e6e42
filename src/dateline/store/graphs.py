"""Graphs as files Gephi and networkx open: GraphML and GEXF 1.3, written with the standard library.

``write(graph, fmt)`` takes ``{"nodes": [{"id", ...attributes}], "edges": [{"source", "target",
...attributes}]}`` (what ``spread()`` returns, or :func:`network_graph` of the network table)
and returns the XML text. Attributes that are str, int, float or bool become typed GraphML keys
and GEXF attributes; others are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

FORMATS = ("graphml", "gexf")

_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GEXF_NS = "http://gexf.net/1.3"


def _kind(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    return None


def _attributes(items: Iterable[dict[str, Any]], skip: tuple[str, ...]) -> dict[str, str]:
    """Name → type of every attribute (the first type seen wins; a clash makes it a string)."""
    out: dict[str, str] = {}
    for item in items:
        for k, v in item.items():
            if k in skip or v is None:
                continue
            t = _kind(v)
            if t is None:
                continue
            if k in out and out[k] != t:
                out[k] = "string"
            else:
                out.setdefault(k, t)
    return out


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write(graph: dict[str, Any], fmt: str) -> str:
    if fmt == "graphml":
        return graphml(graph)
    if fmt == "gexf":
        return gexf(graph)
    raise ValueError(f"unknown graph format {fmt!r}: use {' or '.join(FORMATS)}")


def graphml(graph: dict[str, Any]) -> str:
    nodes, edges = graph["nodes"], graph["edges"]
    root = ET.Element("graphml", xmlns=_GRAPHML_NS)
    node_attrs = _attributes(nodes, ("id", "children"))
    edge_attrs = _attributes(edges, ("source", "target"))
    for scope, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        for name, kind in attrs.items():
            ET.SubElement(root, "key", {"id": f"{scope[0]}_{name}", "for": scope, "attr.name": name,
                                        "attr.type": kind})
    g = ET.SubElement(root, "graph", id="G", edgedefault="directed")
    for n in nodes:
        el = ET.SubElement(g, "node", id=str(n["id"]))
        for name in node_attrs:
            if n.get(name) is not None and _kind(n[name]):
                ET.SubElement(el, "data", key=f"n_{name}").text = _text(n[name])
    for i, e in enumerate(edges):
        el = ET.SubElement(g, "edge", id=f"e{i}", source=str(e["source"]), target=str(e["target"]))
        for name in edge_attrs:
            if e.get(name) is not None and _kind(e[name]):
                ET.SubElement(el, "data", key=f"e_{name}").text = _text(e[name])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_GEXF_TYPES = {"string": "string", "long": "long", "double": "double", "boolean": "boolean"}


def gexf(graph: dict[str, Any]) -> str:
    nodes, edges = graph["nodes"], graph["edges"]
    root = ET.Element("gexf", xmlns=_GEXF_NS, version="1.3")
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "dateline"
    g = ET.SubElement(root, "graph", defaultedgetype="directed", mode="static")
    node_attrs = _attributes(nodes, ("id", "children", "label"))
    edge_attrs = _attributes(edges, ("source", "target", "weight"))
    for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        if attrs:
            el = ET.SubElement(g, "attributes", {"class": cls})
            for i, (name, kind) in enumerate(attrs.items()):
                ET.SubElement(el, "attribute", id=f"{cls[0]}{i}", title=name, type=_GEXF_TYPES[kind])
    node_ids = {name: f"n{i}" for i, name in enumerate(node_attrs)}
    edge_ids = {name: f"e{i}" for i, name in enumerate(edge_attrs)}
    nodes_el = ET.SubElement(g, "nodes")
    for n in nodes:
        el = ET.SubElement(nodes_el, "node", id=str(n["id"]), label=str(n.get("label") or n["id"]))
        _values(el, n, node_ids)
    edges_el = ET.SubElement(g, "edges")
    for i, e in enumerate(edges):
        attrs = {"id": str(i), "source": str(e["source"]), "target": str(e["target"])}
        if isinstance(e.get("weight"), (int, float)) and not isinstance(e.get("weight"), bool):
            attrs["weight"] = str(e["weight"])
        el = ET.SubElement(edges_el, "edge", attrs)
        _values(el, e, edge_ids)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _values(el: ET.Element, item: dict[str, Any], ids: dict[str, str]) -> None:
    present = [(ids[k], item[k]) for k in ids if item.get(k) is not None and _kind(item[k])]
    if present:
        vals = ET.SubElement(el, "attvalues")
        for fid, v in present:
            ET.SubElement(vals, "attvalue", {"for": fid, "value": _text(v)})


def network_graph(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Rows of the ``network`` table (store/tables.py) → nodes and edges for :func:`write`."""
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for r in rows:
        for name in (r["source"], r["target"]):
            nodes.setdefault(name, {"id": name, "label": name})
        edges.append({k: v for k, v in r.items() if v is not None})
    return {"nodes": list(nodes.values()), "edges": edges}
