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
    property int titleLines: 2
    property int subtitleLines: 2

    objectName: "tile_" + exhibitId
    radius: ui.radius
    color: tap.pressed ? Qt.darker(ui.surface, 1.06) : ui.surface
    border.width: focused ? Math.max(3, 4 * ui.k) : 1
    border.color: focused ? ui.accent : ui.line
    clip: true
    Accessible.role: Accessible.Button
    Accessible.name: title
    Accessible.description: subtitle
    Accessible.onPressAction: tile.kiosk.nav.openExhibit(tile.exhibitId)

    RenditionImage {
        id: coverImage
        kiosk: tile.kiosk
        ui: tile.ui
        key: tile.cover
        decorative: true  // the tile's title names it
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: tile.border.width }
        // the rest of the tile: the texts below have their fixed room
        height: Math.max(0, tile.height - tile.ui.tileTextRoom(tile.titleLines, tile.subtitleLines) - tile.border.width)
    }
    Rectangle {
        objectName: "tileBand"
        anchors { left: parent.left; right: parent.right; top: coverImage.bottom }
        height: Math.max(4, 6 * tile.ui.k)
        // drawn once into a layer one pixel high (it does not change down the band):
        // a gradient drawn as a fade's opacity changes is a new table in Qt's gradient
        // cache each frame, up to 60 of 12 KB kept for good
        layer.enabled: true
        layer.textureSize: Qt.size(Math.max(1, Math.round(width)), 1)
        gradient: Gradient {
            orientation: Gradient.Horizontal
            GradientStop { position: 0.0; color: tile.ui.accent }
            GradientStop { position: 0.5; color: tile.ui.accent2 }
            GradientStop { position: 1.0; color: tile.ui.highlight }
        }
    }
    Column {
        anchors {
            left: parent.left; right: parent.right; top: coverImage.bottom
            margins: tile.ui.tilePadding; topMargin: tile.ui.tileTextTop
        }
        spacing: tile.ui.tileTextGap
        Text {
            objectName: "tileTitle"
            width: parent.width
            // every tile gives its title the same room at the same size, so the grid
            // reads evenly; a title longer than that ends in "…" (the layout tests
            // fail on it: the bundled titles must fit)
            height: tile.titleLines * tile.ui.tileTitleLine
            text: tile.title
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            maximumLineCount: tile.titleLines
            elide: Text.ElideRight
            font.pixelSize: tile.ui.tileTitle
            font.variableAxes: { "wght": Font.DemiBold }
            lineHeight: tile.ui.tileTitleSpacing
            color: tile.ui.ink
        }
        Text {
            objectName: "tileSubtitle"
            width: parent.width
            text: tile.subtitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            maximumLineCount: tile.subtitleLines
            elide: Text.ElideRight
            font.pixelSize: tile.ui.caption
            lineHeight: tile.ui.tileSubtitleSpacing
            color: tile.ui.muted
        }
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: tile.kiosk.nav.openExhibit(tile.exhibitId)
    }
}
