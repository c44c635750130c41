import QtQuick

// One error or warning line (file:line:column: message) in the staff panel.
ScreenText {
    required property var ui
    width: parent ? parent.width : 0
    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    font.pixelSize: ui.caption
    font.family: "monospace"
}
