"""What the kiosk shows when it starts and no valid content exists yet.

A calm "being updated" screen instead of a crash loop: the service manager keeps
the process up, the watcher keeps looking, and the first valid set replaces this.
Only a kiosk that never accepted content shows it: one that did starts from the
last accepted set (``kiosk.runtime.last_good``).

The message is the attract loop's "touch to explore" line, one per language, and
home's subtitle; the title stays empty, or the attract loop would show the
default language's line twice (title, then the first of the lines).
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.model import ContentSet, IdleSettings, Language, Site, Text, Theme

_LANGUAGES = (
    Language("uz", "Oʻzbekcha"),
    Language("az", "Azərbaycanca"),
    Language("ru", "Русский"),
    Language("en", "English"),
)
_MESSAGE = {
    "uz": "Ekran yangilanmoqda. Iltimos, birozdan soʻng qayting.",
    "az": "Ekran yenilənir. Zəhmət olmasa, bir az sonra qayıdın.",
    "ru": "Экран обновляется. Пожалуйста, загляните чуть позже.",
    "en": "This screen is being updated. Please come back soon.",
}
FALLBACK_VERSION = "fallback"


def fallback_content(root: Path) -> ContentSet:
    # only when no content was ever accepted: the schema (and PyYAML) load here, then
    from kiosk.content.site_schema import DEFAULTED_STRINGS, STRING_KEYS

    message = Text(_MESSAGE, "uz")
    # every word the screens read, as from a loaded kiosk.yaml: the kiosk's own wording
    # where it has one, else empty (no screen here shows the bar's words)
    codes = [language.code for language in _LANGUAGES]
    strings = {key: Text({}, "uz") for key in STRING_KEYS}
    for key, wording in DEFAULTED_STRINGS.items():
        strings[key] = Text({code: wording.get(code, wording["en"]) for code in codes}, "uz")
    strings["touch_to_explore"] = message
    site = Site(
        title=Text({}, "uz"),
        subtitle=message,
        languages=_LANGUAGES,
        default_language="uz",
        idle=IdleSettings(),
        strings=strings,
        theme=Theme(),
    )
    return ContentSet(root=root, site=site, exhibits=(), version=FALLBACK_VERSION)
