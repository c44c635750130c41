pragma ComponentBehavior: Bound

import QtQuick

// Full-screen gallery: swipe between images, zoom resets on swipe, the caption below the picture.
Rectangle {
    id: viewer
    required property var kiosk
    required property var ui
    // Kept while other screens show (Main.qml), as the exhibit page: away, it keeps the
    // exhibit it last showed and lets its pictures go; back, it takes the exhibit and
    // the picture asked for, unzoomed. Its pictures and strip are by count (Rows): the
    // same exhibit again, or another language, changes no delegate, and another
    // exhibit keeps as many as it has.
    property bool away: false
    // its pictures let go: in the frame after it left (LetGo)
    property var window: null
    readonly property bool letGo: release.done
    readonly property LetGo release: LetGo { window: viewer.window; shown: !viewer.away }
    // read once each time (each read of kiosk.page turns all of it into JavaScript),
    // and only while on screen: made with it, a value from then on (Component.onCompleted),
    // changed only by follow()
    property var page: asked()
    Component.onCompleted: page = page
    function asked() { return kiosk.page }
    function follow() {
        stale = false
        const shown = asked()
        if (shown.exhibitId !== "") page = shown
    }
    property bool stale: false  // the page changed while away: read again on the return
    Connections {
        target: viewer.kiosk
        function onPageChanged() { if (viewer.away) viewer.stale = true; else viewer.follow() }
    }
    onAwayChanged: {
        if (away) {
            const image = pager.currentItem as ZoomableImage
            if (image) image.resetZoom()
            return
        }
        if (stale) follow()
        pager.currentIndex = kiosk.nav.index
        pager.positionViewAtIndex(pager.currentIndex, ListView.Beginning)
    }
    readonly property var items: page.gallery
    readonly property var noImage: ({ key: "", thumb: "", alt: "", caption: "", credit: "", position: "" })
    // the caption follows the image under the finger at once; kiosk hears when it lands
    readonly property int shown: Math.max(0, Math.min(pager.currentIndex, items.length - 1))
    readonly property var current: items.length ? items[shown] : null
    color: ui.stage
    objectName: "galleryViewer"
    // the caption is this screen's heading: it takes the focus, so a screen reader reads
    // it on arrival and again as each image comes (the name changes with the image)
    readonly property Item titleItem: caption

    // where the visitor is: the exhibit's name, and which picture of how many
    Rectangle {
        id: topBar
        objectName: "galleryTopBar"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: Math.max(galleryTitle.implicitHeight, counter.implicitHeight) + viewer.ui.gap * 1.5
        color: viewer.ui.stageSurface
        ScreenText {
            id: galleryTitle
            objectName: "galleryTitle"
            anchors { left: parent.left; right: counter.left; verticalCenter: parent.verticalCenter; leftMargin: viewer.ui.margin; rightMargin: viewer.ui.gap }
            text: viewer.page.title
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: viewer.ui.body
            font.variableAxes: { "wght": Font.DemiBold }
            color: viewer.ui.stageInk
        }
        ScreenText {
            id: counter
            objectName: "galleryCounter"
            anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: viewer.ui.margin }
            text: viewer.current ? viewer.current.position : ""
            textFormat: Text.PlainText
            font.pixelSize: viewer.ui.body
            font.variableAxes: { "wght": Font.DemiBold }
            color: viewer.ui.stageInk
        }
    }

    ListView {
        id: pager
        objectName: "galleryPager"
        // the caption sits below the picture, never over it
        anchors { left: parent.left; right: parent.right; top: topBar.bottom; bottom: captionBar.top }
        clip: true
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: viewer.ui.fade
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: 8000
        maximumFlickVelocity: 8000
        interactive: !(currentItem && (currentItem as ZoomableImage).zoomed)
        model: Rows { wanted: viewer.items.length }
        cacheBuffer: width
        Component.onCompleted: {
            currentIndex = viewer.kiosk.nav.index
            positionViewAtIndex(currentIndex, ListView.Beginning)
        }
        // a swipe reports where it landed; buttons and keys move the view through kiosk
        onMovementEnded: viewer.kiosk.nav.showGalleryImage(currentIndex)
        // new words, or a gallery edited while shown (as many pictures or not): stay on
        // the image the visitor is at
        Connections {
            target: viewer
            function onItemsChanged() { if (!viewer.away) Qt.callLater(pager.keepPlace) }
        }
        function keepPlace() {
            if (viewer.kiosk.nav.screen !== viewer.kiosk.nav.screens.gallery) return
            currentIndex = viewer.kiosk.nav.index
            positionViewAtIndex(currentIndex, ListView.Beginning)
        }
        Connections {
            target: viewer.kiosk.nav
            function onChanged() {
                if (viewer.kiosk.nav.screen === viewer.kiosk.nav.screens.gallery && pager.currentIndex !== viewer.kiosk.nav.index)
                    pager.currentIndex = viewer.kiosk.nav.index
            }
        }
        delegate: ZoomableImage {
            required property int index
            readonly property var modelData: viewer.items[index] ?? viewer.noImage
            width: pager.width
            height: pager.height
            kiosk: viewer.kiosk
            ui: viewer.ui
            key: viewer.letGo ? "" : modelData.key
            alt: modelData.alt
            imageIndex: index
            ListView.onIsCurrentItemChanged: if (!ListView.isCurrentItem) resetZoom()
        }
    }

    Rectangle {
        id: captionBar
        objectName: "captionBar"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        // room for two lines of caption and one of credit, so the picture above does not
        // jump in size from one image to the next; a longer caption takes more
        height: Math.max(captionColumn.implicitHeight, viewer.ui.body * 2.7 + viewer.ui.caption * 1.5) + viewer.ui.gap * 2
                + (strip.visible && !strip.beside ? strip.height + viewer.ui.gap : 0)
        color: viewer.ui.stageSurface
        Rectangle { anchors { left: parent.left; right: parent.right; top: parent.top } height: 1; color: viewer.ui.line; visible: viewer.ui.highContrast }
        Column {
            id: captionColumn
            anchors {
                left: parent.left; right: parent.right; top: parent.top; topMargin: viewer.ui.gap; leftMargin: viewer.ui.margin
                rightMargin: viewer.ui.margin + (strip.visible && strip.beside ? strip.width + viewer.ui.gap * 2 : 0)
            }
            spacing: viewer.ui.gap / 4
            ScreenText {
                id: caption
                objectName: "galleryCaption"
                Accessible.role: Accessible.Heading
                Accessible.name: text !== "" ? text : (viewer.current ? viewer.current.alt : "")
                Accessible.ignored: false
                width: parent.width
                text: viewer.current ? viewer.current.caption : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: viewer.ui.body
                color: viewer.ui.stageInk
            }
            ScreenText {
                objectName: "galleryCredit"
                width: parent.width
                text: viewer.current ? viewer.current.credit : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: viewer.ui.caption
                color: viewer.ui.stageMuted
            }
        }
        // every picture of the gallery, small: a tap goes straight to it
        ListView {
            id: strip
            objectName: "galleryStrip"
            visible: count > 1
            // landscape: right of the caption; portrait: below it
            readonly property bool beside: !viewer.ui.portrait
            readonly property real allWidth: count * Math.round(height * 1.5) + (count - 1) * spacing
            x: beside ? parent.width - viewer.ui.margin - width : viewer.ui.margin
            y: beside ? viewer.ui.gap : parent.height - viewer.ui.gap - height
            width: beside ? Math.min(allWidth, parent.width * 0.4) : parent.width - 2 * viewer.ui.margin
            height: viewer.ui.target
            orientation: ListView.Horizontal
            spacing: viewer.ui.gap / 2
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            model: Rows { wanted: viewer.items.length }
            currentIndex: viewer.shown
            onCurrentIndexChanged: positionViewAtIndex(currentIndex, ListView.Contain)
            delegate: Rectangle {
                id: thumb
                required property int index
                readonly property var modelData: viewer.items[index] ?? viewer.noImage
                readonly property bool current: index === viewer.shown
                objectName: "galleryStripThumb_" + index
                width: Math.round(strip.height * 1.5)
                height: strip.height
                color: viewer.ui.stage
                border.width: current ? Math.max(3, 4 * viewer.ui.k) : viewer.ui.highContrast ? Math.max(1, 2 * viewer.ui.k) : 0
                border.color: viewer.ui.highContrast ? viewer.ui.ink : viewer.ui.accent
                opacity: current || thumbTap.pressed ? 1 : 0.75
                Accessible.role: Accessible.Button
                Accessible.name: modelData.alt
                Accessible.selected: current
                Accessible.onPressAction: viewer.kiosk.nav.showGalleryImage(thumb.index)
                RenditionImage {
                    anchors { fill: parent; margins: thumb.border.width }
                    kiosk: viewer.kiosk
                    ui: viewer.ui
                    key: thumb.modelData.thumb
                    held: !viewer.letGo
                    decorative: true  // the button is named by the picture's alt text
                }
                TapHandler {
                    id: thumbTap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: viewer.kiosk.nav.showGalleryImage(thumb.index)
                }
            }
        }
    }

    NavButton {
        objectName: "galleryPrevious"
        visible: viewer.shown > 0 && viewer.ui.controls
        anchors { left: parent.left; verticalCenter: pager.verticalCenter; margins: viewer.ui.gap }
        ui: viewer.ui
        glyph: "‹"
        spokenName: viewer.kiosk.strings.previous_image
        onActivated: viewer.kiosk.nav.showGalleryImage(viewer.shown - 1)
    }
    NavButton {
        objectName: "galleryNext"
        visible: viewer.shown < viewer.items.length - 1 && viewer.ui.controls
        anchors { right: parent.right; verticalCenter: pager.verticalCenter; margins: viewer.ui.gap }
        ui: viewer.ui
        glyph: "›"
        spokenName: viewer.kiosk.strings.next_image
        onActivated: viewer.kiosk.nav.showGalleryImage(viewer.shown + 1)
    }
}
