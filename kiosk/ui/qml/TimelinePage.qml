import QtQuick

// Every dated moment of every exhibit, in date order; a tap opens its text.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    color: ui.background
    objectName: "timelinePage"

    function resetView() { list.contentY = list.originY }
    readonly property Item titleItem: list.headerItem  // takes the focus when the page comes
    function focusOpenEntry() { if (list.currentItem) list.currentItem.titleItem.forceActiveFocus() }

    // the page grid: the same centred column as an exhibit page, the same margin each side
    readonly property real columnWidth: Math.min(width - 2 * ui.margin, ui.measure)
    readonly property real columnX: Math.round((width - columnWidth) / 2)
    readonly property real yearWidth: Math.round(ui.heading * 3)  // "2024" with room
    readonly property real railX: yearWidth + ui.gap

    ListView {
        id: list
        objectName: "timelineList"
        anchors.fill: parent
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: page.kiosk.timeline
        currentIndex: page.kiosk.nav.screen === page.kiosk.nav.screens.timeline ? page.kiosk.nav.index : currentIndex
        highlightFollowsCurrentItem: false
        // the arrow keys belong to the presenter (kiosk.keys): the list must not take
        // them while its title, inside it, has the focus
        keyNavigationEnabled: false
        onCurrentIndexChanged: {
            positionViewAtIndex(currentIndex, ListView.Contain)
            // an entry the visitor opens takes the focus from the page: a screen reader
            // reads its title (the list would otherwise focus the unnamed row)
            if (activeFocus) Qt.callLater(page.focusOpenEntry)
        }
        header: ScreenText {
            objectName: "timelineTitle"
            Accessible.role: Accessible.Heading
            x: page.columnX
            width: page.columnWidth
            topPadding: page.ui.margin
            bottomPadding: page.ui.gap * 1.5
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
            readonly property string year: modelData.date.substring(0, 4)
            // a year is marked where it begins
            readonly property bool firstOfYear: modelData.firstOfYear
            readonly property Item titleItem: entryTitle
            objectName: "timelineEntry_" + index
            // full width: a ListView places its delegates at x 0, whatever they say;
            // the column inside keeps to the page grid
            width: list.width
            height: card.height + page.ui.gap

            Item {
                x: page.columnX
                width: page.columnWidth
                height: parent.height

                ScreenText {
                    objectName: "timelineYear"
                    visible: entry.firstOfYear
                    width: page.yearWidth
                    y: page.ui.gap * 0.55
                    text: entry.year
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignRight
                    font.pixelSize: page.ui.heading
                    font.weight: Font.Bold
                    color: page.ui.ink
                }
                Rectangle {
                    x: page.railX - width / 2
                    width: Math.max(3, 4 * page.ui.k)
                    height: parent.height
                    color: page.ui.line
                }
                Rectangle {
                    x: page.railX - width / 2
                    y: page.ui.gap * 1.2
                    width: page.ui.gap; height: width; radius: width / 2
                    color: entry.open ? page.ui.highlight : page.ui.accent
                }
                Rectangle {
                    id: card
                    objectName: "timelineCard"
                    x: page.railX + page.ui.gap * 1.25
                    width: parent.width - x
                    height: cardColumn.implicitHeight + page.ui.gap * 1.5
                    radius: page.ui.radius
                    color: cardTap.pressed ? Qt.darker(page.ui.surface, 1.05) : page.ui.surface
                    border.color: entry.open ? page.ui.accent : page.ui.line
                    border.width: entry.open ? 2 : 1
                    Accessible.role: Accessible.Button
                    Accessible.name: entry.modelData.label + ", " + entry.modelData.title
                    Accessible.selected: entry.open
                    Accessible.onPressAction: page.kiosk.nav.focusIndex(entry.index)
                    Column {
                        id: cardColumn
                        anchors { left: parent.left; right: parent.right; top: parent.top; margins: page.ui.gap * 0.75; rightMargin: page.ui.gap * 0.75 + chevron.width }
                        spacing: page.ui.gap / 3
                        Text {
                            objectName: "timelineLabel"
                            width: parent.width
                            text: entry.modelData.label
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                            font.pixelSize: page.ui.heading
                            font.weight: Font.Bold
                            color: page.ui.accentText
                        }
                        ScreenText {
                            id: entryTitle
                            objectName: "timelineHeading"
                            Accessible.role: Accessible.Heading
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
                            objectName: "timelineOpenExhibit"
                            visible: entry.open && page.ui.controls
                            ui: page.ui
                            primary: true
                            glyph: "›"
                            text: entry.modelData.exhibitTitle
                            maxWidth: parent.width
                            onActivated: page.kiosk.nav.openExhibit(entry.modelData.exhibitId)
                        }
                    }
                    // shows that a closed entry opens: a round chevron that turns when open
                    Rectangle {
                        id: chevron
                        objectName: "timelineChevron"
                        visible: page.ui.controls
                        anchors { right: parent.right; top: parent.top; margins: page.ui.gap * 0.6 }
                        width: Math.round(page.ui.target * 0.7); height: width; radius: width / 2
                        color: entry.open ? page.ui.accentText : Qt.rgba(page.ui.accent.r, page.ui.accent.g, page.ui.accent.b, 0.12)
                        Text {
                            anchors.centerIn: parent
                            text: "⌄"
                            textFormat: Text.PlainText
                            font.pixelSize: page.ui.heading
                            font.weight: Font.Bold
                            color: entry.open ? page.ui.surface : page.ui.accentText
                            rotation: entry.open ? 180 : 0
                            Behavior on rotation { NumberAnimation { duration: page.ui.fade; easing.type: Easing.OutCubic } }
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
}
