pragma ComponentBehavior: Bound
import QtQuick

// The tint behind the paragraph, bullet or caption being read aloud, a little larger
// than its text and drawn beneath it.
Rectangle {
    objectName: "readMark"
    required property real gap
    anchors { fill: parent; leftMargin: -gap / 3; rightMargin: -gap / 3; topMargin: -gap / 6; bottomMargin: -gap / 6 }
    z: -1
    radius: gap / 3
}
