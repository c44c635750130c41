import QtQuick

// The one control bar, at the foot of every screen but the attract loop, where a
// seated or short visitor reaches it on a tall portrait screen: Back, Home and
// Timeline on the left, the accessibility controls and the languages on the right.
// Each button is as wide as its longest word in any language, so nothing moves
// when the language changes. On a narrow screen the languages take a row of
// their own above the others.
Rectangle {
    id: bar
    required property var kiosk
    required property var ui
    readonly property var words: kiosk.everyLanguageStrings
    readonly property string screen: kiosk.nav.screen
    // languages, navigation and accessibility in one row only where all fit side by side
    readonly property bool twoRows: navRow.width + listenButton.width + languages.width
                                    + 2 * ui.gap + 2 * ui.margin > width
    objectName: "navBar"
    color: ui.surface
    implicitHeight: (twoRows ? 2 * ui.target + ui.gap / 2 : ui.target) + ui.gap * 1.5

    Rectangle { anchors { left: parent.left; right: parent.right; top: parent.top } height: 1; color: bar.ui.line }

    Row {
        id: navRow
        objectName: "navButtons"
        x: bar.ui.margin
        anchors.bottom: parent.bottom
        anchors.bottomMargin: bar.ui.gap * 0.75
        spacing: bar.ui.gap / 2
        NavButton {
            objectName: "backButton"
            ui: bar.ui
            glyph: "‹"
            text: bar.kiosk.strings.back || ""
            widthTexts: bar.words.back || []
            enabled: bar.screen !== "home"
            onActivated: bar.kiosk.nav.back()
        }
        NavButton {
            objectName: "homeButton"
            ui: bar.ui
            glyph: "⌂"
            text: bar.kiosk.strings.home || ""
            widthTexts: bar.words.home || []
            selected: bar.screen === bar.kiosk.nav.screens.home
            onActivated: bar.kiosk.nav.home()
        }
        NavButton {
            objectName: "timelineButton"
            visible: bar.kiosk.hasTimeline
            ui: bar.ui
            glyph: "◷"
            text: bar.kiosk.strings.timeline || ""
            widthTexts: bar.words.timeline || []
            selected: bar.screen === bar.kiosk.nav.screens.timeline
            onActivated: bar.kiosk.nav.openTimeline()
        }
    }

    // Reading aloud, and later text size and contrast: right-aligned next to the
    // languages, so a control appearing or going never moves the others.
    Row {
        id: a11y
        objectName: "a11yControls"
        anchors.right: bar.twoRows ? parent.right : languages.left
        anchors.rightMargin: bar.twoRows ? bar.ui.margin : bar.ui.gap
        anchors.bottom: parent.bottom
        anchors.bottomMargin: bar.ui.gap * 0.75
        spacing: bar.ui.gap / 2
        layoutDirection: Qt.RightToLeft
        NavButton {
            id: listenButton
            objectName: "listenButton"
            visible: bar.kiosk.speech.canListen
            ui: bar.ui
            glyph: bar.kiosk.speech.speaking ? "■" : "▶"
            text: (bar.kiosk.speech.speaking ? bar.kiosk.strings.stop_reading : bar.kiosk.strings.listen) || ""
            widthTexts: (bar.words.listen || []).concat(bar.words.stop_reading || [])
            selected: bar.kiosk.speech.speaking
            onActivated: bar.kiosk.speech.toggle()
        }
    }

    LanguageBar {
        id: languages
        anchors.right: parent.right
        anchors.rightMargin: bar.ui.margin
        y: bar.twoRows ? bar.ui.gap * 0.75 : navRow.y
        kiosk: bar.kiosk
        ui: bar.ui
    }
}
