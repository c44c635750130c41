pragma ComponentBehavior: Bound
import QtQuick

// The sentence being read aloud, marked in its paragraph: a tint behind each of its
// lines and a bar under them, drawn beneath the text. Where the lines are comes from
// Qt's text layout, so the text stays plain and wraps, sizes and colours as ever;
// the bar marks it where a tint alone would be faint (the contrast mode's black on white).
// Not an item: every paragraph, bullet and title of a page has one, and while nothing
// of it is read it puts no item in the window (an exhibit page opens with one to two
// hundred fewer to make); the lines' marks are made in the text when a sentence is marked.
Instantiator {
    id: mark
    required property Text target  // null: nothing marked
    required property int start  // offsets into the target's text; -1: nothing marked
    required property int end
    required property color tint
    required property color bar
    required property real gap

    // the lines of the sentence, in the text's coordinates (kiosk.readAloud lays the
    // text out again with Qt's text layout: a Text tells no character positions)
    required property var readAloud
    readonly property var lines: start >= 0 && end > start && target
        ? readAloud.sentenceLines(target.text, target.font, target.width, target.lineHeight, start, end)
        : []

    model: mark.lines
    Rectangle {
        required property rect modelData
        objectName: "sentenceMark"
        parent: mark.target
        z: -1  // beneath the text
        x: modelData.x - mark.gap / 6
        y: modelData.y
        width: modelData.width + mark.gap / 3
        height: modelData.height
        radius: mark.gap / 6
        color: mark.tint
        Rectangle {
            objectName: "sentenceBar"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            anchors.leftMargin: mark.gap / 6
            anchors.rightMargin: mark.gap / 6
            height: Math.max(2, Math.round(mark.gap / 8))
            radius: height / 2
            color: mark.bar
        }
    }
}
