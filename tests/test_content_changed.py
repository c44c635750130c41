"""Every file a curator edits, changed anywhere into anything: the load never raises.

``test_loader_hostile`` throws random text at an exhibit file, which almost never
parses far enough to reach the checks of single fields. Here a valid file (an
exhibit, ``kiosk.yaml``, a talk, ``places.yaml``) has one to three of its values
replaced, removed or added, at any depth, by values of every YAML type, the words of
the schema among them: each change reaches the check of the field it lands on.
Whatever comes in, the load ends with content or with errors naming a file of the
folder, and the line where the changed file is at fault; a talk with errors is left
out and the exhibits still load; what loads can be shown and given (every exhibit's
page data, every talk's playable steps and notes, the handout's parts).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.loader import load_content
from kiosk.content.model import ContentSet, Problem
from kiosk.content.talks import default_talk, step_notes
from kiosk.runtime import talk as t
from kiosk.ui import present
from kiosk.ui.handout_plan import handout_parts
from tests.factories import make_site, to_yaml, valid_exhibit, valid_site
from tests.test_talks import PLACES, valid_talk

WORDS = st.sampled_from(
    [
        *("alpha", "beta", "timeline", "map", "about", "home", "tashkent", "baku"),
        *("uz", "az", "ru", "en", "1", "0", "-1", "4", "99"),
        *("15 min", "1 h 30 min", "90 s", "0 min", "99 h", "10:45", "25:99", "00:00"),
        *("100", "125", "150", "125 %", "true", "yes", "null", "~", "", " "),
        *("41.26465", "69.21627", "-91", "181", "1e309", "nan", "<b>x</b>", "../alpha"),
    ]
)
SCALARS = st.one_of(
    WORDS,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(),
    st.text(max_size=40),
)
KEYS = st.one_of(
    st.sampled_from(
        [
            *("title", "steps", "duration", "ends_at", "notes", "text_size", "contrast"),
            *("exhibit", "image", "screen", "place", "places", "id", "name", "lat", "lon"),
            *("uz", "az", "ru", "en"),
        ]
    ),
    st.text(min_size=1, max_size=12),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=10,
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a document: a key of a mapping, an item of a list."""
    if path:
        yield path
    if isinstance(node, dict | list):
        for key, child in node.items() if isinstance(node, dict) else enumerate(node):
            yield from _paths(child, (*path, key))


@st.composite
def changed(draw: st.DrawFn, document: dict[str, Any]) -> Any:
    """``document`` with one to three values replaced, removed or added."""
    result: Any = to_copy(document)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = list(_paths(result))
        if not paths:
            return draw(VALUES)
        path = draw(st.sampled_from(paths))
        parent = result
        for key in path[:-1]:
            parent = parent[key]
        how = draw(st.sampled_from(["replace", "remove", "add"]))
        if how == "replace":
            parent[path[-1]] = draw(VALUES)
        elif how == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(KEYS)] = draw(VALUES)
        else:
            parent.insert(path[-1], draw(VALUES))
    return result


def to_copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: to_copy(value) for key, value in node.items()}
    if isinstance(node, list):
        return [to_copy(value) for value in node]
    return node


@pytest.fixture(scope="module")
def site() -> Iterator[Path]:
    """A site of two exhibits (a gallery picture each) and two places."""
    with tempfile.TemporaryDirectory() as folder:
        beta = valid_exhibit(id="beta", order="20")
        root = make_site(Path(folder) / "site", {"alpha": valid_exhibit(), "beta": beta})
        (root / "places.yaml").write_text(to_yaml(PLACES), encoding="utf-8")
        (root / "talks").mkdir()
        yield root


def _located(problems: tuple[Problem, ...], path: Path) -> None:
    """Every problem names ``path`` at a line and column."""
    for problem in problems:
        assert problem.path == path, str(problem)
        assert problem.line >= 1 and problem.column >= 1, str(problem)
        assert problem.message.strip(), str(problem)


def _in_folder(problems: tuple[Problem, ...], root: Path, changed: Path) -> None:
    """Every problem names a file of the folder (a changed id or language also finds
    fault with the files that use it), at a line where it is the changed file."""
    for problem in problems:
        assert problem.path.is_relative_to(root), str(problem)
        assert problem.message.strip(), str(problem)
        if problem.path == changed:
            assert problem.line >= 1 and problem.column >= 1, str(problem)


def _given(content: ContentSet) -> None:
    """What a load is used for: every exhibit's page in every language, as the screens
    and the handout take it; every talk as a presenter gives it (the steps that can
    show, each step's notes, the printed handout's parts with the notes)."""
    for language in content.site.language_codes:
        strings = present.strings(content, language)
        for exhibit in content.exhibits:
            present.exhibit_page(exhibit, language, strings)
    for talk in (*content.talks.values(), default_talk(content)):
        playable = t.playable(talk, content)
        for step in playable.steps:
            step_notes(content, step)
        handout_parts(content, playable, True)


SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(data=st.data())
def test_a_talk_changed_into_anything_is_loaded_or_left_out_with_its_line(
    site: Path, data: st.DataObject
) -> None:
    talk = data.draw(changed(valid_talk(steps=[*valid_talk()["steps"], {"screen": "map"}])))
    path = site / "talks" / "visit.yaml"
    path.write_text(to_yaml(talk), encoding="utf-8")
    result = load_content(site)
    assert result.content is not None, [str(p) for p in result.errors]  # never the exhibits
    assert result.errors == ()
    _located(result.left_out, path)
    assert ("visit" in result.content.talks) == (result.left_out == ())
    _given(result.content)


@SETTINGS
@given(data=st.data())
def test_places_changed_into_anything_load_or_are_errors_at_their_line(
    site: Path, data: st.DataObject
) -> None:
    shutil.rmtree(site / "talks")
    path = site / "places.yaml"
    try:
        path.write_text(to_yaml(data.draw(changed(PLACES))), encoding="utf-8")
        result = load_content(site)
        if result.content is None:
            assert result.errors, "no content and no error"
            _located(result.errors, path)
        else:
            _given(result.content)
    finally:
        path.write_text(to_yaml(PLACES), encoding="utf-8")
        (site / "talks").mkdir()


@pytest.mark.parametrize("where", ["exhibit", "kiosk.yaml"])
@SETTINGS
@given(data=st.data())
def test_an_exhibit_or_the_site_file_changed_into_anything_loads_or_is_located(
    site: Path, where: str, data: st.DataObject
) -> None:
    shutil.rmtree(site / "talks")
    if where == "exhibit":
        path, valid = site / "alpha" / "exhibit.yaml", valid_exhibit()
    else:
        path, valid = site / "kiosk.yaml", valid_site()
    try:
        path.write_text(to_yaml(data.draw(changed(valid))), encoding="utf-8")
        result = load_content(site)
        if result.content is None:
            assert result.errors, "no content and no error"
            _in_folder(result.errors, site, path)
        else:
            _in_folder(result.warnings, site, path)
            _given(result.content)
    finally:
        path.write_text(to_yaml(valid), encoding="utf-8")
        (site / "talks").mkdir()
