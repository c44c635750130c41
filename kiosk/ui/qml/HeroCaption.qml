import QtQuick

// What the cover shows and who made it, below the picture on a solid bar: a caption
// over a picture would hide part of it and be hard to read on a light one.
Rectangle {
    id: bar
    required property var ui
    required property var image  // the page's hero: caption, credit
    property real inset: ui.margin  // lines the text up with the page's text column
    property real textWidth: width - 2 * inset
    objectName: "heroCaptionBar"
    color: ui.surface
    implicitHeight: column.implicitHeight + ui.gap * 1.2

    Rectangle { anchors { left: parent.left; right: parent.right; bottom: parent.bottom } height: 1; color: bar.ui.line }
    Column {
        id: column
        x: bar.inset
        y: bar.ui.gap * 0.6
        width: bar.textWidth
        spacing: bar.ui.gap / 6
        ScreenText {
            objectName: "heroCaption"
            visible: text !== ""
            width: parent.width
            text: bar.image ? bar.image.caption : ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: bar.ui.caption
            font.italic: true
            color: bar.ui.ink
        }
        ScreenText {
            objectName: "heroCredit"
            visible: text !== ""
            width: parent.width
            text: bar.image ? bar.image.credit : ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: bar.ui.caption * 0.9
            color: bar.ui.muted
        }
    }
}
