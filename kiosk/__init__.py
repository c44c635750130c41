"""Friendship Museum kiosk."""

__version__ = "0.1.0"
