import QtQuick

// Every dated moment of every exhibit, in date order; a tap opens its text.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    color: ui.background
    objectName: "timelinePage"

    function resetView() { list.contentY = list.originY }

    ListView {
        id: list
        objectName: "timelineList"
        anchors.fill: parent
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: page.kiosk.timeline
        currentIndex: page.kiosk.nav.screen === "timeline" ? page.kiosk.nav.index : currentIndex
        highlightFollowsCurrentItem: false
        onCurrentIndexChanged: positionViewAtIndex(currentIndex, ListView.Contain)
        header: Text {
            objectName: "timelineTitle"
            x: page.ui.margin
            width: list.width - 2 * page.ui.margin
            topPadding: page.ui.gap * 1.5
            bottomPadding: page.ui.gap
            text: page.kiosk.strings.timeline || ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: page.ui.title
            font.weight: Font.Bold
            color: page.ui.ink
        }
        footer: Item { height: page.ui.margin; width: 1 }
        delegate: Item {
            id: entry
            required property var modelData
            required property int index
            readonly property bool open: list.currentIndex === index
            objectName: "timelineEntry_" + index
            x: page.ui.margin
            width: list.width - 2 * page.ui.margin
            height: card.height + page.ui.gap

            Rectangle {
                x: Math.round(page.ui.gap * 0.6)
                width: Math.max(3, 4 * page.ui.k)
                height: parent.height
                color: page.ui.line
            }
            Rectangle {
                x: Math.round(page.ui.gap * 0.6) - width / 2 + Math.max(3, 4 * page.ui.k) / 2
                y: page.ui.gap * 1.2
                width: page.ui.gap; height: width; radius: width / 2
                color: entry.open ? page.ui.highlight : page.ui.accent
            }
            Rectangle {
                id: card
                x: page.ui.gap * 2
                width: parent.width - x
                height: cardColumn.implicitHeight + page.ui.gap * 1.5
                radius: page.ui.radius
                color: cardTap.pressed ? Qt.darker(page.ui.surface, 1.05) : page.ui.surface
                border.color: entry.open ? page.ui.accent : page.ui.line
                border.width: entry.open ? 2 : 1
                Column {
                    id: cardColumn
                    anchors { left: parent.left; right: parent.right; top: parent.top; margins: page.ui.gap * 0.75 }
                    spacing: page.ui.gap / 3
                    Text {
                        objectName: "timelineLabel"
                        width: parent.width
                        text: entry.modelData.label
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: page.ui.heading
                        font.weight: Font.Bold
                        color: page.ui.accent
                    }
                    Text {
                        objectName: "timelineHeading"
                        width: parent.width
                        text: entry.modelData.title
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: page.ui.body * 1.1
                        font.weight: Font.Bold
                        color: page.ui.ink
                    }
                    TextBlocks {
                        visible: entry.open
                        width: parent.width
                        ui: page.ui
                        blocks: entry.open ? entry.modelData.blocks : []
                    }
                    NavButton {
                        visible: entry.open
                        ui: page.ui
                        primary: true
                        glyph: "›"
                        text: entry.modelData.exhibitTitle
                        maxWidth: parent.width
                        onActivated: page.kiosk.nav.openExhibit(entry.modelData.exhibitId)
                    }
                }
                TapHandler {
                    id: cardTap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: page.kiosk.nav.focusIndex(entry.index)
                }
            }
        }
    }
}
