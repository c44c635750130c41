pragma ComponentBehavior: Bound
import QtQuick

// Paragraphs and bullet lists from the content layer, always as plain text. While one
// is read aloud (``markedPiece``: its number in the blocks' count of paragraphs and
// bullets) the sentence being read (``markStart`` to ``markEnd`` in its text) is marked;
// with no place for the sentence, a tint lies behind the whole paragraph.
Column {
    id: blocksView
    required property var ui
    property var blocks: []
    property int markedPiece: -1
    property int markStart: -1
    property int markEnd: -1
    property var readAloud: null  // where the sentence lies (kiosk.readAloud); none: no marks
    readonly property color markColor: Qt.rgba(ui.accent.r, ui.accent.g, ui.accent.b, 0.16)
    property color color: ui.ink
    property real fontSize: ui.body
    spacing: ui.gap * 0.75

    // the marked paragraph or bullet (each one tells when it is), and where it lies
    property Item markedItem: null
    onMarkedPieceChanged: if (markedPiece < 0) markedItem = null
    function markedRect() {
        const item = markedItem as Text
        if (!item) return null
        const lines = markStart >= 0 && readAloud
            ? readAloud.sentenceLines(item.text, item.font, item.width, item.lineHeight, markStart, markEnd)
            : []
        if (lines.length === 0) return item.mapToItem(blocksView, 0, 0, item.width, item.height)
        const top = lines[0].y, bottom = lines[lines.length - 1].y + lines[lines.length - 1].height
        return item.mapToItem(blocksView, 0, top, item.width, bottom - top)
    }

    // By count, not by the array: the same text in another language (another array
    // of as many blocks) changes each paragraph's words in place, where a new array
    // would make every paragraph and bullet anew. Another text with more or fewer
    // blocks (the next exhibit) keeps those it shares (Rows). A block about to go (the
    // new text has fewer) reads an empty one meanwhile.
    readonly property var noBlock: ({ kind: "paragraph", text: "", items: [], piece: -1 })
    Repeater {
        model: Rows { wanted: blocksView.blocks.length }
        Column {
            id: block
            required property int index
            readonly property var modelData: blocksView.blocks[index] ?? blocksView.noBlock
            width: blocksView.width
            spacing: blocksView.ui.gap / 3
            ScreenText {
                id: paragraph
                objectName: "paragraph"
                readonly property bool marked: block.modelData.kind === "paragraph"
                    && block.modelData.piece === blocksView.markedPiece
                onMarkedChanged: if (marked) blocksView.markedItem = paragraph
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
                model: Rows { wanted: block.modelData.items.length }  // by count, as the blocks
                Row {
                    id: bullet
                    required property int index
                    readonly property string modelData: block.modelData.items[index] ?? ""
                    width: block.width
                    spacing: blocksView.ui.gap / 2
                    Text {
                        text: "•"
                        textFormat: Text.PlainText
                        font.pixelSize: blocksView.fontSize
                        color: blocksView.ui.accentText
                    }
                    ScreenText {
                        id: bulletText
                        objectName: "bullet"
                        readonly property bool marked: block.modelData.piece + bullet.index === blocksView.markedPiece
                        onMarkedChanged: if (marked) blocksView.markedItem = bulletText
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

    // The marks, made once for the whole block and put in the paragraph or bullet
    // being read: none in every paragraph (an exhibit page would make two hundred
    // items more for a reading that may never come)
    // (a property, not a child: the column would lay it out among the paragraphs)
    readonly property ReadMark wholeMark: ReadMark {
        parent: blocksView.markedItem
        visible: blocksView.markedItem !== null && (blocksView.markStart < 0 || !blocksView.readAloud)
        color: blocksView.markColor
        gap: blocksView.ui.gap
    }
    SentenceMark {
        target: blocksView.markedItem as Text
        readAloud: blocksView.readAloud
        start: blocksView.markedItem && blocksView.readAloud ? blocksView.markStart : -1
        end: blocksView.markEnd
        tint: blocksView.markColor
        bar: blocksView.ui.accent
        gap: blocksView.ui.gap
    }
}
