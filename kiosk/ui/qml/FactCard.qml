pragma ComponentBehavior: Bound
import QtQuick

// One key fact: its value, then what the value is. While the fact is read aloud
// ("label: value", the two read as one) the whole card is marked: a tint and an outline.
Rectangle {
    id: card
    required property var ui
    required property string label
    required property string value
    property bool marked: false
    objectName: "factCard"
    // read as one line, what the number is before the number
    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + value
    radius: ui.radius
    color: ui.surface
    border.color: ui.line
    implicitHeight: column.implicitHeight + 2 * ui.gap
    Rectangle { width: Math.max(4, 6 * card.ui.k); height: parent.height - 2 * card.radius; y: card.radius; color: card.ui.accent2 }
    Rectangle {
        objectName: "factMark"
        visible: card.marked
        anchors.fill: parent
        radius: card.radius
        color: Qt.rgba(card.ui.accent.r, card.ui.accent.g, card.ui.accent.b, 0.16)
        border.color: card.ui.accent
        border.width: Math.max(2, Math.round(card.ui.gap / 6))
    }
    Column {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: card.ui.gap; leftMargin: card.ui.gap * 1.4 }
        spacing: card.ui.gap / 4
        Text {
            width: parent.width
            text: card.value
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap  // at spaces only: the row leaves each word room
            font.pixelSize: card.fitted(text, valueMetrics, card.ui.heading, width)
            font.variableAxes: { "wght": Font.Bold }
            color: card.ui.ink
        }
        Text {
            width: parent.width
            text: card.label
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap  // at spaces only: the row leaves each word room
            font.pixelSize: card.fitted(text, labelMetrics, card.ui.caption, width)
            color: card.ui.muted
        }
    }
    // Where even one card to a row is narrower than a word ("1997–1998 годы", held
    // together, at 150 % on a 1024-wide screen), that text is set smaller, just enough
    // for its widest word; otherwise at its size.
    FontMetrics { id: valueMetrics; font.pixelSize: card.ui.heading; font.variableAxes: { "wght": Font.Bold } }
    FontMetrics { id: labelMetrics; font.pixelSize: card.ui.caption }
    function fitted(text: string, metrics: FontMetrics, size: real, room: real): real {
        let most = 0
        for (const word of text.split(/[ \t\n\r]+/))
            most = Math.max(most, metrics.advanceWidth(word))
        return room > 0 && most > room ? Math.max(Math.floor(size * room / most), Math.round(size / 2)) : size
    }
}
