import QtQuick

// The one control bar, at the foot of every screen but the attract loop, where a
// seated or short visitor reaches it on a tall portrait screen: Back, Home,
// Timeline and Map on the left, the accessibility controls and the languages on the right.
// Each button is as wide as its longest word in any language, so nothing moves
// when the language changes. Where the groups do not fit side by side (a narrow
// screen, larger text) the languages go up a row: alone, above the navigation with
// the accessibility controls, or with the accessibility controls beside them where
// only that fits (a landscape screen at 125 %). Where neither fits, the three take a
// row each; the languages wrap if they need more.
Rectangle {
    id: bar
    required property var kiosk
    required property var ui
    readonly property var words: kiosk.everyLanguageStrings
    // the bar's words grow with the visitor's text size up to 125 %, and no further:
    // a larger bar would take a row more and a third of a landscape screen
    readonly property Style controls: Style {
        k: bar.ui.k
        portrait: bar.ui.portrait
        theme: bar.ui.theme
        highContrast: bar.ui.highContrast
        textScale: Math.min(bar.ui.textScale, 1.25)
    }
    readonly property string screen: kiosk.nav.screen
    // the accessibility controls with Listen, shown or not, where reading aloud is
    // offered on this machine at all: the layout is the same on every screen and in
    // every language. Without it (no voice program or no sound, as on many a
    // presentation laptop) its room goes to the languages' row.
    readonly property real a11yRoom: textSizeButton.width + contrastButton.width + a11y.spacing
        + (kiosk.readAloud.offered ? listenButton.width + a11y.spacing : 0)
    // the screen's margin at the sides: the bar's buttons line up with the screen's text
    // above them (larger text takes a row more instead). Only where that margin would
    // make a third row that sides a gap wide would not (a 5:4 monitor, 1280x1024, the
    // languages and the accessibility controls 25 px too wide together) do the sides
    // come in: a row less gives the page a tenth of the screen back.
    readonly property real side: rowsIn(width - 2 * controls.margin) === 3
        && rowsIn(width - 2 * controls.gap) < 3 ? controls.gap : controls.margin
    readonly property real room: width - 2 * side
    // 1: all in one row; 2: the languages above (with the accessibility controls where
    // ``a11yUp``); 3: languages, accessibility, navigation
    readonly property int rows: rowsIn(room)
    function rowsIn(room: real): int {
        return navRow.width + a11yRoom + languages.rowWidth + 2 * controls.gap <= room ? 1
            : navRow.width + a11yRoom + controls.gap <= room && languages.rowWidth <= room ? 2
            : upIn(room) ? 2 : 3
    }
    // the accessibility controls up beside the languages: where they do not fit beside
    // the navigation, but do beside the languages (one row fewer than three)
    readonly property bool a11yFitsUp: upIn(room)
    function upIn(room: real): bool {
        return navRow.width + a11yRoom + controls.gap > room
            && languages.rowWidth + a11yRoom + controls.gap <= room && navRow.width <= room
    }
    // read with ``rows``, never alone: while the widths change, the two must not
    // disagree (the languages placed from the controls and the controls from them)
    readonly property bool a11yUp: rows === 2 && a11yFitsUp
    readonly property real edge: controls.gap * 0.75  // above the top row and below the bottom one
    readonly property real rowGap: controls.gap / 2
    // Where Back, Home, Timeline and Map with their words would not fit in a row (a
    // portrait screen at larger text), Timeline and Map show their signs only; a screen
    // reader still hears their names. Measured for the widest word in any language.
    function fullWidth(texts) {
        let widest = 0
        for (const t of texts) widest = Math.max(widest, Math.ceil(navMetrics.advanceWidth(t)))
        return Math.max(controls.target, controls.heading + controls.gap / 2 + widest + 2 * controls.gap)
    }
    readonly property bool compactNav: {
        navMetrics.font
        let need = backButton.width + homeButton.width + navRow.spacing
        if (kiosk.hasTimeline) need += fullWidth(words.timeline) + navRow.spacing
        if (kiosk.hasMap) need += fullWidth(words.map) + navRow.spacing
        return need > width - 2 * controls.gap
    }
    FontMetrics { id: navMetrics; font.pixelSize: bar.controls.body; font.variableAxes: { "wght": Font.DemiBold } }
    objectName: "navBar"
    color: controls.surface
    // the languages' row, the accessibility controls in it where they went up
    readonly property real upperHeight: a11yUp ? Math.max(languages.height, a11y.height) : languages.height
    implicitHeight: 2 * edge + navRow.height + (rows > 1 ? rowGap + upperHeight : 0)
                    + (rows > 2 ? rowGap + a11y.height : 0)

    Rectangle { anchors { left: parent.left; right: parent.right; top: parent.top } height: 1; color: bar.controls.line }

    Row {
        id: navRow
        objectName: "navButtons"
        x: bar.side
        y: bar.height - bar.edge - height
        spacing: bar.controls.gap / 2
        NavButton {
            id: backButton
            objectName: "backButton"
            ui: bar.controls
            glyph: "‹"
            text: bar.kiosk.strings.back
            widthTexts: bar.words.back
            enabled: bar.screen !== "home"
            onActivated: bar.kiosk.nav.back()
        }
        NavButton {
            id: homeButton
            objectName: "homeButton"
            ui: bar.controls
            glyph: "⌂"
            text: bar.kiosk.strings.home
            widthTexts: bar.words.home
            selected: bar.screen === bar.kiosk.nav.screens.home
            onActivated: bar.kiosk.nav.home()
        }
        NavButton {
            objectName: "timelineButton"
            visible: bar.kiosk.hasTimeline
            ui: bar.controls
            glyph: "◷"
            text: bar.compactNav ? "" : bar.kiosk.strings.timeline
            widthTexts: bar.compactNav ? [] : bar.words.timeline
            spokenName: bar.kiosk.strings.timeline
            selected: bar.screen === bar.kiosk.nav.screens.timeline
            onActivated: bar.kiosk.nav.openTimeline()
        }
        NavButton {
            objectName: "mapButton"
            visible: bar.kiosk.hasMap
            ui: bar.controls
            glyph: "◉"
            text: bar.compactNav ? "" : bar.kiosk.strings.map
            widthTexts: bar.compactNav ? [] : bar.words.map
            spokenName: bar.kiosk.strings.map
            selected: bar.screen === bar.kiosk.nav.screens.map
            onActivated: bar.kiosk.nav.openMap()
        }
    }

    // Reading aloud, contrast and text size: right-aligned next to the languages,
    // Listen leftmost, so its appearing or going never moves the others; in the order
    // shown, so a screen reader reads them left to right as they are seen.
    Row {
        id: a11y
        objectName: "a11yControls"
        x: (bar.rows === 1 || bar.a11yUp ? languages.x - bar.controls.gap : bar.width - bar.side) - width
        // placed from the navigation's row, as the languages are, never from them: a
        // binding from each to the other looped while the bar's width changed with no
        // height (a presentation's audience window)
        y: bar.rows === 3 ? navRow.y - bar.rowGap - height
            : bar.a11yUp ? navRow.y - bar.rowGap - (bar.upperHeight + height) / 2
            : navRow.y + (navRow.height - height) / 2
        spacing: bar.controls.gap / 2
        NavButton {
            id: listenButton
            objectName: "listenButton"
            visible: bar.kiosk.readAloud.canListen
            ui: bar.controls
            glyph: bar.kiosk.readAloud.speaking ? "■" : "▶"
            text: bar.kiosk.readAloud.speaking ? bar.kiosk.strings.stop_reading : bar.kiosk.strings.listen
            widthTexts: bar.words.listen.concat(bar.words.stop_reading)
            selected: bar.kiosk.readAloud.speaking
            onActivated: bar.kiosk.readAloud.toggle()
        }
        NavButton {
            id: contrastButton
            objectName: "contrastButton"
            ui: bar.controls
            glyph: "◐"
            text: bar.kiosk.strings.contrast
            widthTexts: bar.words.contrast
            selected: bar.kiosk.appearance.highContrast
            Accessible.role: Accessible.Button
            Accessible.name: text
            Accessible.checkable: true
            Accessible.checked: selected
            onActivated: bar.kiosk.appearance.toggleContrast()
        }
        NavButton {
            id: textSizeButton
            objectName: "textSizeButton"
            ui: bar.controls
            glyph: "Aa"
            // the size now: a tap gives the next one, after the largest the first again
            text: bar.kiosk.appearance.textPercent + " %"
            widthTexts: bar.kiosk.appearance.percentLabels
            selected: bar.kiosk.appearance.textScale > 1
            Accessible.role: Accessible.Button
            Accessible.name: bar.kiosk.strings.text_size + " " + text
            onActivated: bar.kiosk.appearance.stepTextSize()
        }
    }

    LanguageBar {
        id: languages
        x: bar.width - bar.side - width
        y: bar.rows === 1 ? navRow.y + (navRow.height - height) / 2
            : bar.rows === 2 ? navRow.y - bar.rowGap - (bar.upperHeight + height) / 2
            : navRow.y - 2 * bar.rowGap - a11y.height - height
        maxWidth: bar.room
        kiosk: bar.kiosk
        ui: bar.controls
    }
}
