import QtQuick

// Esc on the home screen outside kiosk mode: quit, or stay (Enter / Esc answer too).
Rectangle {
    id: overlay
    required property var kiosk
    required property var ui
    color: Qt.rgba(0, 0, 0, 0.6)
    objectName: "quitQuestion"
    readonly property Item titleItem: question  // takes the focus while it asks

    MouseArea { anchors.fill: parent }  // nothing underneath reacts while asking
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * overlay.ui.margin, 900 * overlay.ui.k)
        height: column.implicitHeight + 2 * overlay.ui.margin
        radius: overlay.ui.radius * 2
        color: overlay.ui.surface
        Column {
            id: column
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: overlay.ui.margin }
            spacing: overlay.ui.gap
            ScreenText {
                id: question
                objectName: "quitQuestionText"
                Accessible.role: Accessible.Heading
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: "Quit the presentation?"
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: overlay.ui.title
                font.variableAxes: { "wght": Font.Bold }
                color: overlay.ui.ink
            }
            Row {
                anchors.horizontalCenter: parent.horizontalCenter
                spacing: overlay.ui.gap
                NavButton {
                    objectName: "quitStay"
                    ui: overlay.ui
                    text: "Stay (Esc)"
                    onActivated: overlay.kiosk.presenter.cancelQuit()
                }
                NavButton {
                    objectName: "quitConfirm"
                    ui: overlay.ui
                    primary: true
                    fill: overlay.ui.highlight  // a warning colour: this ends the presentation
                    text: "Quit (Enter)"
                    onActivated: overlay.kiosk.presenter.confirmQuit()
                }
            }
        }
    }
}
