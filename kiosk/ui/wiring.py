"""Building the running kiosk from its parts, and the one place it shuts down.

``kiosk [DIR]`` checks its arguments (``kiosk.commands.run``) and calls
``run_kiosk``. The order here is what makes start-up fast:

1. the application, then ``MainQml``: Qt compiles ``Main.qml`` on its loader thread
   (no Python, so no GIL) while this thread goes on;
2. only then the rest of the kiosk is imported (the bridge, the controller, the
   content loader, the rendition service: about 40 modules) and the content loaded,
   last: a first start's child (``kiosk.runtime.prefetch``) loads it meanwhile, so
   everything that needs no content comes before the wait for it.

So this module imports at its top only ``kiosk.ui.app`` and what the type checker
needs; the start-up imports are the one block in ``_assemble``, after ``MainQml()``.
Do not move them up: the first frame would wait for them. The helpers at the end
import what only they use, where they use it (the image-check record, analytics,
the staff status: the last two only in kiosk mode or when staff look).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content.records import Record, record
from kiosk.runtime import cores
from kiosk.ui.app import KioskWindow, MainQml, ensure_application

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

    from kiosk.content.model import LoadResult
    from kiosk.media.service import RenditionService
    from kiosk.runtime.analytics import AnalyticsRecorder
    from kiosk.runtime.early_signals import EarlySignals
    from kiosk.runtime.pin import PinStore
    from kiosk.runtime.prefetch import Prefetch
    from kiosk.runtime.reload import ReloadController
    from kiosk.runtime.staff_status import StaffStatus
    from kiosk.ui.controller import Controller
    from kiosk.ui.presenting import Presentation
    from kiosk.ui.stop_signals import Stopper

log = logging.getLogger("kiosk")

KIOSK = "kiosk"  # full screen, locked down, idle reset, analytics
WINDOWED = "windowed"  # presentation: a window, keyboard and clicker
PREVIEW = "preview"  # curators: windowed, edits shown at once, errors on screen
PRESENT = "present"  # a talk: the audience window and the presenter console
PREFETCH_AFTER_MS = 500  # renditions for the whole site are built after the first frames


@record
class PresentOptions(Record):
    """What ``kiosk --present`` was asked for (``kiosk.ui.presenting`` gives the talk)."""

    talk: str | None = None  # a talk file's name (talks/NAME.yaml); None: every exhibit
    audience_screen: int | None = None  # 0-based; None: the first that is not the laptop's
    language: str | None = None  # the console's; None: the site's default
    windowed: bool = False  # both windows as windows, not full screen


@record
class RunOptions(Record):
    """What ``kiosk [DIR]`` was asked to do, checked by the command."""

    exhibits: Path
    mode: str  # KIOSK, WINDOWED or PREVIEW
    size: tuple[int, int]  # window size when not in kiosk mode
    cache: Path | None  # rendition cache folder (None: the default)
    state: Path | None  # logs, settings, analytics (None: unusable, nothing kept)
    pin_store: PinStore | None  # None: the staff panel opens without a PIN (trial)
    show_cursor: bool = False
    kiosk_id: str | None = None  # name in analytics (None: the host name)
    early_signals: EarlySignals | None = None  # stop signals noted while starting
    present: PresentOptions | None = None  # kiosk --present: a talk on two screens
    prefetch: Prefetch | None = None  # a child loading a changed folder while Qt starts


def run_kiosk(options: RunOptions) -> int:
    """Build the kiosk, run the event loop, then shut down once; the exit status."""
    app = ensure_application()
    qml = MainQml()  # compiles on Qt's loader thread while the rest is imported and loaded
    kiosk = _assemble(app, qml, options)
    # here, not in _assemble: a test that builds the kiosk in its own process keeps its cores
    kiosk.controller.firstFrame.connect(cores.keep_ui_core)
    kiosk.stopper.listen()  # SIGTERM, SIGINT, SIGHUP from here on end through the loop
    try:
        return app.exec()
    finally:
        kiosk.stopper.uninstall_signals()  # a signal during cleanup ends the process
        kiosk.shutdown(kiosk.stopper.reason or "window closed")


class RunningKiosk:
    """Every part of a running kiosk, kept alive together, and how it stops."""

    def __init__(
        self,
        app: QGuiApplication,
        kw: KioskWindow,
        controller: Controller,
        reload: ReloadController,
        service: RenditionService,
        recorder: AnalyticsRecorder | None,
        image_checks: ImageChecks,
        stopper: Stopper,
    ) -> None:
        self.app = app
        self.kw = kw
        self.controller = controller
        self.reload = reload
        self.service = service
        self.recorder = recorder
        self.image_checks = image_checks
        self.stopper = stopper
        self._shut_down = False
        self.presentation: Presentation | None = None  # kiosk --present: the talk and its console

    def quit(self, reason: str) -> None:
        """Leave the event loop (staff Quit), exit status 0; ``shutdown`` follows in
        ``run_kiosk``. Not ``app.quit()``: that asks the windows to close first, which
        kiosk mode refuses."""
        log.info("quit requested: %s", reason)
        self.stopper.stop(reason)

    def shutdown(self, reason: str) -> None:
        """The one way out: end the visitor session, write analytics, stop the workers.

        Runs once, after the event loop has returned, whatever ended it."""
        if self._shut_down:
            return
        self._shut_down = True
        log.info("shutting down: %s", reason)
        if self.presentation is not None:
            self.presentation.close()  # the console, the talk's timers and connections
        self.image_checks.save()
        if self.recorder is not None:
            # ends an open session ("shutdown") at the last touch, and flushes
            idle = self.controller.idle
            self.recorder.close(idle_s=idle.quiet_s if idle is not None else None)
        self.reload.close()
        self.service.shutdown(wait=False)
        from kiosk.runtime import logs

        logs.log_stop(reason)


def _last_good_folder(options: RunOptions, image_checks: ImageChecks) -> Path:
    """The last accepted set is state (kiosk.runtime.last_good): in the state folder,
    or beside the renditions when there is none that can be used."""
    from kiosk.runtime.last_good import FOLDER

    return options.state / FOLDER if options.state is not None else image_checks.parsed_cache


def _assemble(app: QGuiApplication, qml: MainQml, options: RunOptions) -> RunningKiosk:
    # The lazy imports of start-up, all of them (see the module docstring).
    import gc

    from PySide6.QtCore import QTimer

    from kiosk import __version__
    from kiosk.runtime import logs
    from kiosk.runtime.idle import IdleMachine
    from kiosk.runtime.pin import PinPad
    from kiosk.runtime.reload import ReloadController
    from kiosk.runtime.visit import reload_timing
    from kiosk.ui.app import build_window
    from kiosk.ui.bridge import Kiosk  # noqa: F401 - build_window's, imported before the wait
    from kiosk.ui.controller import Controller, hide_cursor
    from kiosk.ui.session import make_service
    from kiosk.ui.staff import PRESENTATION_NOTE, TRIAL_NOTE, Staff, StaffActions
    from kiosk.ui.stop_signals import Stopper, end_session_on_staff_quit

    kiosk_mode = options.mode == KIOSK
    qml.advance()
    screen = app.primaryScreen()
    screen_size = (screen.size().width(), screen.size().height()) if screen else (1920, 1080)
    image_checks = ImageChecks(options.cache)
    preview = options.mode == PREVIEW
    reload = ReloadController(
        options.exhibits,
        loader=image_checks.loader(),
        preview=preview,
        settle_s=reload_timing(preview).settle_s,
        keep_in=_last_good_folder(options, image_checks),  # for a start with errors
    )
    service = make_service(options.cache, screen_size)
    recorder = _recorder(options.state, options.kiosk_id) if kiosk_mode else None
    stopper = Stopper(app, before_stop=end_session_on_staff_quit(recorder))
    stopper.install_signals(options.early_signals)  # one noted while starting: stops at once

    # Outside kiosk mode the panel opens without a PIN: whoever has the laptop can
    # quit it anyway (Ctrl+Q), and a presentation machine need not have a PIN set.
    if kiosk_mode and options.pin_store is not None:
        staff = Staff(PinPad(options.pin_store))
    else:
        staff = Staff(None, no_pin_note=TRIAL_NOTE if kiosk_mode else PRESENTATION_NOTE)
    # The content last of what needs none of it: a first start's child loading it
    # (kiosk.runtime.prefetch) has had all that time
    initial = image_checks.load_initial(reload, options.prefetch)
    qml.advance()
    content = reload.current
    if content is None:
        from kiosk.content.fallback import fallback_content  # only with nothing valid

        content = fallback_content(options.exhibits)
        log.error(
            "no valid content at start: showing the 'being updated' screen; "
            "fix the errors above and the kiosk picks the content up"
        )
    kw = build_window(
        content,
        service,
        start="attract" if kiosk_mode else "home",
        size=screen_size if kiosk_mode else options.size,
        kiosk_mode=kiosk_mode,
        staff=staff,
        qml=qml,
        hold_images=True,  # every picture asked for once the first frame is drawn
    )
    controller = Controller(
        kw,
        idle=IdleMachine(content.site.idle) if kiosk_mode else None,
        reload=reload,
        recorder=recorder,
        kiosk_mode=kiosk_mode,
        preview=options.mode == PREVIEW,
    )
    kiosk = RunningKiosk(app, kw, controller, reload, service, recorder, image_checks, stopper)
    staff.set_actions(
        StaffActions(
            status=partial(_staff_status, kw, reload, options),
            reload_now=reload.reload_now,
            go_attract=partial(controller.go_attract, "staff"),
            quit=partial(kiosk.quit, "staff"),
        )
    )
    # Ctrl+Q and Esc on home quit a presentation; kiosk mode quits only from the staff panel
    kw.kiosk.presenter.set_quit_allowed(not kiosk_mode)
    kw.kiosk.presenter.quitRequested.connect(partial(kiosk.quit, "keyboard"))
    if options.mode == PREVIEW:
        from kiosk.ui.cut_texts import CutTexts  # a curator's preview only

        kw.kiosk.problems.set_watching(str(options.exhibits))
        kw.kiosk.problems.set([str(p) for p in (*initial.errors, *initial.left_out)])
        CutTexts(kw.window, kw.kiosk)  # the window's child: lives as long as it
    if kiosk_mode:
        kw.window.showFullScreen()
        if not options.show_cursor:
            hide_cursor()
    elif options.present is not None:
        # only in a talk: the console, its QML and the talk state are made here
        from kiosk.ui.presenting import Presentation

        kiosk.presentation = Presentation(kw, options.present, reload=reload)
        kiosk.presentation.show()
    else:
        kw.window.show()
    logs.log_start(__version__, content.version, options.mode)
    controller.firstFrame.connect(gc.enable)  # kiosk.commands.run switched it off
    controller.firstFrame.connect(kw.images.release)  # missing renditions built from here
    controller.firstFrame.connect(partial(_start_read_aloud, kw))
    QTimer.singleShot(PREFETCH_AFTER_MS, kw.window, partial(_prefetch, kw))  # dropped with it
    return kiosk


class ImageChecks:
    """Everything the kiosk does with the record of images already checked, in one place.

    The record (``kiosk.content.imagerecord.ImageRecord``) is read when first needed,
    saved after every load that decoded, and at exit. The start-up load checks images
    by their header only (``load_initial``): the load after the first frame
    (``ReloadController.start_watching``) decodes them, so a broken one is rejected
    like any bad edit, its file and line in the log, the staff panel and the preview
    banner, while the kiosk shows what it has.
    """

    def __init__(self, cache: Path | None) -> None:
        from kiosk.content.imagerecord import ImageRecord
        from kiosk.media.cache import default_cache_dir, image_checks_path
        from kiosk.runtime.prefetch import PARSED

        self.record = ImageRecord(image_checks_path(cache))
        self.parsed_cache = (cache or default_cache_dir()) / PARSED  # beside the renditions

    def loader(self) -> Callable[[Path], LoadResult]:
        """Every load of the running kiosk: through the parsed-content cache, decoding."""
        return partial(self._load, decode_now=True)

    def load_initial(self, reload: ReloadController, prefetch: Prefetch | None) -> LoadResult:
        loaded = prefetch.result(self.record) if prefetch is not None else None
        if loaded is not None:  # a child made this load while Qt started
            return reload.load_initial(lambda root: loaded)
        return reload.load_initial(partial(self._load, decode_now=False))

    def save(self) -> None:
        self.record.save()  # only if it changed

    def _load(self, root: Path, decode_now: bool) -> LoadResult:
        from kiosk.content.imagerecord import ImageChecks as Checks
        from kiosk.content.parsed_cache import load_cached

        result = load_cached(root, self.parsed_cache, Checks(self.record, decode_now=decode_now))
        if decode_now:  # the start-up load's header checks are saved once confirmed
            self.save()
        return result


def _recorder(state: Path | None, kiosk_id: str | None) -> AnalyticsRecorder | None:
    if state is None:
        return None
    from kiosk.runtime import paths
    from kiosk.runtime.analytics import AnalyticsRecorder  # sqlite3: kiosk mode only

    return AnalyticsRecorder(paths.analytics_path(state), kiosk_id)


def _prefetch(kw: KioskWindow) -> None:
    """Build every missing rendition in the background: tiles first, then screens."""
    from kiosk.ui import present

    images = list(kw.kiosk.content.images())
    thumbs = [present.image_key(i, present.THUMB) for i in images]
    screens = [present.image_key(i, present.SCREEN) for i in images]
    kw.images.prefetch_gradually(thumbs + screens)


def _start_read_aloud(kw: KioskWindow) -> None:
    """After the first frame: a first look at espeak-ng, its voices and the sound output
    (off the UI thread); the Listen button shows once the output is known to work. The
    player is made at the first reading, on the UI thread, which lives as long as the
    kiosk: a reading's child process gets its parent-death signal from the thread that
    starts it."""
    from kiosk.runtime.readaloud_check import EspeakProgram, SoundOutput, SpeechCheck

    kw.kiosk.readAloud.attach_check(SpeechCheck(EspeakProgram(), SoundOutput(time.monotonic)))


def _staff_status(kw: KioskWindow, reload: ReloadController, options: RunOptions) -> StaffStatus:
    """What the staff panel shows; built only when staff look."""
    import datetime as dt  # here, when staff look: not a module the first frame needs

    from kiosk.runtime import paths
    from kiosk.runtime.staff_status import (
        Renditions,
        build_status,
        exhibit_titles,
        speech_status,
        today_summary,
    )

    content = kw.kiosk.content
    renditions = Renditions(
        total=2 * sum(1 for _ in content.images()),  # a thumbnail and a screen each
        building=kw.images.pending,
        failed=len(kw.images.failures),
    )
    db = paths.analytics_path(options.state) if options.state is not None else None
    today = today_summary(db, exhibit_titles(content), dt.date.today())
    return build_status(
        mode=options.mode,
        content=content,
        reload=reload,
        renditions=renditions,
        today=today,
        speech=speech_status(kw.kiosk.readAloud.speech, content.site.language_codes),
    )
