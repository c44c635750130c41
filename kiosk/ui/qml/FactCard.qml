import QtQuick

Rectangle {
    id: card
    required property var ui
    required property string label
    required property string value
    objectName: "factCard"
    // read as one line, what the number is before the number
    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + value
    radius: ui.radius
    color: ui.surface
    border.color: ui.line
    implicitHeight: column.implicitHeight + 2 * ui.gap
    Rectangle { width: Math.max(4, 6 * card.ui.k); height: parent.height - 2 * card.radius; y: card.radius; color: card.ui.accent2 }
    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: card.ui.gap; leftMargin: card.ui.gap * 1.4 }
        spacing: card.ui.gap / 4
        Text {
            width: parent.width
            text: card.value
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap  // at spaces only: the row leaves each word room
            font.pixelSize: card.ui.heading
            font.weight: Font.Bold
            color: card.ui.ink
        }
        Text {
            width: parent.width
            text: card.label
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap  // at spaces only: the row leaves each word room
            font.pixelSize: card.ui.caption
            color: card.ui.muted
        }
    }
}
