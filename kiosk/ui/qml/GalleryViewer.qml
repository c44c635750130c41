import QtQuick

// Full-screen gallery: swipe between images, zoom resets on swipe, caption always readable.
Rectangle {
    id: viewer
    required property var kiosk
    required property var ui
    readonly property var items: kiosk.page.gallery || []
    // the caption follows the image under the finger at once; kiosk hears when it lands
    readonly property int shown: Math.max(0, Math.min(pager.currentIndex, items.length - 1))
    readonly property var current: items.length ? items[shown] : null
    color: "#111214"
    objectName: "galleryViewer"

    ListView {
        id: pager
        objectName: "galleryPager"
        anchors.fill: parent
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
        Connections {
            target: viewer.kiosk.nav
            function onChanged() {
                if (viewer.kiosk.nav.screen === "gallery" && pager.currentIndex !== viewer.kiosk.nav.index)
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
        height: captionColumn.implicitHeight + viewer.ui.gap * 2
        color: Qt.rgba(0, 0, 0, 0.72)
        Column {
            id: captionColumn
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: viewer.ui.margin; rightMargin: viewer.ui.margin }
            spacing: viewer.ui.gap / 4
            Text {
                objectName: "galleryCaption"
                width: parent.width
                text: viewer.current ? viewer.current.caption : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: viewer.ui.body
                color: "white"
            }
            Text {
                objectName: "galleryCredit"
                width: parent.width
                text: viewer.current ? viewer.current.credit + "   " + viewer.current.position : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: viewer.ui.caption
                color: "#D9D9D9"
            }
        }
    }

    NavButton {
        objectName: "galleryPrevious"
        visible: viewer.shown > 0
        anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: viewer.ui.gap }
        ui: viewer.ui
        glyph: "‹"
        onActivated: viewer.kiosk.nav.showGalleryImage(viewer.shown - 1)
    }
    NavButton {
        objectName: "galleryNext"
        visible: viewer.shown < viewer.items.length - 1
        anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: viewer.ui.gap }
        ui: viewer.ui
        glyph: "›"
        onActivated: viewer.kiosk.nav.showGalleryImage(viewer.shown + 1)
    }
}
