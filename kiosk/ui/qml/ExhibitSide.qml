import QtQuick

// The pictures and numbers of an exhibit: its gallery strip, then its key facts.
// Beside the text on a landscape screen, below it in portrait.
Column {
    id: side
    required property var kiosk
    required property var ui
    required property var gallery
    required property var facts
    objectName: "exhibitSide"
    spacing: ui.gap

    ScreenText {
        objectName: "galleryHeading"
        Accessible.role: Accessible.Heading
        visible: side.gallery.length > 0
        width: parent.width
        text: side.kiosk.strings.gallery || ""
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: side.ui.heading
        font.weight: Font.Bold
        color: side.ui.ink
    }
    ListView {
        id: strip
        objectName: "galleryStrip"
        visible: count > 0
        width: parent.width
        height: Math.round(170 * side.ui.k)
        orientation: ListView.Horizontal
        spacing: side.ui.gap
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: side.gallery
        delegate: Rectangle {
            id: thumb
            required property var modelData
            required property int index
            objectName: "galleryThumb_" + index
            width: Math.round(strip.height * 1.5)
            height: strip.height
            radius: side.ui.radius
            color: side.ui.surface
            clip: true
            opacity: thumbTap.pressed ? 0.8 : 1
            Accessible.role: Accessible.Button
            Accessible.name: modelData.alt
            Accessible.onPressAction: side.kiosk.nav.openGallery(thumb.index)
            RenditionImage {
                anchors.fill: parent
                kiosk: side.kiosk
                ui: side.ui
                key: thumb.modelData.thumb
                decorative: true  // the button is named by the image's alt text
            }
            TapHandler {
                id: thumbTap
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: side.kiosk.nav.openGallery(thumb.index)
            }
        }
    }

    ScreenText {
        objectName: "factsHeading"
        Accessible.role: Accessible.Heading
        visible: side.facts.length > 0
        topPadding: side.gallery.length > 0 ? side.ui.gap / 2 : 0
        width: parent.width
        text: side.kiosk.strings.facts || ""
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: side.ui.heading
        font.weight: Font.Bold
        color: side.ui.ink
    }
    Flow {
        id: factFlow
        width: parent.width
        spacing: side.ui.gap
        readonly property int columns: width > 900 * side.ui.k ? 3 : 2
        Repeater {
            model: side.facts
            FactCard {
                required property var modelData
                width: (factFlow.width - (factFlow.columns - 1) * factFlow.spacing) / factFlow.columns
                ui: side.ui
                label: modelData.label
                value: modelData.value
            }
        }
    }
}
