"""What a screen reader says for the buttons that show a sign and no word.

The gallery's arrows and the scroll cue carry no text on screen, yet Orca must name
them in the visitor's language like every other button. These words are the kiosk's
own, like the listen button's: a museum's kiosk.yaml from before them keeps loading.
"""

from __future__ import annotations

GLYPH_NAMES: dict[str, dict[str, str]] = {
    "previous_image": {
        "uz": "Oldingi rasm",
        "az": "Əvvəlki şəkil",
        "ru": "Предыдущее изображение",
        "en": "Previous image",
    },
    "next_image": {
        "uz": "Keyingi rasm",
        "az": "Növbəti şəkil",
        "ru": "Следующее изображение",
        "en": "Next image",
    },
    "scroll_down": {
        "uz": "Pastga aylantirish",
        "az": "Aşağı sürüşdür",
        "ru": "Прокрутить вниз",
        "en": "Scroll down",
    },
}
