import QtQuick

// Always-visible Back and Home, and the language bar.
Rectangle {
    id: bar
    required property var kiosk
    required property var ui
    property bool showLanguages: true
    property color tint: ui.surface
    color: tint
    implicitHeight: flow.implicitHeight + ui.gap * 1.5

    Rectangle { anchors { left: parent.left; right: parent.right; bottom: parent.bottom } height: 1; color: bar.ui.line }
    Flow {
        id: flow
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: bar.ui.margin; rightMargin: bar.ui.margin }
        spacing: bar.ui.gap
        NavButton {
            objectName: "backButton"
            ui: bar.ui
            glyph: "‹"
            text: bar.kiosk.strings.back || ""
            onActivated: bar.kiosk.nav.back()
        }
        NavButton {
            objectName: "homeButton"
            ui: bar.ui
            glyph: "⌂"
            text: bar.kiosk.strings.home || ""
            onActivated: bar.kiosk.nav.home()
        }
        Item { width: bar.ui.gap; height: 1 }
        LanguageBar { visible: bar.showLanguages; kiosk: bar.kiosk; ui: bar.ui }
    }
}
