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
    // false: its picture let go (a kept screen away), its key, decode size and crop
    // kept. Only its file changes, so Qt starts nothing on the way out: with the key
    // emptied instead, the size and crop were undone before the file, and Qt began a
    // decode of the whole picture for each step, beside the next screen's first frame.
    property bool held: true
    property string alt: ""
    property bool decorative: false
    property int fillMode: Image.PreserveAspectCrop
    // Ready, or decoding again at a new size with the last picture still on screen.
    readonly property bool ready: image.status === Image.Ready
        || (image.status === Image.Loading && image.retainWhileLoading
            && String(image.source) === shownSource)
    readonly property int imageStatus: image.status  // an int: tools read it from Python
    // the rendition's file, once it is built
    readonly property string url: kiosk.imageUrl(key, kiosk.imageRevision)
    // asked for and not yet decoded (nor failed)
    readonly property bool pending: held && url !== "" && image.status !== Image.Ready
                                    && image.status !== Image.Error
    // A thumbnail (home tiles, the gallery strips, the timeline's cards) is decoded at
    // the size it is drawn, not at its rendition's 720 px: the home screen's five tiles
    // held 6.8 MB of decoded pixels at 720 px. Rounded up to steps of 32 px, so that a
    // small change of layout keeps the picture; a larger one decodes it again while
    // the last one stays on screen (retainWhileLoading).
    readonly property bool decodeSized: key.endsWith(":thumb")
    readonly property bool sizeKnown: !(decodeSized || whole) || (width > 0 && height > 0)
    function stepUp(pixels) { return 32 * Math.ceil(pixels / 32) }
    readonly property size decodeBox: Qt.size(stepUp(width), stepUp(height))
    property string shownSource: ""  // what the image last finished decoding
    // the part of a picture scaled to cover ``box`` that lies under it, as Qt scales it
    // (QQuickImageProviderWithOptions::loadSize: the larger ratio, sizes rounded)
    function middle(box, picture) {
        const ratio = Math.max(box.width / picture.width, box.height / picture.height)
        const w = Math.round(picture.width * ratio)
        const h = Math.round(picture.height * ratio)
        return Qt.rect(Math.floor((w - box.width) / 2), Math.floor((h - box.height) / 2),
                       box.width, box.height)
    }
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
    // Decoded at the size the band draws it, not at its rendition's (a 1920 x 1280 cover
    // for a band 280 pixels high): as tall as the fitted picture, and at least half as
    // tall as the veiled copy that fills the band, which is drawn under a veil that
    // leaves 28 % of it. A 1920 x 1280 cover on a 1920 x 1080 screen is decoded at
    // 960 x 640, in less than half the time, and both take it from the one decode.
    // Rounded up to steps of 32 px, as a thumbnail's box, and never above the picture's.
    readonly property size wholeSize: whole && sizeKnown ? kiosk.imageSize(key, kiosk.imageRevision) : Qt.size(0, 0)
    readonly property int wholeDecodeHeight: {
        if (wholeSize.height <= 0) return 0
        const fillHeight = Math.max(height, width * wholeSize.height / wholeSize.width)
        return Math.min(wholeSize.height, stepUp(Math.max(height, fillHeight / 2)))
    }
    // asked for by hand, its size first and then its file: Qt starts a decode as soon as
    // it hears of either, and two bindings change in no set order (a decode at the full
    // size for nothing, when the rendition is built or the band changes its height)
    property string wholeSource: ""
    readonly property var wholeRequest: whole && sizeKnown && wholeDecodeHeight > 0
        ? [url, wholeDecodeHeight] : ["", 0]
    // Another file (or none) at once; the same file at another size once the layout
    // has settled: in a tap on "Aa" or a language a box passes through a step for each
    // input laid out again, and each step asked for a decode to be thrown away (up to
    // seven for a home cover from 150 % to 100 %)
    onWholeRequestChanged: wholeRequest[0] !== "" && wholeRequest[0] === wholeSource
        ? Qt.callLater(askWhole) : askWhole()
    Component.onCompleted: { askWhole(); askThumb() }
    function askWhole() {
        const [file, height] = wholeRequest
        if (height > 0) image.sourceSize = Qt.size(0, height)
        wholeSource = file
    }
    // A thumbnail is asked for by hand as well, its size and crop first and then its
    // file: with bindings, its crop and its file changed in no set order when its
    // rendition became known, and Qt began a decode of the whole 720-pixel file first.
    // Its crop is worked out here from the rendition's size, not read from a binding
    // that may not have heard of the change yet.
    property string thumbSource: ""
    readonly property var thumbRequest: decodeSized && sizeKnown ? [url, decodeBox] : ["", decodeBox]
    onThumbRequestChanged: thumbRequest[0] !== "" && thumbRequest[0] === thumbSource
        ? Qt.callLater(askThumb) : askThumb()
    function askThumb() {
        const [file, box] = thumbRequest
        if (file !== "") {
            image.sourceSize = box
            const picture = kiosk.imageSize(key, kiosk.imageRevision)
            const cropped = image.fillMode === Image.PreserveAspectCrop && picture.width > 0
            image.sourceClipRect = cropped ? middle(box, picture) : Qt.rect(0, 0, 0, 0)
        }
        thumbSource = file
    }
    Loader {  // made only for such a band: tiles and thumbnails draw one image
        anchors.fill: parent
        active: holder.whole
        sourceComponent: Component {
            Item {
                clip: true
                // Drawn from the fitted picture's own decode: Qt's pixmap cache tells
                // requests apart by fill mode too, and a cropped fill was a second decode
                // of the whole picture, ready a decode apart from the first. Fitted into
                // a box of the picture's shape that covers the band, and clipped to the
                // band, it is drawn as the crop was, to within a fraction of a pixel
                // (Qt's crop rounds the part it takes to whole pixels).
                Image {
                    objectName: "pictureFill"
                    readonly property real shape: image.implicitHeight > 0
                        ? image.implicitWidth / image.implicitHeight : 1
                    width: Math.max(parent.width, parent.height * shape)
                    height: Math.max(parent.height, parent.width / shape)
                    x: (parent.width - width) / 2
                    y: (parent.height - height) / 2
                    asynchronous: true
                    cache: true
                    fillMode: Image.PreserveAspectFit
                    source: image.source
                    sourceSize: image.sourceSize
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
        // not before the size is known (a whole picture: not before its decode size
        // is in place): a first decode at the full size would be wasted; none let go
        source: !holder.held ? "" : holder.whole ? holder.wholeSource
                : holder.decodeSized ? holder.thumbSource : holder.sizeKnown ? holder.url : ""
        retainWhileLoading: holder.decodeSized || holder.whole
        onStatusChanged: if (status === Image.Ready) holder.shownSource = String(source)
        // a thumbnail's size and crop are set with its file (holder.askThumb), a whole
        // picture's size likewise (holder.askWhole); a picture of another kind leaves them
        // unset. A whole picture shares its one decoded copy with its veiled fill
        // (pictureFill: the same source, size and fill mode).
        // Cropped, Qt decodes the picture at the size that covers sourceSize, its own
        // shape, and draws only the middle: only that middle is kept (a home tile 352 x
        // 256 pixels instead of 384 x 256), drawn at the same scale and place as before.
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
