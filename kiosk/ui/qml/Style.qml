import QtQuick

// Sizes at 1080p scaled to the window, and the theme colours from kiosk.yaml.
// The visitor's text size (kiosk.appearance.textScale) multiplies every text size;
// the high-contrast mode draws black text on white, with no theme colours.
QtObject {
    property real k: 1
    property bool portrait: false
    required property var theme  // kiosk.theme: every colour of the site's theme
    property real textScale: 1
    property bool highContrast: false
    // false on the audience window of a talk (kiosk --present): the projector shows the
    // content only; the presenter moves it on from the console, so no button, no arrow
    property bool controls: true

    readonly property color background: highContrast ? "#FFFFFF" : theme.background
    readonly property color surface: highContrast ? "#FFFFFF" : theme.surface
    readonly property color ink: highContrast ? "#000000" : theme.ink
    readonly property color muted: highContrast ? "#000000" : theme.muted
    readonly property color accent: highContrast ? "#000000" : theme.accent
    readonly property color accent2: highContrast ? "#000000" : theme.accent_2
    readonly property color highlight: highContrast ? "#000000" : theme.highlight
    // text in the accent colour (headings, dates): the theme's accent_text, dark
    // enough to read on the background
    readonly property color accentText: highContrast ? "#000000" : theme.accent_text
    // outlines: faint in the theme, solid black in high contrast so every button shows its edge
    readonly property color line: highContrast ? "#000000" : Qt.rgba(ink.r, ink.g, ink.b, 0.12)
    // the backdrop of pictures (gallery, attract loop) and the text on it
    readonly property color stage: highContrast ? "#FFFFFF" : "#111214"
    readonly property color stageSurface: highContrast ? "#FFFFFF" : "#1B1C1F"
    readonly property color stageInk: highContrast ? "#000000" : "#FFFFFF"
    readonly property color stageMuted: highContrast ? "#000000" : "#D9D9D9"

    // Text sizes. A weight goes on the bundled variable font's axis,
    // font.variableAxes: { "wght": Font.Bold }, not on the font's weight property, which
    // Qt draws on some paths only (not over 64 px in software, not DemiBold with
    // OpenGL); tests/test_ui_weights.py says more. The regular weight sets no axis
    // (``({})``): it is the font's own default, and an axis set to it outright would be
    // a face of its own, its shaping tables copied again (about 0.4 MB).
    readonly property real display: Math.round(72 * k * textScale)
    readonly property real title: Math.round(48 * k * textScale)
    readonly property real heading: Math.round(34 * k * textScale)
    readonly property real body: Math.round(28 * k * textScale)
    readonly property real caption: Math.round(22 * k * textScale)
    readonly property real margin: Math.round((portrait ? 48 : 64) * k)
    readonly property real gap: Math.round(24 * k)
    readonly property real target: Math.max(64, Math.round(80 * k))
    readonly property real radius: Math.round(14 * k)
    readonly property real measure: Math.round(1180 * k)   // ~70 characters of body text
    property int fade: 220  // ms of every transition; tests not about them set 0

    // Home tiles: every number of their geometry, here only, so the tile that draws and
    // the grid that makes room for it cannot drift apart. Every title and subtitle has
    // the same size and room on every tile.
    readonly property real tileTitle: Math.round(30 * k * textScale)  // one size on every tile
    readonly property real tileTitleSpacing: 1.1      // lineHeight of a tile's title
    readonly property real tileSubtitleSpacing: 1.15  // and of its subtitle
    readonly property real tileInset: gap / 2         // around each tile: a gap between two
    readonly property real tilePadding: gap           // the texts from the tile's sides and foot
    readonly property real tileTextTop: gap * 1.25    // the title below the cover's flag stripe
    readonly property real tileTextGap: gap / 3       // between title and subtitle
    // Noto Sans: a line is 1.37 em, a little more once its ascent and descent are
    // rounded to whole pixels
    readonly property real fontLine: 1.4
    readonly property real tileTitleLine: Math.ceil(tileTitle * tileTitleSpacing * fontLine)
    readonly property real tileSubtitleLine: Math.ceil(caption * tileSubtitleSpacing * fontLine)
    function tileTextWidth(cellWidth) { return cellWidth - 2 * tileInset - 2 * tilePadding }
    function tileTextRoom(titleLines, subtitleLines) {
        return Math.ceil(tileTextTop + tilePadding + tileTextGap + titleLines * tileTitleLine + subtitleLines * tileSubtitleLine)
    }
}
