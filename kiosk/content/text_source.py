"""Where a text on a screen was written: the file and line of the curator's value.

``kiosk validate --screens`` finds the texts a screen cuts short by what Qt draws;
the curator fixes them in a YAML file. A shown text is the value as written (a title,
a caption), or a value with words around it (a number before a title): the value it
is, else the longest value it holds, names the place.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.yamlsafe import MappingNode, Node, ScalarNode, SequenceNode, read_yaml_file

Place = tuple[Path, int, int]  # file, 1-based line and column
SHORTEST_HELD = 12  # a shorter value inside a text names nothing ("ru", "2024")


class TextSources:
    """Every value of the YAML files under ``root``, by its words."""

    def __init__(self, root: Path) -> None:
        self._places: dict[str, Place] = {}
        for path in sorted(root.rglob("*.yaml")):
            if path.is_symlink() or not path.is_file():
                continue
            parsed = read_yaml_file(path)
            if parsed.root is not None:
                self._add(path, parsed.root)
        self._long = sorted(
            (words for words in self._places if len(words) >= SHORTEST_HELD),
            key=len,
            reverse=True,
        )

    def _add(self, path: Path, node: Node) -> None:
        stack = [node]
        while stack:
            node = stack.pop()
            if isinstance(node, ScalarNode):
                self._places.setdefault(_words(node.value), (path, node.line, node.column))
            elif isinstance(node, SequenceNode):
                stack.extend(reversed(node.items))
            elif isinstance(node, MappingNode):
                stack.extend(value for _, value in reversed(node.entries))

    def find(self, shown: str) -> Place | None:
        """Where ``shown`` was written, or None (a text of the kiosk's own)."""
        words = _words(shown)
        place = self._places.get(words)
        if place is not None:
            return place
        return next((self._places[value] for value in self._long if value in words), None)


def _words(text: str) -> str:
    """The text's words, however the file wrapped them."""
    return " ".join(text.split())
