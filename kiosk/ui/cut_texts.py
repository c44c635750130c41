"""Preview mode: the texts the screen shown cuts short, told to the curator.

A home tile gives every title the same room, and a title longer than that ends in "…"
(``ExhibitTile.qml``); a word longer than a line is broken. Validation cannot see
that (it depends on the screen's size, the language and the text size), so the
curator learns it only by looking at every tile in every language. With ``--preview``
the window looks for them itself: half a second after the screen, the language, the
text size, the window's size or the scroll last changed, every Text shown that Qt says is
truncated is listed on the preview badge and in the log. Nothing of this exists
outside preview mode.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.runtime.plural import plural
from kiosk.ui.bridge import Kiosk
from kiosk.ui.render import shown_tree

log = logging.getLogger("kiosk.preview")

QUIET_MS = 500  # the screen laid out and still: a change restarts the wait
CHROME = ("previewBadge", "problemsBanner")  # the curator's own strips, not the screen's


class CutTexts(QObject):
    """Looks for cut texts once the screen is still, and tells ``kiosk.problems``."""

    def __init__(self, window: QQuickWindow, kiosk: Kiosk) -> None:
        super().__init__(window)
        self._window = window
        self._kiosk = kiosk
        self._said: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self.check)
        for changed in (
            kiosk.nav.changed,
            kiosk.nav.scrolled,  # a long home makes its far tiles as they come into sight
            kiosk.textsChanged,
            kiosk.appearance.changed,
            window.widthChanged,
            window.heightChanged,
        ):
            changed.connect(self._timer.start)
        self._timer.start()

    @property
    def waiting(self) -> bool:
        """A look is due (the screen changed less than ``QUIET_MS`` ago)."""
        return self._timer.isActive()

    def check(self) -> None:
        self._timer.stop()  # a look due is this one
        cut = [str(item.property("text")) for item in shown_cut_texts(self._window.contentItem())]
        cut = [text for text in cut if text.strip()]
        self._kiosk.problems.set_cut(cut)
        if cut and cut != self._said:
            nav = self._kiosk.nav.navigator.place
            where = nav.screen + (f" {nav.exhibit_id}" if nav.exhibit_id else "")
            size = f"{self._window.width()}x{self._window.height()}"
            log.warning(
                "on this screen (%s, %s, %s), cut short with '…': %s: %s",
                where,
                self._kiosk.language.current,
                size,
                plural(len(cut), "text"),
                "; ".join(f"«{text}»" for text in cut),
            )
        self._said = cut


def shown_texts(root: QQuickItem) -> list[QQuickItem]:
    """The shown texts under ``root``, outside the curator's own strips."""
    return [
        item
        for item in shown_tree(root, leave_out=CHROME)
        # asked only of texts: PySide 6.12 mis-counts the None that property() returns
        # for a property an item lacks (see ``kiosk.ui.render._shown_motion``)
        if item.metaObject().indexOfProperty("truncated") >= 0
    ]


def shown_cut_texts(root: QQuickItem) -> list[QQuickItem]:
    """The shown texts under ``root`` that Qt cut short (elided, or over their maximum
    number of lines), outside the curator's own strips."""
    return [item for item in shown_texts(root) if item.property("truncated") and item.width() > 0]
