"""What a load of the content costs wherever it runs: in the first start's child
process (``kiosk.runtime.prefetch``: its CPU slows the kiosk's own start on the other
core), in a running kiosk's reload and in ``kiosk validate``.

Each case loads the bundled exhibits in a fresh interpreter, as the child does: what a
case forbids could otherwise have been imported or made by an earlier test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from tests.process import REPO

PROBE = r"""
import json, sys
from pathlib import Path
from kiosk.content.imagerecord import ImageChecks
from kiosk.content.loader import load_content
from kiosk.content.records import Record

# as the kiosk's start-up load (and the child's): images checked by header only
loaded = load_content(Path(sys.argv[1]), ImageChecks(decode_now=False))
classes = [
    value
    for name, module in list(sys.modules.items())
    if name.startswith("kiosk.content.")
    for value in vars(module).values()
    if isinstance(value, type) and value.__module__ == name
]
print(json.dumps({
    "ok": loaded.ok,
    "exhibits": len(loaded.content.exhibits) if loaded.content else 0,
    "dataclasses": sorted(
        f"{c.__module__}.{c.__qualname__}"
        for c in classes
        if "__dataclass_fields__" in vars(c) and not issubclass(c, Record)
    ),
}))
"""


@pytest.fixture(scope="module")
def load(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    cache = tmp_path_factory.mktemp("cache")  # the fonts' character maps land here
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(REPO / "exhibits")],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(cache)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert seen["ok"] and seen["exhibits"] == 5  # the probe saw a whole load
    return seen


def test_the_load_defines_no_dataclass_but_records(load: dict[str, Any]) -> None:
    """A frozen dataclass writes and compiles six methods when its module is imported
    (about a millisecond a class here); a record (``kiosk.content.records``) compiles
    one, and only once an instance is made. The parse tree's nodes are plain classes:
    a load makes thousands."""
    assert load["dataclasses"] == []
