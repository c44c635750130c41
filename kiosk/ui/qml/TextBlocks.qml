import QtQuick

// Paragraphs and bullet lists from the content layer, always as plain text.
Column {
    id: blocksView
    required property var ui
    property var blocks: []
    property color color: ui.ink
    property real fontSize: ui.body
    spacing: ui.gap * 0.75

    Repeater {
        model: blocksView.blocks
        Column {
            id: block
            required property var modelData
            width: blocksView.width
            spacing: blocksView.ui.gap / 3
            ScreenText {
                objectName: "paragraph"
                visible: block.modelData.kind === "paragraph"
                width: parent.width
                text: block.modelData.text
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: blocksView.fontSize
                lineHeight: 1.3
                color: blocksView.color
            }
            Repeater {
                model: block.modelData.items
                Row {
                    id: bullet
                    required property string modelData
                    width: block.width
                    spacing: blocksView.ui.gap / 2
                    Text {
                        text: "•"
                        textFormat: Text.PlainText
                        font.pixelSize: blocksView.fontSize
                        color: blocksView.ui.accentText
                    }
                    ScreenText {
                        objectName: "bullet"
                        width: bullet.width - blocksView.fontSize
                        text: bullet.modelData
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: blocksView.fontSize
                        lineHeight: 1.3
                        color: blocksView.color
                    }
                }
            }
        }
    }
}
