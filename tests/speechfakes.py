"""A speech engine that records what it was asked to say instead of saying it."""

from __future__ import annotations

from kiosk.runtime.speech import VOICES, Utterance


class FakePlayback:
    def __init__(self, utterance: Utterance) -> None:
        self.utterance = utterance
        self.ended = False  # the reading came to its end by itself
        self.stopped = False
        self.complaint = ""

    def finished(self) -> bool:
        return self.ended or self.stopped

    def stop(self) -> None:
        self.stopped = True

    def problem(self) -> str:
        return self.complaint if self.finished() else ""


class FakeEngine:
    def __init__(self, reason: str = "", voices: frozenset[str] | None = None) -> None:
        self.reason = reason
        self._voices = frozenset(VOICES.values()) if voices is None else voices
        self.played: list[FakePlayback] = []

    def play(self, utterance: Utterance) -> FakePlayback:
        playback = FakePlayback(utterance)
        self.played.append(playback)
        return playback

    def voices(self) -> frozenset[str]:
        return self._voices

    @property
    def said(self) -> list[tuple[str, str]]:
        """(voice, text) of every reading, in order."""
        return [(p.utterance.voice, p.utterance.text) for p in self.played]
