"""The exhibits shipped in the repository load with no errors and no warnings."""

from __future__ import annotations

from kiosk.commands.args import bundled_exhibits
from kiosk.content.credits import about_page
from kiosk.content.loader import load_content


def test_bundled_exhibits_are_valid_and_complete() -> None:
    result = load_content(bundled_exhibits())
    assert [str(p) for p in result.errors] == []
    assert [str(p) for p in result.warnings] == []
    assert result.content is not None
    assert len(result.content.exhibits) >= 4
    assert result.content.site.language_codes == ("uz", "az", "ru", "en")
    assert result.content.timeline()


def test_bundled_exhibits_credit_their_source_and_images() -> None:
    """The About screen has the site's sources and every exhibit's, in every language."""
    content = load_content(bundled_exhibits()).content
    assert content is not None
    for code in content.site.language_codes:
        page = about_page(content, code)
        assert [line.label for line in page.credits] != []
        assert "president.uz" in " ".join(line.text for line in page.credits)
        assert "The Caspian Post" in " ".join(line.text for line in page.credits)
        for exhibit in page.exhibits:
            assert exhibit.credits, exhibit.id
            assert "The Caspian Post" in exhibit.credits[0].text
            images = sum(len(group.images) for group in exhibit.images)
            assert images == len(list(content.exhibit(exhibit.id).images()))  # type: ignore[union-attr]
            assert all(group.credit for group in exhibit.images)
