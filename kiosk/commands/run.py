"""``kiosk [DIR]``: start the kiosk. Full screen and locked down unless ``--windowed``."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from kiosk.runtime.early_signals import EarlySignals
    from kiosk.runtime.prefetch import Prefetch


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from kiosk.commands.args import (
        add_exhibits_argument,
        add_size_argument,
        add_state_dir_argument,
        talk_name,
    )

    add_exhibits_argument(parser)
    parser.add_argument(
        "--windowed",
        action="store_true",
        help="presentation mode: a window, keyboard and clicker, no idle reset",
    )
    parser.add_argument(
        "--present",
        action="store_true",
        help="give a talk: content only on the second screen (projector), "
        "the presenter console on this one",
    )
    parser.add_argument(
        "--talk",
        metavar="NAME",
        type=talk_name,
        help="with --present: the talk in talks/NAME.yaml (its file's name or path too)",
    )
    parser.add_argument(
        "--audience-screen",
        metavar="N",
        type=_screen_number,
        help="with --present: the screen for the audience, counted from 1 (default: "
        "the first that is not the laptop's own)",
    )
    parser.add_argument(
        "--presenter-language",
        metavar="CODE",
        help="with --present: the console's and the notes' language (default: the site's)",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="for curators: windowed, edits appear at once, errors on screen",
    )
    add_size_argument(parser, "--size", (1280, 800), "window size in windowed mode", largest=8000)
    parser.add_argument("--cache", type=Path, help="rendition cache folder")
    add_state_dir_argument(parser)
    parser.add_argument(
        "--no-pin", action="store_true", help="trial only: kiosk mode without a staff PIN"
    )
    parser.add_argument(
        "--show-cursor",
        action="store_true",
        help="keep the mouse cursor in kiosk mode (mouse-driven setups)",
    )
    parser.add_argument("--kiosk-id", help="name of this kiosk in analytics (default: host name)")
    parser.add_argument(
        "--platform",
        help="Qt platform plugin, e.g. offscreen to run with no screen (default: Qt's choice)",
    )


def _screen_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen number (1, 2, ...)")
    return number


def run(args: argparse.Namespace) -> int:
    # First of all: a stop signal is noted (since the entry point's first lines, or
    # from here on) and ends the kiosk cleanly once it can
    # (kiosk.runtime.early_signals), not the process in mid-start.
    from kiosk.runtime import early_signals

    early = early_signals.take()
    # Start-up allocates hundreds of thousands of objects (Qt bindings, the content)
    # and frees few: the cyclic collector would walk them over and over, about 7 ms
    # before the first frame. It is switched back on at the first frame.
    gc.disable()
    try:
        return _run(args, early)
    finally:
        gc.enable()
        early.uninstall()


def _run(args: argparse.Namespace, early: EarlySignals) -> int:
    present = getattr(args, "present", False)
    talk_only = [
        flag
        for flag, value in (
            ("--talk", args.talk),
            ("--audience-screen", args.audience_screen),
            ("--presenter-language", args.presenter_language),
        )
        if value is not None
    ]
    if talk_only and not present:
        print(f"kiosk: {', '.join(talk_only)} go with --present", file=sys.stderr)
        return 2
    mode = (
        "present"
        if present
        else "preview"
        if args.preview
        else "windowed"
        if args.windowed
        else "kiosk"
    )
    state = _state_dir(args.state_dir)
    held = _lock(state)
    if held is False:
        return 2
    try:
        return _run_locked(args, early, mode, state)
    finally:
        if not isinstance(held, bool) and held is not None:
            held.close()


def _run_locked(
    args: argparse.Namespace, early: EarlySignals, mode: str, state: Path | None
) -> int:
    if not args.dir.is_dir():
        print(f"kiosk: {args.dir} is not a folder of exhibits", file=sys.stderr)
        return 2
    from kiosk.runtime import prefetch

    # A folder the parsed-content cache does not know: a child loads it meanwhile,
    # forked first of all, so that it has the whole start to do it in (the first
    # frame waits for it). Ended if the kiosk stops before it takes the load.
    prefetched = prefetch.start(args.dir, args.cache)
    try:
        return _run_prefetching(args, early, mode, state, prefetched)
    finally:
        if prefetched is not None:
            prefetched.cancel()


def _run_prefetching(
    args: argparse.Namespace,
    early: EarlySignals,
    mode: str,
    state: Path | None,
    prefetched: Prefetch | None,
) -> int:
    from kiosk.runtime import logs, paths
    from kiosk.runtime.pin import PinStore

    logs.setup_logging(state)
    logs.install_excepthook()
    store = PinStore(paths.settings_path(state)) if state else None
    if mode == "kiosk" and not args.no_pin and (store is None or not store.is_set()):
        print(
            "kiosk: no staff PIN is set, so the kiosk could never be left.\n"
            "  Set one with:  kiosk set-pin\n"
            "  or, for a trial only, start with --no-pin (the staff panel opens without a PIN).",
            file=sys.stderr,
        )
        return 2

    if args.platform:
        os.environ["QT_QPA_PLATFORM"] = args.platform
    from kiosk.ui.display import display_problem

    no_screen = display_problem(os.environ)
    if no_screen:
        print(f"kiosk: {no_screen}", file=sys.stderr)
        return 2

    if early.reason is not None:  # stopped before anything was shown: nothing to end
        logs.log_stop(early.reason)
        return 0
    from kiosk.content.places import cache_root
    from kiosk.runtime import kept_code, preload

    # Qt's libraries and fontconfig on another thread meanwhile; not beside a loading
    # child, which the first frame waits for: the three would share two cores
    if prefetched is None:
        preload.start()
        # Every Qt-free module the window's wiring imports, while that thread links Qt:
        # PySide's import would only wait for it (tests/test_startup_imports.py)
        from kiosk.content import fonts, richtext, ui_words  # noqa: F401
        from kiosk.media import service  # noqa: F401
        from kiosk.runtime import backoff, idle, reload, staff_panel, systemd, visit  # noqa: F401
    # PySide's first import: its support modules' code kept from the last start
    with kept_code.cached(cache_root() / kept_code.PYSIDE_FILE):
        from kiosk.ui.wiring import PresentOptions, RunOptions, run_kiosk

    options = RunOptions(
        exhibits=args.dir,
        mode=mode,
        size=args.size,
        cache=args.cache,
        state=state,
        pin_store=None if args.no_pin else store,
        show_cursor=args.show_cursor,
        kiosk_id=args.kiosk_id,
        early_signals=early,
        prefetch=prefetched,
        present=PresentOptions(
            talk=args.talk,
            audience_screen=args.audience_screen - 1 if args.audience_screen else None,
            language=args.presenter_language,
            windowed=args.windowed,
        )
        if mode == "present"
        else None,
    )
    return run_kiosk(options)


def _lock(state: Path | None) -> BinaryIO | bool | None:
    """The state folder's lock (``kiosk.runtime.state_lock``); False, with the reason
    printed, when another kiosk holds it."""
    from kiosk.runtime.state_lock import StateInUse, lock_state

    if state is None:
        return None
    try:
        return lock_state(state)
    except StateInUse as error:
        print(
            f"kiosk: {error}; stop it first, or give this one its own --state-dir",
            file=sys.stderr,
        )
        return False
    except OSError as error:  # a read-only state folder: logged to stderr anyway
        print(f"kiosk: state folder not locked ({error})", file=sys.stderr)
        return None


def _state_dir(explicit: Path | None) -> Path | None:
    from kiosk.runtime import paths

    try:
        return paths.ensure_state_dir(explicit)
    except OSError as error:
        print(f"kiosk: state folder unusable ({error}); logging to stderr only", file=sys.stderr)
        return None
