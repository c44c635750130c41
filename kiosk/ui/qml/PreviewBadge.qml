import QtQuick

// Preview mode only: a strip of its own above the screens, so a curator always knows
// this window shows edits of one folder live (it covers nothing).
Rectangle {
    id: badge
    required property var kiosk
    required property var ui
    objectName: "previewBadge"
    color: "#1D2430"
    implicitHeight: Math.round(row.implicitHeight + ui.gap / 2)

    Row {
        id: row
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: badge.ui.gap; rightMargin: badge.ui.gap }
        spacing: badge.ui.gap / 2
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: label.implicitWidth + badge.ui.gap
            height: label.implicitHeight + badge.ui.gap / 4
            radius: height / 2
            color: "#F2B134"
            ScreenText {
                id: label
                objectName: "previewLabel"
                anchors.centerIn: parent
                text: "PREVIEW"
                textFormat: Text.PlainText
                font.pixelSize: badge.ui.caption
                font.variableAxes: { "wght": Font.Bold }
                color: "#1D2430"
            }
        }
        ScreenText {
            id: folder
            objectName: "previewFolder"
            anchors.verticalCenter: parent.verticalCenter
            // beside the cut texts (at most half the room): the problems' count stays whole
            width: Math.max(0, Math.min(implicitWidth, row.width - x - (cut.visible ? cut.width + row.spacing : 0)))
            text: "watching " + badge.kiosk.problems.watching
                  + (badge.kiosk.problems.lines.length ? "  ·  " + badge.kiosk.problems.summary : "  ·  no problems")
            textFormat: Text.PlainText
            elide: Text.ElideMiddle
            font.pixelSize: badge.ui.caption
            color: "white"
        }
        ScreenText {
            id: cut
            // the texts this screen ends in "…" (kiosk.ui.cut_texts), in the label's amber;
            // the folder's line ends with the problems' count, so this takes half the room
            objectName: "previewCut"
            anchors.verticalCenter: parent.verticalCenter
            visible: text !== ""
            width: Math.max(0, Math.min(implicitWidth, (row.width - folder.x - row.spacing) / 2))
            text: badge.kiosk.problems.cutSummary
            textFormat: Text.PlainText
            elide: Text.ElideRight
            font.pixelSize: badge.ui.caption
            color: "#F2B134"
        }
    }
}
