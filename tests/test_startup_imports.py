"""What the first frame waits for: only what it shows.

A warm start reads no YAML and runs no checks: an unchanged exhibits folder is
answered by the parsed-content cache, so PyYAML and the content checks are only
needed by the reload thread, after the first frame. A module on the window's path
that imports them (as ``kiosk.ui.present`` once did, through the credits) costs
every start tens of milliseconds.

Every feature a visitor or staff member opens later (read aloud, the staff panel and
its PIN pad, the about screen, the timeline, the gallery, the key help, the quit
question) costs nothing until used: none of its modules imported, none of its QML
components created before the first frame.

The real ``kiosk`` runs with a ``sitecustomize`` that, at the moment it sends
READY=1 (first frame drawn), records ``sys.modules``, the ``objectName`` of every
live item of the window, and the files whose source lines Python holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests import process

# Written into the child's path as sitecustomize: at READY=1, dump what is loaded.
HOOK = """
import builtins, linecache, socket, sys
_compile = builtins.compile
support_compiled = []  # PySide's support modules that reached Python's compiler
def compile(source, filename, *args, **kwargs):
    if str(filename).startswith(("shibokensupport/", "signature_bootstrap.py")):
        support_compiled.append(str(filename))
    return _compile(source, filename, *args, **kwargs)
builtins.compile = compile
import os
_fork = os.fork
at_fork = None  # the modules the parent had when it forked its loading child
def fork():
    global at_fork
    modules = sorted(sys.modules)
    pid = _fork()
    if pid:
        at_fork = modules
    return pid
os.fork = fork
at_pyside = None  # the modules the start had when it first asked for PySide
class _PySideAsked:
    @staticmethod
    def find_spec(name, path=None, target=None):
        global at_pyside
        if name == "PySide6" and at_pyside is None:
            at_pyside = sorted(sys.modules)
        return None
sys.meta_path.insert(0, _PySideAsked)
_send = socket.socket.sendall
def sendall(self, data, *args):
    if b"READY=1" in data:
        modules = sorted(sys.modules)  # before this hook imports anything more
        import json
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtQuick import QQuickWindow
        names = []
        pictures = []  # the source of every picture of the window
        for window in QGuiApplication.topLevelWindows():
            if isinstance(window, QQuickWindow):
                stack = [window.contentItem()]
                while stack:
                    item = stack.pop()
                    names.append(item.objectName())
                    if item.objectName() == "picture":
                        pictures.append(item.property("source").toString())
                    stack.extend(item.childItems())
        import threading
        threads = sorted(t.name for t in threading.enumerate())
        # PySide makes a class, and the Python enums in it, on first use
        made = {m: sorted(n for n in vars(sys.modules[m]) if n.startswith("Q"))
                for m in ("PySide6.QtCore", "PySide6.QtGui") if m in sys.modules}
        with open(OUT, "w") as out:
            json.dump({"modules": modules, "items": names, "pictures": pictures,
                       "sources": sorted(linecache.cache), "threads": threads,
                       "pyside": made,
                       "pyside_import": builtins.__import__
                       is getattr(builtins, "__feature_import__", None),
                       "records_made": made_records(),
                       "preload": preloaded(),
                       "mapped": sorted({line.split()[-1] for line in open("/proc/self/maps")
                                         if ".so" in line}),
                       "qt_main_thread": qt_main_thread(),
                       "support_compiled": support_compiled,
                       "at_fork": at_fork, "at_pyside": at_pyside}, out)
    return _send(self, data, *args)
socket.socket.sendall = sendall
def preloaded():
    preload = sys.modules.get("kiosk.runtime.preload")
    started = preload._started if preload is not None else None
    if started is None:
        return None
    return {"loaded": started.loaded, "failed": started.failed,
            "modules": {m: getattr(sys.modules.get(m), "__file__", None)
                        for m in ("shiboken6.Shiboken", "PySide6.QtCore", "PySide6.QtGui",
                                  "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtQml",
                                  "PySide6.QtQuick")}}
def qt_main_thread():
    import threading
    from PySide6.QtCore import QCoreApplication, QThread
    return (threading.current_thread() is threading.main_thread()
            and QThread.currentThread() is QCoreApplication.instance().thread())
def made_records():
    records = sys.modules.get("kiosk.content.records")
    if records is None:
        return {}
    found = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("kiosk."):
            continue
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == name
                    and issubclass(value, records.Record) and value is not records.Record):
                found[f"{name}.{value.__qualname__}"] = records.is_made(value)
    return found
"""

# hashlib loads OpenSSL (3-4 MB); the fingerprint's one digest needs none of it;
# the render helpers are for ``kiosk render`` and the tests; datetime (0.3 MB) only
# the staff status and ``kiosk publish`` use; json (1.3 ms) the settings, the release
# manifest and the image-check record, none of which a warm start reads; signal (1.5
# ms of enums) where ``_signal`` does the same; the fallback content (0.8 ms)
NOT_BEFORE_FIRST_FRAME = (
    "yaml",
    "kiosk.content.yamlsafe",
    "kiosk.content.checks",
    "hashlib",
    "kiosk.ui.render",
    "datetime",
    "json",
    "signal",
    "kiosk.content.fallback",  # the "being updated" screen, for a start with nothing valid
    "kiosk.ui.cut_texts",  # a curator's preview only
    "kiosk.ui.screen_fit",  # kiosk validate --screens only
    "kiosk.content.text_source",
)

# A first start (empty caches) parses and checks the content before its first frame,
# in a child process while the kiosk's own starts Qt (``kiosk.runtime.prefetch``): the
# kiosk's process itself imports none of the parsing and checking
NOT_BEFORE_FIRST_FRAME_OF_A_FIRST_START = (
    "yaml",
    "kiosk.content.loader",
    "kiosk.content.yamlsafe",
    "kiosk.content.checks",
    "PIL",
)
# and the load, wherever it runs, leaves what only a mistake needs to a mistake:
# "did you mean" (difflib)
NOT_IN_A_LOAD_OF_VALID_CONTENT = ("difflib",)

# PySide classes whose Python enums cost milliseconds the first time they are named:
# the Qt namespace about 15 ms, QEvent (170 event types) 2 ms; and the picture reader
# (0.2 ms), which the first frame has no use for: no picture is asked for before it.
# A windowed start names none of them before its first frame.
NOT_MADE_BEFORE_FIRST_FRAME = {
    "PySide6.QtCore": ("Qt", "QEvent"),
    "PySide6.QtGui": ("QImageReader",),
}

# feature: (its Python modules, the objectName of its QML component's root)
FEATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # read-aloud: the sound check after the first frame, the player at the first reading
    "read aloud": (
        (
            "kiosk.runtime.readaloud_check",
            "kiosk.ui.readaloud_player",
            "kiosk.runtime.readaloud_speaker",
            "kiosk.runtime.readaloud_engine",
            "kiosk.runtime.readaloud_captions",
            "kiosk.runtime.readaloud_text",
        ),
        ("captionStrip",),
    ),
    "staff panel": (("kiosk.runtime.staff_status",), ("staffPanel",)),
    "PIN pad": (("hmac", "secrets"), ("pinPad",)),  # what checking a PIN needs
    "about": (("kiosk.content.credits",), ("aboutPage",)),
    "timeline": ((), ("timelinePage",)),
    "gallery": ((), ("galleryViewer",)),
    "key help": ((), ("presenterHelp",)),
    "quit question": ((), ("quitQuestion",)),
    "map": (("kiosk.ui.mapview", "kiosk.runtime.maplayout"), ("mapPage",)),
    "timeline axis": (("kiosk.ui.timeaxis", "kiosk.runtime.timeaxis"), ()),
    # kiosk --present only: the console's window, its talk state, the handout, and the
    # session bus the screen saver is held off on
    "presenter console": (
        (
            "kiosk.ui.presenting",
            "kiosk.ui.talk",
            "kiosk.runtime.talk",
            "kiosk.ui.handout",
            "kiosk.ui.awake",
            "PySide6.QtDBus",
        ),
        ("consoleBody",),
    ),
}


def _env(tmp: Path, hook: Path) -> dict[str, str]:
    return {
        "PYTHONPATH": f"{process.REPO}:{hook}",
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "KIOSK_STATE_DIR": str(tmp / "state"),
    }


def _at_first_frame(tmp: Path, hook: Path, name: str) -> dict[str, Any]:
    out = tmp / f"{name}.json"
    (hook / "sitecustomize.py").write_text(f"OUT = {str(out)!r}\n{HOOK}", encoding="utf-8")
    kiosk = process.start(
        tmp,
        ["run", "--windowed", "--size", "1280x720", str(process.REPO / "exhibits")],
        env=_env(tmp, hook),
    )
    seen: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    # after the first frame, the renditions that were missing are built
    deadline = time.monotonic() + 60
    seen["renditions_later"] = []
    while not seen["renditions_later"] and time.monotonic() < deadline:
        seen["renditions_later"] = [p.name for p in (tmp / "cache").rglob("*-thumb-*-v1.jpg")]
        time.sleep(0.05)
    kiosk.process.terminate()
    assert kiosk.wait() == 0, kiosk.text()
    return seen


@pytest.fixture(scope="module")
def starts(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    """What a first start (empty caches) and a warm start (parsed content and
    renditions cached) had at their first frame."""
    tmp = tmp_path_factory.mktemp("starts")
    hook = tmp / "hook"
    hook.mkdir()
    cold = _at_first_frame(tmp, hook, "cold")  # fills the parsed-content cache
    subprocess.run(  # and the renditions, as on a kiosk that has run before
        [sys.executable, "-m", "kiosk", "prepare", str(process.REPO / "exhibits")],
        env={**process.environment(), **_env(tmp, hook)},
        cwd=tmp,
        check=True,
        capture_output=True,
    )
    warm = _at_first_frame(tmp, hook, "warm")
    return cold, warm


def test_a_warm_start_draws_its_first_frame_without_yaml_the_checks_or_openssl(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    _, warm = starts
    modules = set(warm["modules"])
    assert "kiosk.ui.bridge" in modules  # the hook saw the window's start, not an empty process
    assert not {m for m in NOT_BEFORE_FIRST_FRAME if m in modules}


def test_a_first_start_leaves_the_parsing_and_checks_to_a_child_process(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    cold, _ = starts
    modules = set(cold["modules"])
    assert "kiosk.runtime.prefetch" in modules  # the child was asked for
    assert "kiosk.ui.bridge" in modules
    assert not {m for m in NOT_BEFORE_FIRST_FRAME_OF_A_FIRST_START if m in modules}
    tiles = {name for name in cold["items"] if name.startswith("tile_")}
    assert len(tiles) == 5, tiles  # and the home screen has the five exhibits all the same


def test_a_first_start_forks_its_loading_child_before_its_own_set_up(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """The first frame waits for the child's load: it is forked before the log, the
    PIN store and Qt are set up, so that it has the whole start to load in."""
    cold, warm = starts
    assert cold["at_fork"] is not None and warm["at_fork"] is None  # a warm start forks none
    assert "kiosk.commands.run" in cold["at_fork"]
    early = {"kiosk.runtime.logs", "logging.handlers", "kiosk.runtime.pin", "PySide6"}
    assert not early & set(cold["at_fork"])


def test_a_load_of_valid_content_imports_nothing_only_a_mistake_needs() -> None:
    probe = (
        "import sys; from pathlib import Path; from kiosk.content.loader import load_content; "
        f"assert load_content(Path({str(process.REPO / 'exhibits')!r})).ok; "
        "import json; print(json.dumps(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={**process.environment()},
        capture_output=True,
        text=True,
        check=True,
    )
    modules = set(json.loads(done.stdout))
    assert "kiosk.content.checks" in modules
    assert not {m for m in NOT_IN_A_LOAD_OF_VALID_CONTENT if m in modules}


def test_a_warm_start_names_no_costly_pyside_class_before_its_first_frame(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    _, warm = starts
    assert "QObject" in warm["pyside"]["PySide6.QtCore"]  # the hook sees classes being made
    for module, names in NOT_MADE_BEFORE_FIRST_FRAME.items():
        assert not set(names) & set(warm["pyside"][module]), module


def test_a_first_start_builds_its_renditions_after_the_first_frame_not_before(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """Building one (decoding a photograph) takes a core from the window being made.
    The service's worker thread starts with its first build."""
    cold, _ = starts
    assert "MainThread" in cold["threads"]
    assert not [name for name in cold["threads"] if name.startswith("rendition")]
    assert cold["renditions_later"]  # the tiles' thumbnails, once the frame is drawn


def test_the_first_frame_is_the_home_screen_with_its_tiles_and_bar(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """The check below looks at a real screen, not at an empty window."""
    _, warm = starts
    assert {"home", "navBar", "homeButton", "languageBar"} <= set(warm["items"])
    assert any(name.startswith("tile_") for name in warm["items"])


def test_a_start_asks_for_its_pictures_once_the_first_frame_is_drawn(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """The first frame draws the tiles' placeholders either way; their decodes, begun
    while the window was being made, took a core from it (``kiosk.ui.images``)."""
    cold, _ = starts
    for seen in starts:
        assert len(seen["pictures"]) >= 5, seen["pictures"]  # the tiles' covers, at least
        assert set(seen["pictures"]) == {""}, seen["pictures"]
        assert not [p for p in seen["mapped"] if p.endswith("/libqjpeg.so")]  # no decoder yet
    assert cold["renditions_later"]  # asked for, and built, after it


@pytest.mark.parametrize("feature", sorted(FEATURES))
def test_a_feature_opened_later_creates_no_component_before_the_first_frame(
    feature: str, starts: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    _, components = FEATURES[feature]
    for seen in starts:
        assert not set(components) & set(seen["items"]), feature


@pytest.mark.parametrize("feature", sorted(FEATURES))
def test_a_feature_opened_later_imports_none_of_its_modules_before_the_first_frame(
    feature: str, starts: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    modules, _ = FEATURES[feature]
    _, warm = starts
    assert not set(modules) & set(warm["modules"]), feature


def test_no_module_source_is_held_in_memory_at_the_first_frame(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """PySide's import reads every later module's source through ``linecache``
    (``kiosk.ui.app.plain_import`` gives Python its own import back)."""
    _, warm = starts
    assert "kiosk.ui.wiring" in warm["modules"]  # imported after PySide
    assert [path for path in warm["sources"] if "/kiosk/" in path] == []


def test_python_imports_with_its_own_import_once_pyside_is_loaded(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """PySide's ``__import__`` runs Python for every import statement after it, for a
    ``from __feature__ import`` the kiosk never makes: both starts put it back."""
    for seen in starts:
        assert "PySide6.QtCore" in seen["modules"]
        assert seen["pyside_import"] is False


def test_a_warm_start_compiles_none_of_pysides_support_modules(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """PySide keeps its signature support's modules as sources and compiles them at
    every first import; ``kiosk.runtime.kept_code`` keeps their code in the
    cache folder, as Python keeps its own modules' in ``__pycache__``."""
    cold, warm = starts
    assert len(cold["support_compiled"]) >= 10  # an empty cache: compiled, and kept
    assert {"shibokensupport/signature/loader.py", "signature_bootstrap.py"} <= set(
        cold["support_compiled"]
    )
    assert warm["support_compiled"] == []


# the content model's classes a content set holds many of: unpickled, not made, by a
# warm start (kiosk.content.records makes a record a dataclass when first asked)
RECORDS_NOT_MADE_BEFORE_FIRST_FRAME = tuple(
    f"kiosk.content.model.{name}"
    for name in ("Exhibit", "Section", "Paragraph", "Text", "BulletList", "Fact", "ImageRef")
)


def test_a_warm_start_makes_none_of_the_content_records_a_dataclass_before_its_first_frame(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    _, warm = starts
    made = warm["records_made"]
    assert set(RECORDS_NOT_MADE_BEFORE_FIRST_FRAME) <= set(made)  # they are loaded: unpickled
    assert [name for name in RECORDS_NOT_MADE_BEFORE_FIRST_FRAME if made[name]] == []


def test_a_warm_start_imports_its_qt_free_modules_while_qt_is_being_linked(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """While the preloading thread links Qt's libraries, PySide's own import would only
    wait for them: every module below ``kiosk.ui`` (Qt-free, ``tests/test_layers.py``)
    that a warm start needs before its first frame is imported first, in that time
    (paired starts: a few milliseconds sooner to the first frame)."""
    _, warm = starts
    assert warm["preload"] is not None and warm["at_pyside"] is not None
    before = set(warm["at_pyside"])
    assert "PySide6.QtCore" not in before
    qt_free = ("kiosk.content.", "kiosk.media.", "kiosk.runtime.")
    later = [m for m in warm["modules"] if m.startswith(qt_free) and m not in before]
    assert later == [], f"imported only after PySide: {later}"


def test_qt_and_fontconfig_are_loaded_on_another_thread_while_the_start_runs_python(
    starts: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """``kiosk.runtime.preload``: the files PySide's import and the first frame open
    are opened beside the start's own Python, and they are the very files the window
    then uses: Shiboken and PySide's six modules, the platform's plugin, the
    QtQuick.Window plugin. Qt still takes Python's main thread for its own.
    A warm start only: a first start leaves the second core to its loading child."""
    cold, warm = starts
    assert cold["preload"] is None and cold["at_fork"] is not None
    assert cold["qt_main_thread"] is True
    seen = warm
    preload = seen["preload"]
    assert preload is not None, "the run command started no preload"
    assert preload["failed"] == []
    loaded = {Path(p).resolve() for p in preload["loaded"]}
    modules = {Path(f).resolve() for f in preload["modules"].values()}
    assert len(modules) == 7  # each imported by the start, none a module of Python's
    assert modules <= loaded  # each of PySide's modules, the file Python imported
    mapped = {Path(p).resolve() for p in seen["mapped"] if p.startswith("/")}
    assert loaded <= mapped
    names = {p.name for p in loaded}
    assert {"libqoffscreen.so", "libquickwindowplugin.so"} <= names
    assert seen["qt_main_thread"] is True
