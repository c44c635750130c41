"""Code kept compiled from one start to the next (``kiosk.runtime.kept_code``).

The unit tests call ``compile`` as PySide's importer does, with made-up sources under
``shibokensupport/``; the last tests import PySide itself in fresh interpreters.
"""

from __future__ import annotations

import builtins
import json
import logging
import marshal
import re
import subprocess
import sys
from pathlib import Path
from types import CodeType
from typing import Any

import pytest

from kiosk.runtime import kept_code
from kiosk.runtime.kept_code import cached
from tests import process

NAME = "shibokensupport/signature/example.py"
SOURCE = b"def answer() -> int:\n    return 42\n"


def _compile_like_pyside(source: bytes, name: str = NAME) -> CodeType:
    """What PySide's importer does with each of its files (``compile(src, name, "exec")``)."""
    return compile(source, name, "exec")


def _run(code: CodeType) -> dict[str, Any]:
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    return namespace


def test_a_second_start_is_answered_from_the_kept_code(tmp_path: Path) -> None:
    kept = tmp_path / "cache" / kept_code.PYSIDE_FILE
    with cached(kept) as first:
        code = _compile_like_pyside(SOURCE)
    assert first.compiled == [NAME] and first.answered == []
    assert kept.exists()  # the folder is made

    with cached(kept) as second:
        again = _compile_like_pyside(SOURCE)
    assert second.answered == [NAME] and second.compiled == []
    assert again == code
    assert _run(again)["answer"]() == 42


def test_a_changed_source_is_compiled_again_and_kept_in_place_of_the_old(
    tmp_path: Path,
) -> None:
    kept = tmp_path / kept_code.PYSIDE_FILE
    with cached(kept):
        _compile_like_pyside(SOURCE)
    changed = SOURCE.replace(b"42", b"43")
    with cached(kept) as upgraded:
        code = _compile_like_pyside(changed)
    assert upgraded.compiled == [NAME]
    assert _run(code)["answer"]() == 43
    with cached(kept) as later:
        _compile_like_pyside(changed)
    assert later.answered == [NAME]


def test_nothing_is_written_when_everything_was_answered(tmp_path: Path) -> None:
    kept = tmp_path / kept_code.PYSIDE_FILE
    with cached(kept):
        _compile_like_pyside(SOURCE)
    kept.write_bytes(kept.read_bytes())  # a known modification time
    written = kept.stat().st_mtime_ns
    with cached(kept) as later:
        _compile_like_pyside(SOURCE)
    assert later.answered == [NAME]
    assert kept.stat().st_mtime_ns == written


def test_every_other_compile_goes_through_untouched(tmp_path: Path) -> None:
    kept = tmp_path / kept_code.PYSIDE_FILE
    with cached(kept) as support:
        assert eval(compile("6 * 7", "<string>", "eval")) == 42
        compile(SOURCE, "kiosk/other.py", "exec")
        compile("x = 1", NAME, "single")
        compile(SOURCE, NAME, "exec", 0, True)  # named flags: not PySide's call
        compile(SOURCE, NAME, "exec", dont_inherit=True)
    assert support.compiled == [] and support.answered == []
    assert not kept.exists()


def test_compile_is_given_back_when_the_import_fails(tmp_path: Path) -> None:
    original = builtins.compile
    with pytest.raises(ImportError), cached(tmp_path / kept_code.PYSIDE_FILE):
        assert builtins.compile is not original
        raise ImportError("PySide missing")
    assert builtins.compile is original


def test_the_callers_future_flags_make_the_code_as_pythons_compile_would(
    tmp_path: Path,
) -> None:
    """``compile`` takes its caller's ``__future__`` imports; PySide's importer has
    ``annotations``. Kept code must be what that caller would have got, each kind kept
    apart."""
    source = b"def f(x: undefined_name) -> None:\n    pass\n"
    plain = "def call(source, name):\n    return compile(source, name, 'exec')\n"
    lazy = "from __future__ import annotations\n" + plain
    callers = {}
    for label, text in (("plain", plain), ("lazy", lazy)):
        namespace: dict[str, object] = {}
        exec(compile(text, f"<{label}>", "exec", dont_inherit=True), namespace)
        callers[label] = namespace["call"]
    expected = {label: call(source, NAME) for label, call in callers.items()}  # type: ignore[operator]
    assert expected["plain"] != expected["lazy"]

    kept = tmp_path / kept_code.PYSIDE_FILE
    for _ in range(2):  # compiled, then answered
        with cached(kept):
            made = {label: call(source, NAME) for label, call in callers.items()}  # type: ignore[operator]
        assert made == expected
    _run(made["lazy"])  # the annotation is never evaluated
    with pytest.raises(NameError):
        _run(made["plain"])


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00not marshal at all",
        marshal.dumps((1, "2.7.18 (another Python)", {})),
        marshal.dumps((99, sys.version, {})),
        marshal.dumps(["a list, not the layout"]),
    ],
    ids=["empty", "damaged", "another Python", "another layout", "another shape"],
)
def test_a_file_that_cannot_be_used_is_as_good_as_none(tmp_path: Path, content: bytes) -> None:
    kept = tmp_path / kept_code.PYSIDE_FILE
    kept.write_bytes(content)
    with cached(kept) as support:
        code = _compile_like_pyside(SOURCE)
    assert support.compiled == [NAME]
    assert _run(code)["answer"]() == 42
    with cached(kept) as later:  # and it is replaced by a good one
        _compile_like_pyside(SOURCE)
    assert later.answered == [NAME]


def test_a_folder_that_cannot_be_written_costs_the_compile_and_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    kept = blocker / kept_code.PYSIDE_FILE
    with caplog.at_level(logging.INFO, logger="kiosk.runtime.kept_code"):
        for _ in range(2):
            with cached(kept) as support:
                code = _compile_like_pyside(SOURCE)
            assert support.compiled == [NAME]
            assert _run(code)["answer"]() == 42
    assert "not kept" in caplog.text and str(kept) in caplog.text
    assert list(tmp_path.iterdir()) == [blocker]  # no temporary file left behind


PATTERNS: list[tuple[Any, int, Any, tuple[Any, ...]]] = [
    (r"(?P<name>\w+)\s*=\s*(?P<value>\d+)", 0, "width = 1920", ("width", "1920")),
    (
        r"""
        \b (typing\.)? (List|Dict) \[ (?P<inner> [^\]]+ ) \]   # a container
        """,
        re.VERBOSE | re.IGNORECASE,
        "x: list[int]",
        ("list", "int"),
    ),
    (rb"^\xff\xd8(?P<marker>\xff.)", 0, b"\xff\xd8\xff\xe0", (b"\xff\xe0",)),
    ("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff]", 0, "tab\tok\x00", ("\x00",)),
]


def _pattern_facts(pattern: re.Pattern[Any], sample: Any) -> tuple[Any, ...]:
    found = pattern.search(sample)
    assert found is not None
    return (
        pattern.pattern,
        pattern.flags,
        pattern.groups,
        dict(pattern.groupindex),
        found.span(),
        found.groupdict(),
    )


def test_a_regular_expression_made_inside_is_kept_and_made_again_the_same(
    tmp_path: Path,
) -> None:
    kept = tmp_path / kept_code.PYSIDE_FILE
    expected = []
    for text, flags, sample, _ in PATTERNS:
        re.purge()
        expected.append(_pattern_facts(re.compile(text, flags), sample))
    for round_ in ("compiled", "answered"):
        re.purge()  # so that ``re`` asks its compiler, as a new process does
        with cached(kept) as support:
            made = [re.compile(text, flags) for text, flags, _, _ in PATTERNS]
        facts = [
            _pattern_facts(p, sample) for p, (_, _, sample, _) in zip(made, PATTERNS, strict=True)
        ]
        assert facts == expected, round_
        for pattern, (_, _, sample, groups) in zip(made, PATTERNS, strict=True):
            found = pattern.search(sample)
            assert found is not None
            assert (found.group(0), *found.groups())[-len(groups) :] == groups
        if round_ == "compiled":
            assert len(support.patterns_compiled) == len(PATTERNS)
        else:
            assert len(support.patterns_answered) == len(PATTERNS)
            assert support.patterns_compiled == []
    re.purge()


def test_a_kept_regular_expression_that_python_refuses_is_compiled_again(
    tmp_path: Path,
) -> None:
    kept = tmp_path / kept_code.PYSIDE_FILE
    text, flags, sample, _ = PATTERNS[0]
    re.purge()
    with cached(kept):
        expected = _pattern_facts(re.compile(text, flags), sample)
    layout, version, code, patterns = marshal.loads(kept.read_bytes())
    key = next(iter(patterns))
    broken = list(patterns[key])
    broken[1] = [9999, 1, 2, 3]  # no opcode: _sre checks the code it is given
    patterns[key] = tuple(broken)
    kept.write_bytes(marshal.dumps((layout, version, code, patterns)))
    re.purge()
    with cached(kept) as support:
        again = re.compile(text, flags)
    assert support.patterns_answered == [] and support.patterns_compiled == [text]
    assert _pattern_facts(again, sample) == expected
    re.purge()


# In a fresh interpreter: PySide's first import under ``cached``, then what its
# signature support does (a wrong call's message lists the signatures it parsed).
PROBE = """
import json, sys
from pathlib import Path
from kiosk.runtime.kept_code import cached
with cached(Path(sys.argv[1])) as support:
    from PySide6 import QtCore
try:
    QtCore.QObject().setObjectName(1)
except TypeError as error:
    message = str(error)
print(json.dumps({"compiled": support.compiled, "answered": support.answered,
                  "patterns": [len(support.patterns_compiled), len(support.patterns_answered)],
                  "message": message,
                  "modules": sorted(m for m in sys.modules if m.startswith("shibokensupport"))}))
"""


def test_pysides_support_modules_are_compiled_by_the_first_start_and_kept_for_the_next(
    tmp_path: Path,
) -> None:
    kept = tmp_path / kept_code.PYSIDE_FILE
    seen = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", PROBE, str(kept)],
            env=process.environment(),
            capture_output=True,
            text=True,
            check=True,
        )
        seen.append(json.loads(done.stdout))
    first, second = seen
    assert {"shibokensupport/signature/loader.py", "signature_bootstrap.py"} <= set(
        first["compiled"]
    )
    assert len(first["compiled"]) >= 10 and first["answered"] == []
    assert second["compiled"] == []
    assert first["patterns"][0] >= 3 and second["patterns"] == [0, first["patterns"][0]]
    assert sorted(second["answered"]) == sorted(first["compiled"])
    assert "Supported signatures:" in first["message"] and "name: str" in first["message"]
    assert second["message"] == first["message"]
    assert second["modules"] == first["modules"]
