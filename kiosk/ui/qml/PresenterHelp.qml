pragma ComponentBehavior: Bound
import QtQuick

// F1 or ?: the presenter's key map, over whatever is on screen; any tap closes it.
Rectangle {
    id: overlay
    required property var kiosk
    required property var ui
    color: Qt.rgba(0, 0, 0, 0.6)
    objectName: "presenterHelp"
    readonly property Item titleItem: helpTitle  // takes the focus while the key map shows

    MouseArea {
        objectName: "helpClose"
        anchors.fill: parent
        onClicked: overlay.kiosk.presenter.hideHelp()
        Accessible.role: Accessible.Button
        Accessible.name: "Close (Esc)"
        Accessible.onPressAction: overlay.kiosk.presenter.hideHelp()
    }
    Rectangle {
        objectName: "presenterHelpCard"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * overlay.ui.margin, 1300 * overlay.ui.k)
        height: Math.min(parent.height - 2 * overlay.ui.gap, column.implicitHeight + 2 * overlay.ui.margin)
        radius: overlay.ui.radius * 2
        color: overlay.ui.surface
        clip: true
        Column {
            id: column
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: overlay.ui.margin }
            spacing: overlay.ui.gap / 2
            ScreenText {
                id: helpTitle
                objectName: "presenterHelpTitle"
                Accessible.role: Accessible.Heading
                width: parent.width
                text: "Keys"
                textFormat: Text.PlainText
                font.pixelSize: overlay.ui.title
                font.variableAxes: { "wght": Font.Bold }
                color: overlay.ui.ink
            }
            Repeater {
                model: overlay.kiosk.presenter.keys
                Row {
                    id: keyRow
                    required property var modelData
                    width: column.width
                    spacing: overlay.ui.gap
                    ScreenText {
                        objectName: "helpKeys"
                        width: parent.width * 0.32
                        text: keyRow.modelData.keys
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: overlay.ui.body
                        font.variableAxes: { "wght": Font.Bold }
                        color: overlay.ui.accent
                    }
                    ScreenText {
                        width: parent.width * 0.68 - overlay.ui.gap
                        text: keyRow.modelData.action
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: overlay.ui.body
                        color: overlay.ui.ink
                    }
                }
            }
        }
    }
}
