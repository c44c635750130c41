import QtQuick

// Unseen: the widest word of ``text`` (texts one a line) at this font, as Qt breaks
// lines. Laid out a pixel wide, each word takes a line of its own, so the text's width is
// its widest word's: a box narrower than that breaks the word in two.
Text {
    readonly property real widest: Math.ceil(contentWidth)
    visible: false
    width: 1
    textFormat: Text.PlainText
    wrapMode: Text.WordWrap
}
