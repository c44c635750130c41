import QtQuick

// A heading in the staff panel.
Text {
    required property var ui
    required property var colors
    width: parent ? parent.width : 0
    textFormat: Text.PlainText
    wrapMode: Text.Wrap
    topPadding: ui.gap
    font.pixelSize: ui.heading
    font.weight: Font.Bold
    color: colors.text
}
