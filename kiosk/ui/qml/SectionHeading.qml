import QtQuick

// A heading on an exhibit page: the page title, each section, "Facts", "Gallery".
ScreenText {
    required property var ui
    Accessible.role: Accessible.Heading
    width: parent ? parent.width : 0
    wrapMode: Text.Wrap
    font.pixelSize: ui.heading
    font.variableAxes: { "wght": Font.Bold }
    color: ui.ink
}
