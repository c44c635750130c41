import QtQuick

// One credit line: what it is ("Source", "Illustrations") and what it names.
Column {
    id: credit
    required property var ui
    required property string label
    required property var blocks
    spacing: ui.gap / 4

    ScreenText {
        objectName: "creditLabel"
        width: parent.width
        text: credit.label
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: credit.ui.caption
        font.variableAxes: { "wght": Font.Bold }
        color: credit.ui.muted
    }
    TextBlocks {
        width: parent.width
        ui: credit.ui
        blocks: credit.blocks
    }
}
