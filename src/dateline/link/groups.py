"""Pairs → groups: connected components, members in a stable order."""

from __future__ import annotations

from collections.abc import Iterable


class Components:
    """Union-find over document ids."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def add(self, a: str) -> None:
        self._parent.setdefault(a, a)

    def _root(self, a: str) -> str:
        parent = self._parent
        parent.setdefault(a, a)
        root = a
        while parent[root] != root:
            root = parent[root]
        while parent[a] != root:
            parent[a], a = root, parent[a]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def union_all(self, pairs: Iterable[tuple[str, str]]) -> Components:
        for a, b in pairs:
            self.union(a, b)
        return self

    def groups(self, min_size: int = 2) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for a in self._parent:
            out.setdefault(self._root(a), []).append(a)
        return [sorted(g) for g in out.values() if len(g) >= min_size]
