pragma ComponentBehavior: Bound
import QtQuick

// "Are you still there?" with a countdown and one large target to carry on.
Rectangle {
    id: overlay
    required property var kiosk
    required property var ui
    property int secondsLeft: 0
    color: Qt.rgba(0, 0, 0, 0.55)
    objectName: "stillThere"
    readonly property Item titleItem: title  // takes the focus while the question shows

    MouseArea { anchors.fill: parent; onClicked: overlay.kiosk.idle.continueVisit() }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * overlay.ui.margin, 1000 * overlay.ui.k)
        height: column.implicitHeight + 2 * overlay.ui.margin
        radius: overlay.ui.radius * 2
        color: overlay.ui.surface
        Column {
            id: column
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: overlay.ui.margin }
            spacing: overlay.ui.gap
            ScreenText {
                id: title
                objectName: "stillThereTitle"
                Accessible.role: Accessible.Heading
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: overlay.kiosk.strings.still_there
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: overlay.ui.title
                font.variableAxes: { "wght": Font.Bold }
                color: overlay.ui.ink
            }
            ScreenText {
                objectName: "stillThereCountdown"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                text: overlay.kiosk.strings.restarting_in.replace("{seconds}", overlay.secondsLeft)
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: overlay.ui.body
                color: overlay.ui.muted
            }
            NavButton {
                objectName: "continueButton"
                anchors.horizontalCenter: parent.horizontalCenter
                ui: overlay.ui
                primary: true
                implicitHeight: overlay.ui.target * 1.4
                implicitWidth: Math.max(overlay.ui.target * 5, parent.width * 0.6)
                text: overlay.kiosk.strings["continue"]
                onActivated: overlay.kiosk.idle.continueVisit()
            }
        }
    }
}
