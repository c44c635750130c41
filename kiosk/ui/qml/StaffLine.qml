import QtQuick

// A line of status text in the staff panel.
ScreenText {
    required property var ui
    required property var colors
    width: parent ? parent.width : 0
    wrapMode: Text.Wrap
    font.pixelSize: ui.body
    color: colors.text
}
