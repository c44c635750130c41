"""``pyside6-qmllint`` reports nothing for any QML file of the kiosk, and no QML file
guards against data that arrives incomplete (``|| ""``, ``|| []``): the dicts from
``kiosk.ui.present`` have every key (``tests/test_present_schema.py``).

qmllint is the program ``pyside6-qmllint`` runs, shipped inside PySide6 itself, so a
fresh install (the README's) has it. It needs nothing from Python: the views are given
``kiosk`` as a ``required property var``, the sibling components are found in the same
folder, and Qt's own modules in PySide6's import path.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

QML = Path(__file__).resolve().parent.parent / "kiosk" / "ui" / "qml"

# Files still to clean (each a TODO): lint reports or guards are left in them. The
# test fails when one of them is clean, so the list only shrinks.
STILL_TO_CLEAN: set[str] = set()  # every file is clean; a file listed here must not be

# ``|| ""``, ``|| []``, ``|| null``, ``|| 0``, ``|| "#F7F3EA"``: a fallback for a value
# that may be missing (``a || b`` between two conditions is not one)
GUARD = re.compile(r'\|\|\s*(?:"[^"]*"|\[\s*\]|\{\s*\}|\(\{\s*\}\)|null|undefined|-?\d)')


def qmllint() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    program = folder / ("qmllint.exe" if sys.platform == "win32" else "qmllint")
    assert program.is_file(), f"PySide6 has no qmllint at {program}"
    return program


def lint(files: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """Each file's reports, of every level. ``--ignore-settings``: no ``.qmllint.ini``
    lying about may turn a warning off."""
    run = subprocess.run(
        [str(qmllint()), "--ignore-settings", "--json", "-", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.stdout, run.stderr
    found = {Path(f["filename"]).name: f["warnings"] for f in json.loads(run.stdout)["files"]}
    assert set(found) == {f.name for f in files}, run.stderr
    if run.returncode != 0:
        assert any(found.values()), run.stderr  # a failure with nothing to show for it
    return found


def shown(reports: list[dict[str, Any]]) -> list[str]:
    return [
        f"{r['line']}:{r['column']}: {r['message']} [{r.get('id', r['type'])}]" for r in reports
    ]


def guards(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"{n}: {line.strip()}" for n, line in enumerate(lines, 1) if GUARD.search(line)]


@pytest.fixture(scope="module")
def reports() -> dict[str, list[dict[str, Any]]]:
    return lint(sorted(QML.glob("*.qml")))


def test_qmllint_reports_nothing_and_no_file_guards_against_missing_data(
    reports: dict[str, list[dict[str, Any]]],
) -> None:
    assert len(reports) >= 40
    found = {
        name: shown(lint_reports) + guards(QML / name)
        for name, lint_reports in sorted(reports.items())
        if name not in STILL_TO_CLEAN
    }
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_each_file_still_to_clean_has_something_left_to_clean(
    reports: dict[str, list[dict[str, Any]]],
) -> None:
    """A file cleaned comes off the list, so the list says what is left."""
    assert set(reports) >= STILL_TO_CLEAN
    clean = [n for n in STILL_TO_CLEAN if not reports[n] and not guards(QML / n)]
    assert clean == []


def test_the_lint_finds_an_outer_id_used_in_a_delegate_and_a_guard(tmp_path: Path) -> None:
    """The check can fail: an unqualified outer id in a delegate (no ``pragma
    ComponentBehavior: Bound``), a model role read as a context property, a guard."""
    bad = tmp_path / "Bad.qml"
    bad.write_text(
        "import QtQuick\n"
        "Item {\n"
        "    id: root\n"
        "    property var page: ({})\n"
        "    Repeater {\n"
        "        model: 3\n"
        '        Text { text: root.page.title || ""; width: index * 10 }\n'
        "    }\n"
        "}\n",
        encoding="utf-8",
    )
    found = shown(lint([bad])["Bad.qml"])
    # ``root`` and ``index``, both on line 7
    assert sorted(line.split(":")[0] for line in found if "[unqualified]" in line) == ["7", "7"]
    assert guards(bad) == ['7: Text { text: root.page.title || ""; width: index * 10 }']
    good = tmp_path / "Good.qml"
    good.write_text(
        "pragma ComponentBehavior: Bound\n"
        "import QtQuick\n"
        "Item {\n"
        "    id: root\n"
        "    property var page: ({})\n"
        "    Repeater {\n"
        "        model: 3\n"
        "        Text {\n"
        "            required property int index\n"
        "            text: root.page.title\n"
        "            width: index * 10\n"
        "        }\n"
        "    }\n"
        "}\n",
        encoding="utf-8",
    )
    assert lint([good]) == {"Good.qml": []}
    assert guards(good) == []
