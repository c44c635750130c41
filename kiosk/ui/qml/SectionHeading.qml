import QtQuick

// A heading on an exhibit page: the page title, each section, "Facts", "Gallery".
Text {
    required property var ui
    width: parent ? parent.width : 0
    textFormat: Text.PlainText
    wrapMode: Text.Wrap
    font.pixelSize: ui.heading
    font.weight: Font.Bold
    color: ui.ink
}
