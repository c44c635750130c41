import QtQuick

// One exhibit on the home screen: cover, title and subtitle; a tap opens it.
Rectangle {
    id: tile
    required property var kiosk
    required property var ui
    required property string exhibitId
    required property string title
    required property string subtitle
    required property string cover
    property bool focused: false

    objectName: "tile_" + exhibitId
    radius: ui.radius
    color: tap.pressed ? Qt.darker(ui.surface, 1.06) : ui.surface
    border.width: focused ? Math.max(3, 4 * ui.k) : 1
    border.color: focused ? ui.accent : ui.line
    clip: true
    Accessible.role: Accessible.Button
    Accessible.name: title

    RenditionImage {
        id: coverImage
        kiosk: tile.kiosk
        ui: tile.ui
        key: tile.cover
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: tile.border.width }
        height: Math.round(width * 9 / 16)
    }
    Rectangle {
        anchors { left: parent.left; right: parent.right; top: coverImage.bottom }
        height: Math.max(4, 6 * tile.ui.k)
        gradient: Gradient {
            orientation: Gradient.Horizontal
            GradientStop { position: 0.0; color: tile.ui.accent }
            GradientStop { position: 0.5; color: tile.ui.accent2 }
            GradientStop { position: 1.0; color: tile.ui.highlight }
        }
    }
    Column {
        anchors {
            left: parent.left; right: parent.right; top: coverImage.bottom; bottom: parent.bottom
            margins: tile.ui.gap; topMargin: tile.ui.gap * 1.25
        }
        spacing: tile.ui.gap / 3
        Text {
            objectName: "tileTitle"
            width: parent.width
            // Shrinking to fit lays the text out many times, so it is switched on
            // only for a title that does not fit its room, and then stays on; a title
            // too long even at the smallest size ends in "…" instead of overlapping.
            readonly property real room: parent.height * 0.62
            readonly property bool fitting: fontSizeMode !== Text.FixedSize  // for tools
            height: fitting ? room : implicitHeight
            onImplicitHeightChanged: fitIfNeeded()
            onRoomChanged: fitIfNeeded()
            function fitIfNeeded() {
                if (fontSizeMode === Text.FixedSize && room > 0 && implicitHeight > room)
                    fontSizeMode = Text.VerticalFit
            }
            text: tile.title
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            elide: fitting ? Text.ElideRight : Text.ElideNone
            minimumPixelSize: Math.round(tile.ui.body * 0.85)
            font.pixelSize: tile.ui.heading
            font.weight: Font.DemiBold
            lineHeight: 1.1
            color: tile.ui.ink
        }
        Text {
            objectName: "tileSubtitle"
            width: parent.width
            text: tile.subtitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: tile.ui.caption
            lineHeight: 1.15
            color: tile.ui.muted
        }
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: tile.kiosk.nav.openExhibit(tile.exhibitId)
    }
}
