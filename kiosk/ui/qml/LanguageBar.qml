import QtQuick

// Each language named in itself; switching keeps the visitor where they are.
Row {
    id: bar
    required property var kiosk
    required property var ui
    spacing: ui.gap / 2
    objectName: "languageBar"

    Repeater {
        model: bar.kiosk.language.choices
        NavButton {
            required property var modelData
            objectName: "language_" + modelData.code
            ui: bar.ui
            text: modelData.name
            selected: bar.kiosk.language.code === modelData.code
            onActivated: bar.kiosk.language.choose(modelData.code)
        }
    }
}
