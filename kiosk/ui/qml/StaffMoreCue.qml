pragma ComponentBehavior: Bound
import QtQuick

// "More below": at the foot of a staff column that is longer than the screen, the last
// lines fade out above a button that scrolls on; it goes when the end is in view.
Item {
    id: cue
    required property var ui
    required property var colors
    required property Flickable flick
    readonly property real lastY: flick.originY + flick.contentHeight - flick.height
    // a column not laid out yet (no height, as while the panel is made) has nothing below
    readonly property bool more: flick.height > 0 && flick.contentHeight > flick.height + 1 && flick.contentY < lastY - 2
    objectName: flick.objectName + "More"  // statusFlickMore, sideFlickMore
    anchors { left: flick.left; right: flick.right; bottom: flick.bottom }
    height: button.height + Math.round(48 * ui.k)
    visible: more

    Rectangle {
        objectName: cue.objectName + "Fade"
        anchors.fill: parent
        // drawn once into a layer one pixel wide (it does not change across the column):
        // a gradient drawn as a fade's opacity changes is a new table in Qt's gradient
        // cache each frame, up to 60 of 12 KB kept for good
        layer.enabled: true
        layer.textureSize: Qt.size(1, Math.max(1, Math.round(height)))
        gradient: Gradient {
            GradientStop { position: 0; color: Qt.rgba(cue.colors.background.r, cue.colors.background.g, cue.colors.background.b, 0) }
            GradientStop { position: 0.55; color: cue.colors.background }
        }
    }
    // the fade takes taps too: nothing under it is half readable
    MouseArea { anchors.fill: parent; onClicked: button.scrollOn() }
    Rectangle {
        id: button
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom }
        width: label.implicitWidth + 2 * cue.ui.gap
        height: Math.max(cue.ui.target * 0.8, label.implicitHeight + cue.ui.gap)
        radius: height / 2
        color: cue.colors.card
        Accessible.role: Accessible.Button
        Accessible.name: label.text
        Accessible.onPressAction: button.scrollOn()
        function scrollOn() {
            cue.flick.contentY = Math.min(cue.lastY, cue.flick.contentY + cue.flick.height * 0.8)
        }
        Text {
            id: label
            objectName: cue.objectName + "Label"
            anchors.centerIn: parent
            // Written only while it shows: the bundled font has no "▾", so laying it out
            // loads a second font (DejaVu Sans here: its face, shaping tables and file
            // pages, kept for good) for a cue that a column which fits never shows.
            text: cue.more ? "More below \u25BE" : ""
            textFormat: Text.PlainText
            font.pixelSize: cue.ui.body
            color: cue.colors.text
        }
    }
}
