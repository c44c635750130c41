import QtQuick

// The exhibit page's row of gallery thumbnails; a tap opens the gallery at that image.
ListView {
    id: strip
    required property var kiosk
    required property var ui
    objectName: "galleryStrip"
    visible: count > 0
    orientation: ListView.Horizontal
    spacing: ui.gap
    rightMargin: ui.margin
    boundsBehavior: Flickable.StopAtBounds
    delegate: Rectangle {
        id: thumb
        required property var modelData
        required property int index
        objectName: "galleryThumb_" + index
        width: Math.round(strip.height * 1.5)
        height: strip.height
        radius: strip.ui.radius
        color: strip.ui.surface
        clip: true
        opacity: thumbTap.pressed ? 0.8 : 1
        Accessible.role: Accessible.Button
        Accessible.name: modelData.alt
        RenditionImage {
            anchors.fill: parent
            kiosk: strip.kiosk
            ui: strip.ui
            key: thumb.modelData.thumb
            alt: thumb.modelData.alt
        }
        TapHandler {
            id: thumbTap
            gesturePolicy: TapHandler.ReleaseWithinBounds
            onTapped: strip.kiosk.nav.openGallery(thumb.index)
        }
    }
}
