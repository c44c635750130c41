pragma ComponentBehavior: Bound
import QtQuick

// Every dated moment of every exhibit: first on a time axis (years in proportion, a
// card per moment to drag along), then as a list in date order whose entries open to
// their text, their exhibit and their places on the map. A tap on a card opens its
// entry; the presenter's Left/Right step through the moments.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    color: ui.background
    objectName: "timelinePage"

    function resetView() { list.contentY = list.originY }
    Connections {  // between visitors: back to the top
        target: page.kiosk
        function onResetRequested() { page.resetView() }
    }
    // The page is kept while another screen shows (Main.qml): it leaves as it was made,
    // at its top with nothing touched, and settles once shown, as a page just made does.
    readonly property bool shown: kiosk.nav.screen === kiosk.nav.screens.timeline
    onShownChanged: {
        if (shown) {
            Qt.callLater(list.settle)
            return
        }
        list.ready = false
        list.touched = false
        list.positionViewAtBeginning()
        (list.headerItem as Heading)?.axis.leave()
    }
    readonly property Item titleItem: (list.headerItem as Heading)?.titleItem ?? null  // takes the focus when the page comes
    function focusOpenEntry() { (list.currentItem as Entry)?.titleItem.forceActiveFocus() }

    // the page grid: a centred column, the same margin each side; it widens with the
    // text size, so larger text wraps no more than normal text does
    readonly property real columnWidth: Math.min(width - 2 * ui.margin, ui.measure * ui.textScale)
    readonly property real columnX: Math.round((width - columnWidth) / 2)
    readonly property real railX: Math.round(ui.gap * 0.6)

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
        // The page opens at its top, the axis in view, until the visitor moves it or
        // chooses a moment (which scrolls to its entry).
        function showOpenEntry() {
            if (currentIndex < 0) return
            positionViewAtIndex(currentIndex, ListView.Contain)
            if (!page.ui.controls) wholeHeading()
        }
        // A talk's audience screen is a slide nobody scrolls: never the title or the
        // axis cut in two at its top edge. Scrolled into the title, the axis comes to
        // the top; into the axis, past it (the open entry stays in view either way,
        // being below them).
        function wholeHeading() {
            const heading = headerItem as Heading
            if (!heading) return
            const top = heading.y, axisTop = heading.y + heading.axis.y, end = heading.y + heading.height
            if (contentY <= top + 0.5 || contentY >= end - 0.5) return
            contentY = contentY <= axisTop ? axisTop : end
        }
        property bool touched: false
        property bool ready: false
        // opened on a later moment (Back from its exhibit): that moment's entry shows.
        // Again once the entries it passed are made: until then the list's end is
        // estimated, and a later entry's bottom can lie past it
        function settle() {
            ready = true
            if (currentIndex > 0) {
                touched = true
                showOpenEntry()
                Qt.callLater(list.showOpenEntry)
            } else keepTop()
            (headerItem as Heading)?.axis.showCurrent()
        }
        // made away (KeptLoader.remake), it settles when first shown, as a kept one does
        Component.onCompleted: if (page.shown) Qt.callLater(settle)
        onMovementStarted: touched = true
        function keepTop() { if (!touched) positionViewAtBeginning() }
        onCurrentIndexChanged: {
            if (!ready) return
            touched = true
            positionViewAtIndex(currentIndex, ListView.Contain)
            Qt.callLater(list.showOpenEntry)  // again once it has opened to its full height
            // an entry the visitor opens takes the focus from the page: a screen reader
            // reads its title (the list would otherwise focus the unnamed row)
            if (activeFocus) Qt.callLater(page.focusOpenEntry)
        }
        header: Heading {}
        component Heading: Column {
            width: list.width
            readonly property Item titleItem: timelineTitle
            readonly property TimelineAxis axis: timeAxis
            onHeightChanged: Qt.callLater(list.keepTop)
            ScreenText {
                id: timelineTitle
                objectName: "timelineTitle"
                Accessible.role: Accessible.Heading
                x: page.columnX
                width: page.columnWidth
                topPadding: page.ui.margin
                bottomPadding: page.ui.gap
                text: page.kiosk.strings.timeline
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: page.ui.title
                font.variableAxes: { "wght": Font.Bold }
                color: page.ui.ink
            }
            TimelineAxis {
                id: timeAxis
                width: list.width
                height: implicitHeight
                kiosk: page.kiosk
                ui: page.ui
                current: list.currentIndex
                onChosen: (index) => page.kiosk.nav.focusIndex(index)
            }
            Item { width: 1; height: page.ui.gap }
        }
        footer: Item { height: page.ui.margin; width: 1 }
        delegate: Entry {}
        component Entry: Item {
            id: entry
            required property var modelData
            required property int index
            readonly property bool open: list.currentIndex === index
            readonly property Item titleItem: entryTitle
            objectName: "timelineEntry_" + index
            // full width: a ListView places its delegates at x 0, whatever they say;
            // the column inside keeps to the page grid
            width: list.width
            height: card.height + page.ui.gap
            // an entry that opens grows: keep all of it in view
            onHeightChanged: if (open && list.touched) Qt.callLater(list.showOpenEntry)

            Item {
                x: page.columnX
                width: page.columnWidth
                height: parent.height

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
                            font.variableAxes: { "wght": Font.Bold }
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
                            font.variableAxes: { "wght": Font.Bold }
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
                        // the places it happened at, on the map (a control: none on
                        // a presentation's audience screen)
                        Repeater {
                            model: entry.open && page.ui.controls ? entry.modelData.places : []
                            NavButton {
                                id: onMap
                                required property var modelData
                                objectName: "timelineOnMap"
                                ui: page.ui
                                glyph: "◉"
                                text: page.kiosk.strings.on_the_map + ": " + onMap.modelData.name
                                maxWidth: cardColumn.width
                                onActivated: page.kiosk.nav.openMap(onMap.modelData.index)
                            }
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
                        // drawn, not a font's sign: centred in its circle whatever the font.
                        // Two rounded bars, not a Shape: Qt Quick's software scene graph
                        // let a Shape's stroke paint past the list's clip, over the bar,
                        // where nothing painted it over again (tests/test_ui_stale_pixels.py)
                        Item {
                            id: chevronMark
                            objectName: "timelineChevronMark"
                            readonly property real size: Math.round(parent.width * 0.42)
                            readonly property real stroke: Math.max(3, Math.round(4 * page.ui.k))
                            readonly property color ink: entry.open ? page.ui.surface : page.ui.accentText
                            anchors.centerIn: parent
                            width: size
                            height: size / 2
                            rotation: entry.open ? 180 : 0
                            // turns as the visitor opens an entry, not as the page comes
                            Behavior on rotation {
                                enabled: list.ready
                                NumberAnimation { duration: page.ui.fade; easing.type: Easing.OutCubic }
                            }
                            Repeater {
                                model: [-1, 1]  // the left stroke down to the point, the right one up
                                Rectangle {
                                    required property int modelData
                                    // from the top corner to the middle of the bottom, caps round
                                    width: chevronMark.size * Math.SQRT1_2 + chevronMark.stroke
                                    height: chevronMark.stroke
                                    radius: height / 2
                                    x: chevronMark.size * (modelData < 0 ? 0.25 : 0.75) - width / 2
                                    y: chevronMark.size / 4 - height / 2
                                    rotation: -45 * modelData
                                    color: chevronMark.ink
                                }
                            }
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
