pragma ComponentBehavior: Bound
import QtQuick

// Each language named in itself; switching keeps the visitor where they are.
// With larger text on a narrow screen the buttons wrap to a second row.
Flow {
    id: bar
    required property var kiosk
    required property var ui
    property real maxWidth: 100000
    // all the buttons side by side
    readonly property real rowWidth: {
        let total = 0
        for (let i = 0; i < buttons.count; i++) {
            const button = buttons.itemAt(i)
            if (button) total += button.width + (i > 0 ? spacing : 0)
        }
        return total
    }
    width: Math.min(rowWidth, maxWidth)
    spacing: ui.gap / 2
    objectName: "languageBar"

    Repeater {
        id: buttons
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
