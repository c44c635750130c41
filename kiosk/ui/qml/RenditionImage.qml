pragma ComponentBehavior: Bound

import QtQuick

// A rendition by key: a calm placeholder until the background build is ready. A screen
// reader names a content image by its alt text; a decorative one (a cover inside a
// button that is already named, a drifting attract picture) is left out of its tree.
Item {
    id: holder
    required property var kiosk
    required property var ui
    property string key: ""
    property string alt: ""
    property bool decorative: false
    property int fillMode: Image.PreserveAspectCrop
    readonly property bool ready: image.status === Image.Ready
    readonly property int imageStatus: image.status  // an int: tools read it from Python
    Accessible.role: Accessible.Graphic
    Accessible.name: alt
    Accessible.ignored: decorative

    Rectangle {
        anchors.fill: parent
        visible: !holder.ready
        color: Qt.rgba(holder.ui.ink.r, holder.ui.ink.g, holder.ui.ink.b, 0.06)
    }
    // The whole picture in a band of another shape (an exhibit's cover): fitted, on a
    // veiled copy of itself cropped to fill the band, so nothing of it is cut away.
    property bool whole: false
    property color veil: ui.background  // over the copy that fills the band
    Loader {  // made only for such a band: tiles and thumbnails draw one image
        anchors.fill: parent
        active: holder.whole
        sourceComponent: Component {
            Item {
                Image {
                    objectName: "pictureFill"
                    anchors.fill: parent
                    asynchronous: true
                    cache: true
                    fillMode: Image.PreserveAspectCrop
                    source: image.source
                    opacity: image.opacity
                }
                Rectangle {
                    anchors.fill: parent
                    visible: holder.ready
                    color: Qt.rgba(holder.veil.r, holder.veil.g, holder.veil.b, 0.72)
                }
            }
        }
    }
    Image {
        id: image
        objectName: "picture"
        anchors.fill: parent
        asynchronous: true
        cache: true
        fillMode: holder.whole ? Image.PreserveAspectFit : holder.fillMode
        source: holder.kiosk.imageUrl(holder.key, holder.kiosk.imageRevision)
        opacity: holder.ready ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: holder.ui.fade } }
    }
    // a thin edge along the picture as drawn, over its outermost pixels (high contrast:
    // a white stripe at a picture's edge, as the Uzbek flag's, must not melt into a white
    // backdrop; drawn inside, it shows where the picture meets the screen's edge too)
    property bool framed: false
    Rectangle {
        objectName: "pictureFrame"
        visible: holder.framed && holder.ready
        x: (holder.width - image.paintedWidth) / 2
        y: (holder.height - image.paintedHeight) / 2
        width: image.paintedWidth
        height: image.paintedHeight
        color: "transparent"
        border.width: Math.max(2, Math.round(2 * holder.ui.k))
        border.color: holder.ui.ink
    }
}
