pragma ComponentBehavior: Bound
import QtQuick

// Rows of the staff panel's status, top to bottom: headings, lines and problems
// (file:line:column), with words and tones decided in kiosk/runtime/staff_panel.py.
Column {
    id: list
    required property var ui
    required property var colors
    required property var rows
    property bool named: true  // false for a copy that only measures: no second objectName
    property bool followsRows: false  // under other rows: its first heading has room above too
    width: parent ? parent.width : 0
    spacing: Math.round(8 * ui.k)

    FontMetrics { id: body }  // the application's own font, for every row but a problem

    Repeater {
        model: list.rows
        delegate: ScreenText {
            id: row
            required property var modelData
            required property int index
            readonly property string kind: modelData.kind
            objectName: list.named ? modelData.name : ""
            width: list.width
            text: modelData.text
            wrapMode: kind === "problem" ? Text.WrapAtWordBoundaryOrAnywhere : Text.Wrap
            topPadding: kind === "heading" && (index > 0 || list.followsRows) ? list.ui.gap : 0
            leftPadding: modelData.indent ? list.ui.gap : 0
            font.pixelSize: kind === "heading" ? list.ui.heading
                : kind === "problem" ? list.ui.caption : list.ui.body
            font.variableAxes: kind === "heading" ? { "wght": Font.Bold } : ({})
            font.family: kind === "problem" ? "monospace" : body.font.family
            color: list.colors[modelData.tone]
            Accessible.role: kind === "heading" ? Accessible.Heading : Accessible.StaticText
        }
    }
}
