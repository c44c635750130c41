"""Draw the README's screenshots with ``kiosk render``: ``python assets/screenshots.py``.

One list says which screen, exhibit, language and size each picture shows; the test
suite renders the same list and fails when a committed picture no longer matches
what the kiosk draws (so the README never shows an old screen).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"

# name: kiosk render arguments
SHOTS: dict[str, list[str]] = {
    "home": ["--screen", "home", "--lang", "uz"],
    "exhibit": ["--screen", "exhibit", "--exhibit", "friendship-museum", "--lang", "az"],
    "gallery": ["--screen", "gallery", "--exhibit", "culture-days", "--lang", "ru", "--index", "1"],
    "timeline": ["--screen", "timeline", "--lang", "en"],
    "attract": ["--screen", "attract"],
    "still-there": ["--screen", "still-there", "--lang", "ru"],
    "about": ["--screen", "about", "--lang", "en"],
    "exhibit-portrait": [
        *["--screen", "exhibit", "--exhibit", "fuzuli-school", "--lang", "uz"],
        *["--size", "1080x1920"],
    ],
    "map": ["--screen", "map", "--lang", "ru", "--index", "1"],
    "map-portrait": [
        *["--screen", "map", "--lang", "uz", "--index", "0"],
        *["--size", "1080x1920", "--text-size", "150", "--contrast"],
    ],
    "larger-text-contrast": [
        *["--screen", "exhibit", "--exhibit", "culture-days", "--lang", "az"],
        *["--size", "1080x1920", "--text-size", "150", "--contrast"],
    ],
}


def render(name: str, output: Path, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``kiosk render`` of one screenshot of the list into ``output``."""
    command = [sys.executable, "-m", "kiosk", "render", *SHOTS[name], "-o", str(output)]
    if cache is not None:
        command += ["--cache", str(cache)]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


def main() -> int:
    for name in SHOTS:
        done = render(name, OUT / f"{name}.png")
        print(done.stdout.strip() or done.stderr.strip())
        if done.returncode != 0:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
