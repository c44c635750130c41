import QtQuick

// One section of an exhibit page: heading, text, and an optional image with its caption.
// With read-aloud on, the heading has a play control that reads this section alone, and
// a bar in the margin marks the section while it is being read.
Column {
    id: section
    required property var kiosk
    required property var ui
    required property var modelData
    required property int index
    // The picture is not asked for while this holds (the page's cover comes first);
    // once asked for, it is not taken back (a cover built later does not hide it).
    property bool holdPicture: false
    // Its page is kept while other screens show: meanwhile no picture is held decoded,
    // and back on screen the cover comes first again.
    property bool away: false
    onAwayChanged: if (away) askedKey = ""
    readonly property string pictureKey: modelData.image && !away ? modelData.image.key : ""
    property string askedKey: ""
    readonly property string shownKey: holdPicture && askedKey !== pictureKey ? "" : pictureKey
    onShownKeyChanged: if (shownKey !== "") askedKey = shownKey
    Component.onCompleted: if (shownKey !== "") askedKey = shownKey
    readonly property bool beingRead: kiosk.readAloud.readingSection === index
    spacing: ui.gap
    topPadding: ui.gap

    // the part being read aloud, in this section's coordinates: the heading, a
    // paragraph or bullet, or the picture's caption
    function readingRect() {
        const piece = kiosk.readAloud.readingPiece
        if (piece === -2) return caption.mapToItem(section, 0, 0, caption.width, caption.height)
        const marked = piece >= 0 ? body.markedRect() : null
        if (marked) return body.mapToItem(section, marked.x, marked.y, marked.width, marked.height)
        return headingRow.mapToItem(section, 0, 0, headingRow.width, headingRow.height)
    }

    Item {
        id: headingRow
        width: parent.width
        height: Math.max(heading.implicitHeight, play.visible ? play.height : 0)
        SectionHeading {
            id: heading
            objectName: "sectionHeading"
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width - (play.visible ? play.width + section.ui.gap : 0)
            ui: section.ui
            text: section.modelData.heading
        }
        NavButton {
            id: play
            objectName: "sectionListen"
            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
            visible: section.kiosk.readAloud.canListen && section.ui.controls
            ui: section.ui
            glyph: section.beingRead ? "■" : "▶"
            selected: section.beingRead
            spokenName: (section.beingRead ? section.kiosk.strings.stop_reading : section.kiosk.strings.listen)
                        + ": " + section.modelData.heading
            onActivated: section.kiosk.readAloud.readSection(section.index)
        }
        Rectangle {
            // the mark in the margin, the section's whole height, while it is read
            objectName: "sectionReadMark"
            visible: section.beingRead
            x: -Math.round(section.ui.gap * 0.75)
            y: -section.topPadding / 2
            width: Math.max(4, Math.round(6 * section.ui.k))
            height: section.height - section.topPadding / 2
            radius: width / 2
            color: section.ui.accent
        }
    }
    TextBlocks {
        id: body
        width: parent.width
        ui: section.ui
        blocks: section.modelData.blocks
        markedPiece: section.beingRead ? section.kiosk.readAloud.readingPiece : -1
        markStart: section.kiosk.readAloud.readingStart
        readAloud: section.kiosk.readAloud
        markEnd: section.kiosk.readAloud.readingEnd
    }
    Column {
        visible: !!section.modelData.image
        width: parent.width
        spacing: section.ui.gap / 3
        RenditionImage {
            objectName: "sectionPicture"
            width: parent.width
            height: section.modelData.image ? Math.round(width / Math.max(1.2, section.modelData.image.aspect)) : 0
            visible: !!section.modelData.image
            kiosk: section.kiosk
            ui: section.ui
            key: section.shownKey
            alt: section.modelData.image ? section.modelData.image.alt : ""
            fillMode: Image.PreserveAspectFit
        }
        ScreenText {
            id: caption
            width: parent.width
            text: section.modelData.image ? [section.modelData.image.caption, section.modelData.image.credit].filter(t => t !== "").join(" · ") : ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: section.ui.caption
            color: section.ui.muted
            readonly property bool marked: section.beingRead && section.kiosk.readAloud.readingPiece === -2
            // made in the caption only while it is read (a property, not a child)
            readonly property ReadMark wholeMark: ReadMark {
                parent: caption.marked ? caption : null
                visible: caption.marked && section.kiosk.readAloud.readingStart < 0
                color: Qt.rgba(section.ui.accent.r, section.ui.accent.g, section.ui.accent.b, 0.16)
                gap: section.ui.gap
            }
            SentenceMark {
                // the caption's own sentences: the credit after it is not read
                target: caption
                readAloud: section.kiosk.readAloud
                start: caption.marked ? section.kiosk.readAloud.readingStart : -1
                end: section.kiosk.readAloud.readingEnd
                tint: Qt.rgba(section.ui.accent.r, section.ui.accent.g, section.ui.accent.b, 0.16)
                bar: section.ui.accent
                gap: section.ui.gap
            }
        }
    }
}
