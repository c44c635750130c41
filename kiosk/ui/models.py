"""List models for QML views: the home tiles and the timeline.

A language switch changes the rows in place (``dataChanged``), so a view keeps its
scroll position and current item; only a different list (other exhibits, another
length) resets the model. A JavaScript array would rebuild the view from the top.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)

from kiosk.ui import present

_Index = QModelIndex | QPersistentModelIndex
# Qt.ItemDataRole values, fixed by Qt's API. Spelled out because the first use of
# PySide's ``Qt`` namespace builds a hundred Python enums (12 ms) before the first
# frame; the key map (kiosk.ui.keys) imports it on the first key press instead.
_DISPLAY_ROLE = 0
_FIRST_ROLE = 0x0100 + 1  # Qt.UserRole + 1


class RowsModel(QAbstractListModel):
    """Rows of dicts. Without ``roles`` each row is one ``modelData`` role; with them,
    each named key is a role of its own (``required property string title``).
    ``key`` names the field that says two lists hold the same rows (default: same
    length)."""

    def __init__(
        self, parent: QObject | None = None, *, roles: tuple[str, ...] = (), key: str = ""
    ) -> None:
        super().__init__(parent)
        self._roles = roles or ("modelData",)
        self._whole_row = not roles
        self._key = key
        self._rows: Sequence[Mapping[str, Any]] = []

    def roleNames(self) -> dict[int, QByteArray]:
        return {_FIRST_ROLE + i: QByteArray(name.encode()) for i, name in enumerate(self._roles)}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = _DISPLAY_ROLE) -> Any:
        offset = role - _FIRST_ROLE
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= offset < len(self._roles):
            return None
        row = self._rows[index.row()]
        return row if self._whole_row else row[self._roles[offset]]

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows and self._same_rows(rows):
            self._rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def _same_rows(self, rows: Sequence[Mapping[str, Any]]) -> bool:
        if not self._key:
            return len(rows) == len(self._rows)
        return [r[self._key] for r in rows] == [r[self._key] for r in self._rows]


def tile_model(parent: QObject | None = None) -> RowsModel:
    """Home tiles: the same exhibits in another language keep the grid's scroll."""
    return RowsModel(parent, roles=tuple(present.Tile.__annotations__), key="exhibitId")
