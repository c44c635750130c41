import QtQuick

// One gallery image: pinch or double-tap to zoom, drag to pan while zoomed.
Flickable {
    id: flick
    required property var kiosk
    required property var ui
    property string key: ""
    property string alt: ""
    property int imageIndex: 0
    property real zoom: 1
    readonly property real maxZoom: 4
    readonly property bool zoomed: zoom > 1.01

    contentWidth: width * zoom
    contentHeight: height * zoom
    interactive: zoomed
    boundsBehavior: Flickable.StopAtBounds
    clip: true

    function zoomAt(value, px, py) {
        const z = Math.max(1, Math.min(maxZoom, value))
        const ratio = z / zoom
        if (zoom <= 1.01 && z > 1.01) kiosk.nav.noteZoom(imageIndex)
        const x = (contentX + px) * ratio - px
        const y = (contentY + py) * ratio - py
        zoom = z
        contentX = Math.max(0, Math.min(contentWidth - width, x))
        contentY = Math.max(0, Math.min(contentHeight - height, y))
    }
    function resetZoom() { zoom = 1; contentX = 0; contentY = 0 }

    RenditionImage {
        objectName: "galleryImage"
        width: flick.contentWidth
        height: flick.contentHeight
        kiosk: flick.kiosk
        ui: flick.ui
        key: flick.key
        alt: flick.alt
        fillMode: Image.PreserveAspectFit
        framed: flick.ui.highContrast
    }
    PinchHandler {
        id: pinch
        target: null
        property real startZoom: 1
        onActiveChanged: if (active) startZoom = flick.zoom
        onActiveScaleChanged: if (active) flick.zoomAt(startZoom * activeScale, centroid.position.x, centroid.position.y)
    }
    TapHandler {
        onDoubleTapped: (point) => {
            if (flick.zoomed) flick.resetZoom()
            else flick.zoomAt(2.5, point.position.x, point.position.y)
        }
    }
}
