import QtQuick

// One error or warning line (file:line:column: message) in the staff panel.
Text {
    required property var ui
    width: parent ? parent.width : 0
    textFormat: Text.PlainText
    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    font.pixelSize: ui.caption
    font.family: "monospace"
}
