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
    "no_page_notes": {  # a page shown off the talk (G)
        "en": "No notes for this page",
        "uz": "Bu sahifa uchun eslatma yoʻq",
        "az": "Bu səhifə üçün qeyd yoxdur",
        "ru": "Для этой страницы заметок нет",
    },
    "paused": {
        "en": "paused: P goes on",
        "uz": "toʻxtatilgan: P – davom",
        "az": "dayandırılıb: P – davam",
        "ru": "пауза: P – продолжить",
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
    "text_size": {
        "en": "Text {percent} % (+ −)",
        "uz": "Matn {percent} % (+ −)",
        "az": "Mətn {percent} % (+ −)",
        "ru": "Текст {percent} % (+ −)",
    },
    "contrast": {
        "en": "Contrast (K)",
        "uz": "Kontrast (K)",
        "az": "Kontrast (K)",
        "ru": "Контраст (K)",
    },
    "talks": {
        "en": "Talks (T)",
        "uz": "Nutqlar (T)",
        "az": "Çıxışlar (T)",
        "ru": "Выступления (T)",
    },
    "choose_talk": {
        "en": "Choose a talk",
        "uz": "Nutqni tanlang",
        "az": "Çıxışı seçin",
        "ru": "Выберите выступление",
    },
    "choose_keys": {
        "en": "Up / Down and Enter, or its number · Esc: keep the talk on now",
        "uz": "Yuqoriga / Pastga va Enter yoki uning raqami · Esc: joriy nutq qoladi",
        "az": "Yuxarı / Aşağı və Enter, ya da nömrəsi · Esc: indiki çıxış qalır",
        "ru": "Вверх / Вниз и Enter или его номер · Esc: оставить текущее",
    },
    "talks_left_out": {
        "en": "Left out for their errors (kiosk validate lists them all):",
        "uz": "Xatolar sababli chetda qolgan (kiosk validate hammasini koʻrsatadi):",
        "az": "Səhvlərə görə kənarda qalan (kiosk validate hamısını göstərir):",
        "ru": "Не включены из-за ошибок (kiosk validate покажет все):",
    },
    "pages": {
        "en": "Pages (G)",
        "uz": "Sahifalar (G)",
        "az": "Səhifələr (G)",
        "ru": "Страницы (G)",
    },
    "choose_page": {
        "en": "Show the audience a page off the talk",
        "uz": "Tomoshabinlarga nutqdan tashqari sahifani koʻrsatish",
        "az": "Tamaşaçılara çıxışdan kənar səhifə göstərmək",
        "ru": "Показать залу страницу вне выступления",
    },
    "choose_page_keys": {
        "en": "Up / Down and Enter, or its number · Esc: the audience keeps what it sees"
        " · afterwards, Esc brings the talk back where it was",
        "uz": "Yuqoriga / Pastga va Enter yoki uning raqami · Esc: tomoshabinlar ekrani"
        " oʻzgarmaydi · keyin Esc nutqni oʻsha joyiga qaytaradi",
        "az": "Yuxarı / Aşağı və Enter, ya da nömrəsi · Esc: tamaşaçı ekranı dəyişmir"
        " · sonra Esc çıxışı qaldığı yerə qaytarır",
        "ru": "Вверх / Вниз и Enter или его номер · Esc: экран зала не меняется"
        " · потом Esc вернёт выступление туда, где оно было",
    },
    "away": {
        "en": "Off the talk · Esc: back to step {number}",
        "uz": "Nutqdan tashqari · Esc: {number}-qadamga qaytish",
        "az": "Çıxışdan kənar · Esc: geri, addım {number}",
        "ru": "Вне выступления · Esc: назад к шагу {number}",
    },
    "back_to_talk": {
        "en": "Back to the talk",
        "uz": "Nutqqa qaytish",
        "az": "Çıxışa qayıdış",
        "ru": "Назад к выступлению",
    },
    "whole_exhibition": {
        "en": "The whole exhibition: every exhibit, the timeline, the map, the sources",
        "uz": "Butun koʻrgazma: barcha eksponatlar, xronologiya, xarita, manbalar",
        "az": "Bütün sərgi: bütün eksponatlar, xronologiya, xəritə, mənbələr",
        "ru": "Вся выставка: все экспонаты, хронология, карта, источники",
    },
    "steps_count": {
        "en": "{count} steps",
        "uz": "{count} qadam",
        "az": "{count} addım",
        "ru": "шагов: {count}",
    },
    "ends_at": {
        "en": "ends at {time}",
        "uz": "{time} da tugaydi",
        "az": "{time}-da bitir",
        "ru": "до {time}",
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
    # what the console says of the content (kiosk.runtime.talk.content_notices)
    "talk_left_out": {
        "en": "The talk “{talk}” has errors and was left out: the audience sees the whole"
        " exhibition instead. Fix the file, then choose the talk with T.",
        "uz": "«{talk}» nutqida xatolar bor va u chetda qoldi: tomoshabinlar uning oʻrniga"
        " butun koʻrgazmani koʻradi. Faylni tuzating, soʻng nutqni T bilan tanlang.",
        "az": "«{talk}» çıxışında səhvlər var və o, kənarda qaldı: tamaşaçılar onun yerinə"
        " bütün sərgini görür. Faylı düzəldin, sonra çıxışı T ilə seçin.",
        "ru": "В выступлении «{talk}» есть ошибки, и оно пропущено: зал видит вместо него"
        " всю выставку. Исправьте файл, затем выберите выступление клавишей T.",
    },
    "talk_unknown": {
        "en": "There is no talk “{talk}”: the audience sees the whole exhibition instead."
        " T lists the talks there are.",
        "uz": "«{talk}» nomli nutq yoʻq: tomoshabinlar uning oʻrniga butun koʻrgazmani koʻradi."
        " T mavjud nutqlarni koʻrsatadi.",
        "az": "«{talk}» adlı çıxış yoxdur: tamaşaçılar onun yerinə bütün sərgini görür."
        " T mövcud çıxışları göstərir.",
        "ru": "Выступления «{talk}» нет: зал видит вместо него всю выставку."
        " T покажет все выступления.",
    },
    "folder_errors": {
        "en": "The exhibits folder has errors: the talk goes on as it was loaded.",
        "uz": "Eksponatlar papkasida xatolar bor: nutq yuklangan holicha davom etadi.",
        "az": "Eksponatlar qovluğunda səhvlər var: çıxış yükləndiyi kimi davam edir.",
        "ru": "В папке экспонатов есть ошибки: выступление идёт так, как было загружено.",
    },
    "edits_waiting": {
        "en": "Edits to the exhibits folder show when a talk is chosen (T) or the talk is"
        " started again.",
        "uz": "Eksponatlar papkasidagi oʻzgarishlar nutq tanlanganda (T) yoki qaytadan"
        " boshlanganda koʻrinadi.",
        "az": "Eksponatlar qovluğundakı dəyişikliklər çıxış seçiləndə (T) və ya yenidən"
        " başlayanda görünəcək.",
        "ru": "Изменения в папке экспонатов появятся, когда выступление будет выбрано (T)"
        " или запущено заново.",
    },
    "nothing_loaded": {
        "en": "The exhibits folder has errors and no earlier version of it was kept: the"
        " audience sees a “being updated” message until they are fixed. The talk starts"
        " by itself once the folder loads.",
        "uz": "Eksponatlar papkasida xatolar bor va uning avvalgi nusxasi saqlanmagan:"
        " xatolar tuzatilguncha tomoshabinlar “yangilanmoqda” xabarini koʻradi. Papka"
        " yuklanishi bilan nutq oʻzi boshlanadi.",
        "az": "Eksponatlar qovluğunda səhvlər var və onun əvvəlki nüsxəsi saxlanmayıb:"
        " səhvlər düzələnə qədər tamaşaçılar “yenilənir” mesajını görür. Qovluq yüklənən"
        " kimi çıxış özü başlayacaq.",
        "ru": "В папке экспонатов есть ошибки, а её прежней версии нет: пока их не"
        " исправят, зал видит сообщение «обновляется». Выступление начнётся само, как"
        " только папка загрузится.",
    },
    "screens_mirrored": {
        "en": "The screens show the same picture (mirrored): the audience sees this console"
        " too. Set the displays to “Extend” in the system's display settings: the console"
        " then stays on the laptop and the talk goes to the projector.",
        "uz": "Ekranlar bir xil tasvirni koʻrsatmoqda (koʻzgu rejimi): tomoshabinlar bu"
        " konsolni ham koʻradi. Tizimning ekran sozlamalarida “Kengaytirish” rejimini"
        " tanlang: konsol noutbukda qoladi, nutq esa proyektorga oʻtadi.",
        "az": "Ekranlar eyni görüntünü göstərir (güzgü rejimi): tamaşaçılar bu konsolu da"
        " görür. Sistemin ekran ayarlarında “Genişləndir” rejimini seçin: konsol noutbukda"
        " qalacaq, çıxış isə proyektora keçəcək.",
        "ru": "Экраны показывают одно и то же (дублирование): зал тоже видит эту консоль."
        " Выберите в настройках дисплея режим «Расширить»: консоль останется на ноутбуке,"
        " а выступление перейдёт на проектор.",
    },
    "more_problems": {
        "en": "… and {count} more (kiosk validate lists them all)",
        "uz": "… yana {count} ta (kiosk validate hammasini koʻrsatadi)",
        "az": "… və daha {count} (kiosk validate hamısını göstərir)",
        "ru": "… и ещё {count} (kiosk validate покажет все)",
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


# What F1 lists on the console in a talk: the keys, and what each does (the map itself
# is kiosk.ui.presenting's; the kiosk's own keys are in kiosk.runtime.navigation).
KEYS: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "PageDown / Right / Space",
        {
            "en": "next screenful (timeline: next date; map: next place), then the next "
            "step; never past the end",
            "uz": "keyingi ekran (xronologiyada – keyingi sana, xaritada – keyingi joy), "
            "soʻng keyingi qadam; oxiridan nariga oʻtmaydi",
            "az": "növbəti ekran (xronologiyada – növbəti tarix, xəritədə – növbəti yer), "
            "sonra növbəti addım; sondan o yana keçmir",
            "ru": "следующий экран (в хронологии – следующая дата, на карте – следующее "
            "место), затем следующий шаг; дальше конца не идёт",
        },
    ),
    (
        "PageUp / Left / Backspace",
        {
            "en": "screenful back (timeline: date before; map: place before); "
            "at the top, the end of the previous step",
            "uz": "bir ekran orqaga (xronologiyada – oldingi sana, xaritada – oldingi joy); "
            "yuqorida – oldingi qadamning oxiri",
            "az": "bir ekran geri (xronologiyada – əvvəlki tarix, xəritədə – əvvəlki yer); "
            "yuxarıda – əvvəlki addımın sonu",
            "ru": "экран назад (в хронологии – предыдущая дата, на карте – предыдущее "
            "место); вверху – конец предыдущего шага",
        },
    ),
    (
        "Home / End",
        {
            "en": "first / last step",
            "uz": "birinchi / oxirgi qadam",
            "az": "ilk / son addım",
            "ru": "первый / последний шаг",
        },
    ),
    (
        "1 2 3 … Enter",
        {
            "en": "go to that step of the outline",
            "uz": "rejadagi shu qadamga oʻtish",
            "az": "plandakı həmin addıma keçid",
            "ru": "перейти к этому шагу плана",
        },
    ),
    (
        "P",
        {
            "en": "pause / resume the timer (before the first step: start it)",
            "uz": "taymerni toʻxtatish / davom ettirish (birinchi qadamdan oldin: boshlash)",
            "az": "taymeri dayandırmaq / davam etdirmək (ilk addımdan əvvəl: başlatmaq)",
            "ru": "пауза / продолжение таймера (до первого шага: запуск)",
        },
    ),
    (
        "R",
        {
            "en": "reset the timer to 0:00 (it starts again with the next step)",
            "uz": "taymerni 0:00 ga qaytarish (keyingi qadam bilan yana boshlanadi)",
            "az": "taymeri 0:00-a qaytarmaq (növbəti addımla yenidən başlayır)",
            "ru": "сбросить таймер на 0:00 (пойдёт снова со следующего шага)",
        },
    ),
    (
        "B  .  /  W",
        {
            "en": "black / white screen for the audience (again: content back)",
            "uz": "tomoshabinlar uchun qora / oq ekran (yana bossangiz: mazmun qaytadi)",
            "az": "tamaşaçılar üçün qara / ağ ekran (yenidən: məzmun qayıdır)",
            "ru": "чёрный / белый экран для зала (ещё раз: содержание вернётся)",
        },
    ),
    (
        "F",
        {
            "en": "freeze the audience's picture while the console moves on",
            "uz": "pult oldinga ketganda tomoshabinlar rasmini muzlatish",
            "az": "pult irəlilədikcə tamaşaçıların şəklini dondurmaq",
            "ru": "заморозить кадр для зала, пока пульт идёт дальше",
        },
    ),
    (
        "Esc",
        {
            "en": "content back after blank or freeze; otherwise asks to quit",
            "uz": "boʻsh yoki muzlatilgan ekrandan keyin mazmun qaytadi;"
            " aks holda chiqishni soʻraydi",
            "az": "boş və ya dondurulmuş ekrandan sonra məzmun qayıdır; əks halda çıxmağı soruşur",
            "ru": "вернуть содержание после пустого или замороженного экрана;"
            " иначе спросит о выходе",
        },
    ),
    (
        "S",
        {
            "en": "swap the two screens",
            "uz": "ikki ekranni almashtirish",
            "az": "iki ekranı dəyişmək",
            "ru": "поменять экраны местами",
        },
    ),
    (
        "C",
        {
            "en": "one screen: show / hide this console",
            "uz": "bitta ekran: bu pultni koʻrsatish / yashirish",
            "az": "bir ekran: bu pultu göstərmək / gizlətmək",
            "ru": "один экран: показать / скрыть этот пульт",
        },
    ),
    (
        "+  −",
        {
            "en": "the audience's text larger / smaller (100, 125, 150 %)",
            "uz": "tomoshabinlar uchun matn kattaroq / kichikroq (100, 125, 150 %)",
            "az": "tamaşaçılar üçün mətn daha böyük / daha kiçik (100, 125, 150 %)",
            "ru": "текст для зала крупнее / мельче (100, 125, 150 %)",
        },
    ),
    (
        "K",
        {
            "en": "high contrast for the audience: black on white (again: the usual colours)",
            "uz": "tomoshabinlar uchun yuqori kontrast: oq fonda qora"
            " (yana bossangiz: odatiy ranglar)",
            "az": "tamaşaçılar üçün yüksək kontrast: ağ üzərində qara (yenidən: adi rənglər)",
            "ru": "высокий контраст для зала: чёрным по белому (ещё раз: обычные цвета)",
        },
    ),
    (
        "T",
        {
            "en": "choose another talk (it starts at its first step, the timer at 0:00)",
            "uz": "boshqa nutqni tanlash (birinchi qadamdan, taymer 0:00 dan boshlanadi)",
            "az": "başqa çıxışı seçmək (ilk addımdan başlayır, taymer 0:00-dan)",
            "ru": "выбрать другое выступление (с первого шага, таймер с 0:00)",
        },
    ),
    (
        "G",
        {
            "en": "show any page of the exhibition off the talk (a question); Esc: the talk"
            " back where it was",
            "uz": "koʻrgazmaning istalgan sahifasini nutqdan tashqari koʻrsatish (savol uchun);"
            " Esc: nutq oʻsha joyiga qaytadi",
            "az": "sərginin istənilən səhifəsini çıxışdan kənar göstərmək (sual üçün);"
            " Esc: çıxış qaldığı yerə qayıdır",
            "ru": "показать любую страницу выставки вне выступления (на вопрос);"
            " Esc: выступление там же, где было",
        },
    ),
    (
        "L",
        {
            "en": "next audience language",
            "uz": "tomoshabinlar uchun keyingi til",
            "az": "tamaşaçılar üçün növbəti dil",
            "ru": "следующий язык для зала",
        },
    ),
    (
        "Down / Up",
        {
            "en": "scroll the page a little",
            "uz": "sahifani biroz aylantirish",
            "az": "səhifəni bir az sürüşdürmək",
            "ru": "немного прокрутить страницу",
        },
    ),
    (
        "F11",
        {
            "en": "audience window full screen on / off",
            "uz": "tomoshabinlar oynasi: toʻliq ekran yoqish / oʻchirish",
            "az": "tamaşaçı pəncərəsi: tam ekran açıq / bağlı",
            "ru": "окно для зала: полный экран вкл. / выкл.",
        },
    ),
    (
        "F1  ?",
        {
            "en": "this list",
            "uz": "shu roʻyxat",
            "az": "bu siyahı",
            "ru": "этот список",
        },
    ),
    (
        "Ctrl+Q",
        {"en": "quit", "uz": "chiqish", "az": "çıxış", "ru": "выход"},
    ),
)


def keys(language: str) -> list[dict[str, str]]:
    """The F1 list in ``language`` (English where it has none)."""
    return [{"keys": k, "action": does.get(language, does["en"])} for k, does in KEYS]


def words(language: str) -> dict[str, str]:
    """Every console word in ``language`` (English where it has none)."""
    return {key: texts.get(language, texts["en"]) for key, texts in WORDS.items()}
