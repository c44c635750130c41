"""``kiosk validate``: report format, JSON, --strict and exit codes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from factories import (
    exhibit_text,
    image_item,
    line_of,
    make_site,
    tmap,
    valid_exhibit,
    valid_site,
)

from kiosk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path / "exhibits")
    summary = f"1 exhibit, 4 languages: 0 errors, 0 warnings (checked {root})\n"
    assert run(capsys, str(root)) == (0, summary, "")


def test_errors_then_warnings_relative_to_the_parent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(
        tmp_path / "exhibits",
        {
            "alpha": valid_exhibit(order="x", title={"uz": "Alfa"}),
            "beta": valid_exhibit(id="beta", order="20"),
        },
    )
    text = exhibit_text(root)
    code, out, _ = run(capsys, str(root))
    assert code == 1
    assert out.splitlines() == [
        f"exhibits/alpha/exhibit.yaml:{line_of(text, 'order:')}:8: "
        "order 'x' must be a whole number from 0 to 999999, like \"20\"",
        f"exhibits/alpha/exhibit.yaml:{line_of(text, 'uz: Alfa')}:3: "
        "warning: missing translation for 'title': az, ru, en",
        f"2 exhibits, 4 languages: 1 error, 1 warning (checked {root})",
    ]


def test_errors_come_first_then_warnings_each_in_file_and_line_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Errors first, so that a long list of missing translations never buries one; each
    kind top to bottom, file by file: the site file first, alpha's before beta's."""
    site = valid_site()
    site["idle"]["still_there_after"] = "1e12"
    root = make_site(
        tmp_path / "exhibits",
        {
            "alpha": valid_exhibit(title={"uz": "Alfa"}, gallery=[image_item("x.jpg")]),
            "beta": valid_exhibit(id="beta", order="x"),
        },
        site,
    )
    code, out, _ = run(capsys, str(root))
    assert code == 1
    lines = out.splitlines()
    where = [line.split(": ")[0] for line in lines[:-1]]
    alpha = exhibit_text(root)
    site_text = (root / "kiosk.yaml").read_text(encoding="utf-8")
    assert where == [
        f"exhibits/kiosk.yaml:{line_of(site_text, 'still_there_after:')}:22",
        f"exhibits/alpha/exhibit.yaml:{line_of(alpha, 'file: x.jpg')}:9",
        f"exhibits/beta/exhibit.yaml:{line_of(exhibit_text(root, 'beta'), 'order:')}:8",
        f"exhibits/alpha/exhibit.yaml:{line_of(alpha, 'uz: Alfa')}:3",
    ]
    assert "warning" not in "".join(lines[:3]) and "warning: missing translation" in lines[3]


def test_relative_dir_is_shown_as_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path / "content", {"alpha": valid_exhibit(title={"uz": "A", "ru": "A"})})
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "content")
    assert code == 0
    assert out.splitlines()[0].startswith("content/alpha/exhibit.yaml:4:3: warning: ")


def test_strict_turns_warnings_into_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(tmp_path / "exhibits", {"alpha": valid_exhibit(subtitle={"uz": "x"})})
    code, out, _ = run(capsys, "--strict", str(root))
    assert code == 1
    assert "warning:" not in out
    assert out.splitlines()[-1] == f"1 exhibit, 4 languages: 1 error, 0 warnings (checked {root})"


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = [{"label": tmap("L"), "value": {"uz": "v"}}]
    root = make_site(tmp_path / "exhibits", {"alpha": valid_exhibit(facts=facts)})
    code, out, _ = run(capsys, "--json", str(root))
    report = json.loads(out)
    assert code == 0
    assert report["valid"] is True
    assert report["folder"] == str(root)
    assert report["exhibits"] == 1
    assert report["languages"] == ["uz", "az", "ru", "en"]
    assert report["errors"] == []
    assert report["warnings"] == [
        {
            "path": "exhibits/alpha/exhibit.yaml",
            "line": line_of(exhibit_text(root), "uz: v"),
            "column": 5,
            "message": "missing translation for 'facts[1].value': az, ru, en",
        }
    ]
    assert len(report["version"]) == 64


def test_json_strict_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_site(tmp_path / "exhibits", {"alpha": valid_exhibit(id="Bad")})
    code, out, _ = run(capsys, "--json", "--strict", str(root))
    report = json.loads(out)
    assert code == 1
    assert (report["valid"], report["version"]) == (False, None)
    assert [e["message"] for e in report["errors"]] == [
        "id 'Bad' must use only lowercase letters a-z, digits and single '-'"
    ]


def a_file(folder: Path) -> Path:
    (folder / "file.txt").write_text("x", encoding="utf-8")
    return folder / "file.txt"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: folder / "nope", "no such folder"),
        (a_file, "not a folder"),
        (lambda folder: folder, "no kiosk.yaml in this folder; is it a kiosk content folder?"),
    ],
)
def test_usage_errors_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    message: str,
) -> None:
    target = make(tmp_path)
    code, out, err = run(capsys, str(target))
    assert (code, out) == (2, "")
    assert err == f"kiosk validate: {target}: {message}\n"


def test_default_dir_is_the_bundled_exhibits(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import kiosk.commands.args

    root = make_site(tmp_path / "exhibits")
    monkeypatch.setattr(kiosk.commands.args, "bundled_exhibits", lambda: root)
    summary = f"1 exhibit, 4 languages: 0 errors, 0 warnings (checked {root})\n"
    assert run(capsys) == (0, summary, "")  # says which folder "the default" was
