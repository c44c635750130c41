import QtQuick

// Preview mode only: the content errors of the last reload, as file:line:column lines.
Rectangle {
    id: banner
    required property var kiosk
    required property var ui
    objectName: "problemsBanner"
    color: "#3A0B10"
    height: Math.min(list.contentHeight + ui.gap * 2, parent ? parent.height * 0.4 : 400)
    width: parent ? parent.width : 0

    ListView {
        id: list
        anchors { fill: parent; margins: banner.ui.gap }
        clip: true
        model: banner.kiosk.problems.lines
        delegate: Text {
            required property string modelData
            objectName: "problemLine"
            width: list.width
            text: modelData
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
            font.pixelSize: banner.ui.caption
            font.family: "monospace"
            color: "#FFE3E6"
        }
    }
}
