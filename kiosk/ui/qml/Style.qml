import QtQuick

// Sizes at 1080p scaled to the window, and the theme colours from kiosk.yaml.
QtObject {
    property real k: 1
    property bool portrait: false
    property var theme: ({})

    readonly property color background: theme.background || "#F7F3EA"
    readonly property color surface: theme.surface || "#FFFFFF"
    readonly property color ink: theme.ink || "#1D2430"
    readonly property color muted: theme.muted || "#5A6270"
    readonly property color accent: theme.accent || "#0099B5"
    readonly property color accent2: theme.accent_2 || "#1EB53A"
    readonly property color highlight: theme.highlight || "#EF3340"
    readonly property color line: Qt.rgba(ink.r, ink.g, ink.b, 0.12)

    readonly property real display: Math.round(72 * k)
    readonly property real title: Math.round(48 * k)
    readonly property real heading: Math.round(34 * k)
    readonly property real body: Math.round(28 * k)
    readonly property real caption: Math.round(22 * k)
    readonly property real margin: Math.round((portrait ? 48 : 64) * k)
    readonly property real gap: Math.round(24 * k)
    readonly property real target: Math.max(64, Math.round(80 * k))
    readonly property real radius: Math.round(14 * k)
    readonly property real measure: Math.round(1180 * k)   // ~70 characters of body text
    readonly property int fade: 220

    // home tiles: every title and subtitle has the same size and room (Noto Sans: a line is 1.37 em)
    readonly property real tileTitle: Math.round(30 * k)  // one size on every tile
    readonly property real tileTitleLine: Math.ceil(tileTitle * 1.1 * 1.37)
    readonly property real tileSubtitleLine: Math.ceil(caption * 1.15 * 1.37)
    function tileTextRoom(titleLines, subtitleLines) {
        return Math.ceil(gap * 2.25 + gap / 3 + titleLines * tileTitleLine + subtitleLines * tileSubtitleLine)
    }
}
