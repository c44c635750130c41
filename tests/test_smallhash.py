"""The start-up digest is SHA-256 as hashlib gives it, without loading OpenSSL."""

from __future__ import annotations

import hashlib

import pytest

from kiosk.content.smallhash import sha256_hex


@pytest.mark.parametrize("data", [b"", b"abc", "oʻzbek ə ğ\\0".encode(), bytes(range(256)) * 300])
def test_the_digest_is_hashlibs(data: bytes) -> None:
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
