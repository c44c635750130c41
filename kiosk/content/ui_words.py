"""The words of the interface every site has: those ``kiosk.yaml`` must give, and those
the kiosk words itself where an older ``kiosk.yaml`` leaves them out.

Apart from the schema that checks them, so the UI can name them without the YAML
reader (a warm start loads no YAML).
"""

from __future__ import annotations

STRING_KEYS = (
    "home",
    "back",
    "timeline",
    "gallery",
    "facts",
    "touch_to_explore",
    "still_there",
    "restarting_in",
    "continue",
    "image_position",
)
# Strings added after kiosk.yaml files were written: one left out gets the kiosk's own
# wording (in these languages, else English), so an older kiosk.yaml still loads.
DEFAULTED_STRINGS: dict[str, dict[str, str]] = {
    "about": {
        "uz": "Koʻrgazma haqida",
        "az": "Sərgi haqqında",
        "ru": "О выставке",
        "en": "About this exhibition",
    },
    # the control bar's text size ("Aa") button: its accessible name
    "text_size": {
        "uz": "Matn oʻlchami",
        "az": "Mətn ölçüsü",
        "ru": "Размер текста",
        "en": "Text size",
    },
    "contrast": {"uz": "Kontrast", "az": "Kontrast", "ru": "Контраст", "en": "Contrast"},
    # the listen button, and what it says while reading
    "listen": {"uz": "Tinglash", "az": "Dinləyin", "ru": "Слушать", "en": "Listen"},
    "stop_reading": {"uz": "Toʻxtatish", "az": "Dayandırın", "ru": "Остановить", "en": "Stop"},
    # shown for a moment when a reading fails (the sound device gone), before Listen goes
    "no_sound": {
        "uz": "Bu ekranda ovoz mavjud emas",
        "az": "Bu ekranda səs mövcud deyil",
        "ru": "На этом экране звук недоступен",
        "en": "Sound is not available on this screen",
    },
    # what a screen reader says for the buttons that show a sign and no word
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
    # the button at the end of an exhibit page ("Next: <the next exhibit's title>")
    "next_exhibit": {"uz": "Keyingisi", "az": "Növbəti", "ru": "Далее", "en": "Next"},
    # the map screen, and a dated moment's way to its place on it
    "map": {"uz": "Xarita", "az": "Xəritə", "ru": "Карта", "en": "Map"},
    "map_hint": {
        "uz": "Koʻrgazmalarini koʻrish uchun joyni tanlang",
        "az": "Sərgilərini görmək üçün yeri seçin",
        "ru": "Выберите место, чтобы увидеть его экспозиции",
        "en": "Choose a place to see its exhibits",
    },
    "on_the_map": {"uz": "Xaritada", "az": "Xəritədə", "ru": "На карте", "en": "On the map"},
    "scroll_down": {
        "uz": "Pastga aylantirish",
        "az": "Aşağı sürüşdür",
        "ru": "Прокрутить вниз",
        "en": "Scroll down",
    },
    # where the visitor is, above an exhibit's title, and how long its page takes to read
    "exhibit_position": {
        "uz": "Boʻlim {index} / {count}",
        "az": "Bölmə {index} / {count}",
        "ru": "Раздел {index} из {count}",
        "en": "Exhibit {index} of {count}",
    },
    "reading_time": {
        "uz": "Oʻqish: taxminan {minutes} daqiqa",
        "az": "Oxu: təxminən {minutes} dəq",
        "ru": "Чтение: около {minutes} мин",
        "en": "About {minutes} min to read",
    },
    # what a screen reader says for the staff's hidden corner (the panel itself is English)
    "staff_corner": {
        "uz": "Xodimlar paneli",
        "az": "Əməkdaşlar paneli",
        "ru": "Панель сотрудников",
        "en": "Staff panel",
    },
    "staff_corner_hint": {
        "uz": "Uch soniya bosib turing",
        "az": "Üç saniyə basıb saxlayın",
        "ru": "Нажмите и удерживайте три секунды",
        "en": "Press and hold for three seconds",
    },
}
