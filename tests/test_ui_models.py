"""The list models keep a view's place on a language switch and reset on new lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex

from kiosk.ui.models import RowsModel, tile_model

pytestmark = pytest.mark.usefixtures("qapp")


def _tiles(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"exhibitId": i, "title": t, "subtitle": "", "cover": ""} for i, t in pairs]


def _signals(model: RowsModel) -> list[str]:
    seen: list[str] = []
    model.dataChanged.connect(lambda *_: seen.append("changed"))
    model.modelReset.connect(lambda: seen.append("reset"))
    return seen


def test_tiles_in_another_language_change_in_place_and_other_exhibits_reset() -> None:
    model = tile_model()
    model.set_rows(_tiles(("a", "Muzey"), ("b", "Maktab")))
    seen = _signals(model)
    model.set_rows(_tiles(("a", "Музей"), ("b", "Школа")))  # the same exhibits in ru
    model.set_rows(_tiles(("b", "Школа"), ("a", "Музей")))  # another order
    assert seen == ["changed", "reset"]
    roles = {bytes(name.data()).decode(): role for role, name in model.roleNames().items()}
    assert set(roles) == {"exhibitId", "title", "subtitle", "cover"}
    first = model.index(0)
    assert model.data(first, roles["title"]) == "Школа"
    assert model.data(first, roles["exhibitId"]) == "b"
    assert model.data(first, 0) is None  # the display role is not one of them
    assert model.data(model.index(5), roles["title"]) is None
    assert model.rowCount() == 2 and model.rowCount(first) == 0


def test_rows_are_whole_rows_as_model_data_and_a_new_length_resets() -> None:
    model = RowsModel()
    model.set_rows([{"year": "1991"}, {"year": "1995"}])
    seen = _signals(model)
    model.set_rows([{"year": "1991-yil"}, {"year": "1995-yil"}])
    model.set_rows([{"year": "1991"}])
    assert seen == ["changed", "reset"]
    [(role, name)] = model.roleNames().items()
    assert bytes(name.data()) == b"modelData"
    assert model.data(model.index(0), role) == {"year": "1991"}
    assert model.data(QModelIndex(), role) is None
