import QtQuick

// Full-screen gallery: swipe between images, zoom resets on swipe, the caption below the picture.
Rectangle {
    id: viewer
    required property var kiosk
    required property var ui
    readonly property var items: kiosk.page.gallery || []
    // the caption follows the image under the finger at once; kiosk hears when it lands
    readonly property int shown: Math.max(0, Math.min(pager.currentIndex, items.length - 1))
    readonly property var current: items.length ? items[shown] : null
    color: ui.stage
    objectName: "galleryViewer"
    // the caption is this screen's heading: it takes the focus, so a screen reader reads
    // it on arrival and again as each image comes (the name changes with the image)
    readonly property Item titleItem: caption

    ListView {
        id: pager
        objectName: "galleryPager"
        // the caption sits below the picture, never over it
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: captionBar.top }
        clip: true
        orientation: ListView.Horizontal
        snapMode: ListView.SnapOneItem
        highlightRangeMode: ListView.StrictlyEnforceRange
        highlightMoveDuration: viewer.ui.fade
        boundsBehavior: Flickable.StopAtBounds
        flickDeceleration: 8000
        maximumFlickVelocity: 8000
        interactive: !(currentItem && currentItem.zoomed)
        model: viewer.items
        cacheBuffer: width
        Component.onCompleted: {
            currentIndex = viewer.kiosk.nav.index
            positionViewAtIndex(currentIndex, ListView.Beginning)
        }
        // a swipe reports where it landed; buttons and keys move the view through kiosk
        onMovementEnded: viewer.kiosk.nav.showGalleryImage(currentIndex)
        // a language change brings new captions (a new model): stay on the same image
        onModelChanged: Qt.callLater(pager.keepPlace)
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
            required property var modelData
            required property int index
            width: pager.width
            height: pager.height
            kiosk: viewer.kiosk
            ui: viewer.ui
            key: modelData.key
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
        color: viewer.ui.stageSurface
        Rectangle { anchors { left: parent.left; right: parent.right; top: parent.top } height: 1; color: viewer.ui.line; visible: viewer.ui.highContrast }
        Column {
            id: captionColumn
            anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: viewer.ui.gap; leftMargin: viewer.ui.margin; rightMargin: viewer.ui.margin }
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
                text: viewer.current ? viewer.current.credit + "   " + viewer.current.position : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: viewer.ui.caption
                color: viewer.ui.stageMuted
            }
        }
    }

    NavButton {
        objectName: "galleryPrevious"
        visible: viewer.shown > 0 && viewer.ui.controls
        anchors { left: parent.left; verticalCenter: pager.verticalCenter; margins: viewer.ui.gap }
        ui: viewer.ui
        glyph: "‹"
        spokenName: viewer.kiosk.strings.previous_image || ""
        onActivated: viewer.kiosk.nav.showGalleryImage(viewer.shown - 1)
    }
    NavButton {
        objectName: "galleryNext"
        visible: viewer.shown < viewer.items.length - 1 && viewer.ui.controls
        anchors { right: parent.right; verticalCenter: pager.verticalCenter; margins: viewer.ui.gap }
        ui: viewer.ui
        glyph: "›"
        spokenName: viewer.kiosk.strings.next_image || ""
        onActivated: viewer.kiosk.nav.showGalleryImage(viewer.shown + 1)
    }
}
