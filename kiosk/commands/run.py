"""``kiosk [DIR]``: start the kiosk. Full screen and locked down unless ``--windowed``."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.content.model import LoadResult

log = logging.getLogger("kiosk")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import add_exhibits_argument, size_type

    add_exhibits_argument(parser)
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="presentation mode: a window, keyboard and clicker, no idle reset",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="for curators: windowed, edits appear at once, errors on screen",
    )
    parser.add_argument(
        "--size",
        type=size_type(8000),
        default=(1280, 800),
        help="window size in windowed mode (default 1280x800)",
    )
    parser.add_argument("--cache", type=Path, help="rendition cache folder")
    parser.add_argument("--state-dir", type=Path, help="logs, settings and analytics folder")
    parser.add_argument(
        "--no-pin", action="store_true", help="trial only: kiosk mode without a staff PIN"
    )
    parser.add_argument(
        "--show-cursor",
        action="store_true",
        help="keep the mouse cursor in kiosk mode (mouse-driven setups)",
    )
    parser.add_argument("--kiosk-id", help="name of this kiosk in analytics (default: host name)")


def run(args: argparse.Namespace) -> int:
    # Start-up allocates hundreds of thousands of objects (Qt bindings, the content)
    # and frees few: the cyclic collector would walk them over and over, about 7 ms
    # before the first frame. It is switched back on at the first frame.
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    from kiosk import __version__
    from kiosk.runtime import logs, paths
    from kiosk.runtime.pin import PinPad, PinStore

    windowed = args.windowed or args.preview
    mode = "preview" if args.preview else "windowed" if windowed else "kiosk"
    state = _state_dir(args.state_dir)
    logs.setup_logging(state)
    logs.install_excepthook()
    if not args.dir.is_dir():
        print(f"kiosk: {args.dir} is not a folder of exhibits", file=sys.stderr)
        return 2
    store = PinStore(paths.settings_path(state)) if state else None
    if mode == "kiosk" and not args.no_pin and (store is None or not store.is_set()):
        print(
            "kiosk: no staff PIN is set, so the kiosk could never be left.\n"
            "  Set one with:  kiosk set-pin\n"
            "  or, for a trial only, start with --no-pin (the staff panel opens without a PIN).",
            file=sys.stderr,
        )
        return 2

    from kiosk.ui.app import MainQml, ensure_application

    app = ensure_application()
    qml = MainQml()  # compiles on Qt's loader thread while the rest is imported and loaded

    from PySide6.QtCore import QTimer

    from kiosk.content.fallback import fallback_content
    from kiosk.content.images import CHECKED, jpeg_decoding_deferred
    from kiosk.media.cache import default_cache_dir, image_checks_path
    from kiosk.runtime.idle import IdleMachine
    from kiosk.runtime.reload import ReloadController
    from kiosk.ui.app import build_window
    from kiosk.ui.controller import Controller, hide_cursor
    from kiosk.ui.session import make_service
    from kiosk.ui.staff import Staff, StaffActions

    qml.advance()
    screen = app.primaryScreen()
    screen_size = (screen.size().width(), screen.size().height()) if screen else (1920, 1080)
    size = args.size if windowed else screen_size
    checks = image_checks_path(args.cache)
    CHECKED.load(checks)
    parsed_cache = (args.cache or default_cache_dir()) / "parsed"  # beside the renditions
    reload = ReloadController(
        args.dir,
        loader=partial(_load, parsed_cache=parsed_cache, checks=checks),
        preview=args.preview,
        keep_in=parsed_cache,  # the last accepted set, for a start with errors on disk
    )
    # JPEGs are decoded by the load after the first frame (Controller, start_watching):
    # a broken one is then rejected like any bad edit, its file and line in the log,
    # the staff panel and the preview banner, while the kiosk shows what it has (that
    # image as a placeholder: its rendition fails too)
    with jpeg_decoding_deferred():
        initial = reload.load_initial()
    qml.advance()
    content = reload.current or fallback_content(args.dir)
    if reload.current is None:
        log.error(
            "no valid content at start: showing the 'being updated' screen; "
            "fix the errors above and the kiosk picks the content up"
        )
    service = make_service(args.cache, screen_size)
    recorder = _recorder(state, args.kiosk_id) if mode == "kiosk" else None
    pinpad = PinPad(store) if store is not None and not args.no_pin else None

    # stop signals and the staff Quit (kiosk.ui.stop_signals): one way out, exit 0
    from kiosk.ui.stop_signals import Stopper, end_session_on_staff_quit

    stopper = Stopper(app, before_stop=end_session_on_staff_quit(recorder))
    stopper.install_signals()

    holder: dict[str, Controller] = {}
    actions = StaffActions(
        status=lambda: _status(reload, holder["c"], state),
        reload_now=reload.reload_now,
        go_attract=lambda: holder["c"].go_attract("staff"),
        quit=lambda: stopper.stop("staff"),
    )
    staff = Staff(pinpad, actions)
    kw = build_window(
        content,
        service,
        start="attract" if mode == "kiosk" else "home",
        size=size,
        kiosk_mode=mode == "kiosk",
        staff=staff,
        qml=qml,
    )
    idle = IdleMachine(content.site.idle) if mode == "kiosk" else None
    controller = Controller(
        kw,
        idle=idle,
        reload=reload,
        recorder=recorder,
        kiosk_mode=mode == "kiosk",
        preview=args.preview,
    )
    holder["c"] = controller
    if args.preview:
        kw.kiosk.set_problems([str(p) for p in initial.errors])
    if mode == "kiosk":
        kw.window.showFullScreen()
        if not args.show_cursor:
            hide_cursor()
    else:
        kw.window.show()
    logs.log_start(__version__, content.version, mode)
    controller.firstFrame.connect(gc.enable)
    QTimer.singleShot(500, kw.window, lambda: _prefetch(kw))  # dropped with the window
    stopper.listen()
    try:
        return app.exec()
    finally:
        stopper.uninstall_signals()
        if CHECKED.changed:
            CHECKED.save(checks)
        if recorder is not None:
            recorder.close()
        reload.close()
        service.shutdown(wait=False)
        logs.log_stop(stopper.reason or "window closed")


def _load(root: Path, parsed_cache: Path, checks: Path) -> LoadResult:
    """Every load of the running kiosk: through the parsed-content cache, and the
    record of checked images saved when a load added to it."""
    from kiosk.content.images import CHECKED, jpeg_decode_deferred
    from kiosk.content.parsed_cache import load_cached

    result = load_cached(root, parsed_cache)
    if CHECKED.changed and not jpeg_decode_deferred():  # at start, saved after the checks
        CHECKED.save(checks)
    return result


def _state_dir(explicit: Path | None) -> Path | None:
    from kiosk.runtime import paths

    try:
        return paths.ensure_state_dir(explicit)
    except OSError as error:
        print(f"kiosk: state folder unusable ({error}); logging to stderr only", file=sys.stderr)
        return None


def _recorder(state: Path | None, kiosk_id: str | None) -> Any:
    if state is None:
        return None
    from kiosk.runtime import paths
    from kiosk.runtime.analytics import AnalyticsRecorder

    return AnalyticsRecorder(paths.analytics_path(state), kiosk_id)


def _prefetch(kw: Any) -> None:
    """Build every missing rendition in the background: tiles first, then screens."""
    from kiosk.ui import present

    content = kw.kiosk.content
    images = list(content.images())
    thumbs = [present.image_key(i, present.THUMB) for i in images]
    screens = [present.image_key(i, present.SCREEN) for i in images]
    kw.images.prefetch_gradually(thumbs + screens)


def _status(reload: Any, controller: Any, state: Path | None) -> dict[str, Any]:
    """What the staff panel shows; built only when staff open it."""
    from kiosk.content.coverage import language_completeness

    content = controller.kw.kiosk.content
    images = controller.kw.images
    loaded = reload.last_loaded_at
    total = 2 * sum(1 for _ in content.images())
    completeness = language_completeness(content)
    return {
        "mode": "preview"
        if controller.preview
        else "kiosk"
        if controller.kiosk_mode
        else "windowed",
        "contentVersion": content.version[:12],
        "loadedAt": dt.datetime.fromtimestamp(loaded).strftime("%Y-%m-%d %H:%M:%S")
        if loaded
        else "",
        "pending": reload.pending.version[:12] if reload.pending is not None else "",
        "errors": [str(p) for p in reload.last_errors],
        "warnings": [str(p) for p in reload.last_warnings],
        "cache": f"{total - images.pending - len(images.failures)} of {total} renditions ready, "
        f"{images.pending} building, {len(images.failures)} failed",
        "languages": [
            {"code": lang.code, "name": lang.name, "complete": completeness.get(lang.code, 0)}
            for lang in content.site.languages
        ],
        "today": _today(
            state, {e.id: e.title.get(content.site.default_language) for e in content.exhibits}
        ),
    }


def _today(state: Path | None, titles: dict[str, str]) -> dict[str, Any]:
    empty: dict[str, Any] = {"sessions": 0, "topExhibits": [], "languageShares": []}
    if state is None:
        return empty
    from kiosk.runtime import paths
    from kiosk.runtime.stats import build_report

    db = paths.analytics_path(state)
    if not db.exists():
        return empty
    try:
        today = dt.date.today()
        report = build_report([db], since=today, until=today)
    except Exception:
        log.exception("today's analytics could not be read")
        return empty
    return {
        "sessions": report.sessions,
        "topExhibits": [
            f"{titles.get(e.exhibit_id, e.exhibit_id)} ({e.views})" for e in report.exhibits[:3]
        ],
        "languageShares": [
            {"code": lang.language, "share": round(100 * lang.share)} for lang in report.languages
        ],
    }
