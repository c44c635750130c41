import QtQuick

// A heading in the staff panel.
ScreenText {
    required property var ui
    required property var colors
    Accessible.role: Accessible.Heading
    width: parent ? parent.width : 0
    wrapMode: Text.Wrap
    topPadding: ui.gap
    font.pixelSize: ui.heading
    font.weight: Font.Bold
    color: colors.text
}
