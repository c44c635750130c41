"""The exhibits shipped in the repository load with no errors and no warnings."""

from __future__ import annotations

from kiosk.commands.args import bundled_exhibits
from kiosk.content.loader import load_content


def test_bundled_exhibits_are_valid_and_complete() -> None:
    result = load_content(bundled_exhibits())
    assert [str(p) for p in result.errors] == []
    assert [str(p) for p in result.warnings] == []
    assert result.content is not None
    assert len(result.content.exhibits) >= 4
    assert result.content.site.language_codes == ("uz", "az", "ru", "en")
    assert result.content.timeline()
