"""The curators' safe text format: paragraphs and bullet lists, nothing else.

Paragraphs are separated by a blank line; a line starting with ``- `` or ``• ``
is a bullet. Everything else is literal text: angle brackets, ampersands and
``[links](x)`` reach the screen exactly as typed, because the UI renders plain
text only. Markup that looks like HTML is never interpreted anywhere.
"""

from __future__ import annotations

from kiosk.content.model import Block, BulletList, Paragraph

_BULLETS = ("- ", "• ", "* ")


def parse_blocks(text: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(Paragraph(" ".join(paragraph)))
            paragraph.clear()

    def flush_bullets() -> None:
        if bullets:
            blocks.append(BulletList(tuple(bullets)))
            bullets.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush_paragraph()
            flush_bullets()
        elif line.startswith(_BULLETS):
            flush_paragraph()
            bullets.append(line[2:].strip())
        elif bullets and raw.startswith((" ", "\t")):
            bullets[-1] = f"{bullets[-1]} {line}"
        else:
            flush_bullets()
            paragraph.append(line)
    flush_paragraph()
    flush_bullets()
    return tuple(blocks)
