"""The presenter console's own words, in the kiosk's four languages.

The console is the presenter's, not the audience's: it speaks the presenter's
language (``--presenter-language``, or a tap on the console), whatever the audience
is shown. Another language falls back to English.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "audience": {
        "en": "Audience screen",
        "uz": "Tomoshabinlar ekrani",
        "az": "Tamaşaçı ekranı",
        "ru": "Экран для зала",
    },
    "next": {"en": "Next", "uz": "Keyingisi", "az": "Növbəti", "ru": "Далее"},
    "more": {
        "en": "More of this page",
        "uz": "Shu sahifaning davomi",
        "az": "Bu səhifənin davamı",
        "ru": "Продолжение этой страницы",
    },
    "end": {
        "en": "End of the talk",
        "uz": "Nutqning oxiri",
        "az": "Çıxışın sonu",
        "ru": "Конец выступления",
    },
    "over": {
        "en": "The talk is over",
        "uz": "Nutq tugadi",
        "az": "Çıxış bitdi",
        "ru": "Выступление окончено",
    },
    "notes": {"en": "Notes", "uz": "Eslatmalar", "az": "Qeydlər", "ru": "Заметки"},
    "no_notes": {
        "en": "No notes for this step",
        "uz": "Bu qadam uchun eslatma yoʻq",
        "az": "Bu addım üçün qeyd yoxdur",
        "ru": "Для этого шага заметок нет",
    },
    "elapsed": {"en": "Elapsed", "uz": "Oʻtgan vaqt", "az": "Keçən vaxt", "ru": "Прошло"},
    "left": {"en": "Time left", "uz": "Qolgan vaqt", "az": "Qalan vaxt", "ru": "Осталось"},
    "clock": {"en": "Clock", "uz": "Soat", "az": "Saat", "ru": "Время"},
    "waiting": {
        "en": "starts with the first step forward",
        "uz": "birinchi qadam bilan boshlanadi",
        "az": "ilk addımla başlayır",
        "ru": "пойдёт с первого шага",
    },
    "outline": {"en": "Outline", "uz": "Reja", "az": "Plan", "ru": "План"},
    "step": {"en": "Step", "uz": "Qadam", "az": "Addım", "ru": "Шаг"},
    "black": {
        "en": "Black screen (B)",
        "uz": "Qora ekran (B)",
        "az": "Qara ekran (B)",
        "ru": "Чёрный экран (B)",
    },
    "white": {
        "en": "White screen (W)",
        "uz": "Oq ekran (W)",
        "az": "Ağ ekran (W)",
        "ru": "Белый экран (W)",
    },
    "freeze": {
        "en": "Freeze (F)",
        "uz": "Muzlatish (F)",
        "az": "Dondur (F)",
        "ru": "Заморозить (F)",
    },
    "frozen": {
        "en": "Frozen: the audience keeps its picture (Esc)",
        "uz": "Muzlatilgan: tomoshabinlar oldingi rasmni koʻradi (Esc)",
        "az": "Dondurulub: tamaşaçılar əvvəlki şəkli görür (Esc)",
        "ru": "Заморожено: зал видит прежний кадр (Esc)",
    },
    "blanked": {
        "en": "The audience sees a blank screen (Esc)",
        "uz": "Tomoshabinlar boʻsh ekranni koʻradi (Esc)",
        "az": "Tamaşaçılar boş ekran görür (Esc)",
        "ru": "Зал видит пустой экран (Esc)",
    },
    "go_to": {
        "en": "Go to step",
        "uz": "Qadamga oʻtish",
        "az": "Addıma keç",
        "ru": "Перейти к шагу",
    },
    "swap": {
        "en": "Swap screens (S)",
        "uz": "Ekranlarni almashtirish (S)",
        "az": "Ekranları dəyiş (S)",
        "ru": "Поменять экраны (S)",
    },
    "hide": {
        "en": "Hide the console (C)",
        "uz": "Pultni yashirish (C)",
        "az": "Pultu gizlət (C)",
        "ru": "Скрыть пульт (C)",
    },
    "audience_language": {
        "en": "Audience (L)",
        "uz": "Zal (L)",
        "az": "Zal (L)",
        "ru": "Зал (L)",
    },
    "notes_language": {
        "en": "Console",
        "uz": "Pult",
        "az": "Pult",
        "ru": "Пульт",
    },
    "quit": {
        "en": "Quit the talk?",
        "uz": "Nutqni tugatasizmi?",
        "az": "Çıxışı bitirək?",
        "ru": "Завершить выступление?",
    },
    "quit_keys": {
        "en": "Enter: quit · Esc: stay",
        "uz": "Enter: chiqish · Esc: qolish",
        "az": "Enter: çıx · Esc: qal",
        "ru": "Enter: выйти · Esc: остаться",
    },
    "keys": {
        "en": "PageDown / PageUp: next / back · Home / End · number + Enter: go to step"
        " · F1: every key",
        "uz": "PageDown / PageUp: oldinga / orqaga · Home / End · raqam + Enter: qadamga oʻtish"
        " · F1: barcha tugmalar",
        "az": "PageDown / PageUp: irəli / geri · Home / End · nömrə + Enter: addıma keç"
        " · F1: bütün düymələr",
        "ru": "PageDown / PageUp: вперёд / назад · Home / End · номер + Enter: к шагу"
        " · F1: все клавиши",
    },
}


def words(language: str) -> dict[str, str]:
    """Every console word in ``language`` (English where it has none)."""
    return {key: texts.get(language, texts["en"]) for key, texts in WORDS.items()}
