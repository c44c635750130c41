pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes

// The drawn map: the sea as the ground, the countries over it (the two of the story
// stronger), their names where they fit, and a marker with its name for each place.
// In high contrast, outlines on white and no fills.
Rectangle {
    id: view
    required property var kiosk
    required property var ui
    required property int chosen
    readonly property var map: kiosk.map
    readonly property real scaleFactor: width / map.mapWidth
    readonly property real dot: Math.round(26 * ui.k)
    // names at a size that grows with the visitor's text size, like every text
    readonly property real placePx: Math.round(ui.body * 0.95)
    readonly property real areaPx: Math.round(ui.caption * 0.95)
    readonly property var layout: map.layout(width, height, ui.target, dot, Math.round(ui.gap / 3),
                                             placePx, areaPx, map.revision)
    readonly property color sea: ui.highContrast ? "#FFFFFF" : Qt.tint(ui.background, Qt.rgba(ui.accent.r, ui.accent.g, ui.accent.b, 0.22))
    readonly property color land: ui.highContrast ? "#FFFFFF" : Qt.tint(ui.background, "#08000000")
    // the countries' fills: none in high contrast, where the land is the sea's white
    // (white on white: 2.5 ms of each such draw at 1080p, and under 30 pixels of a map
    // change, by at most 13 levels)
    readonly property color landFill: ui.highContrast ? "transparent" : land
    readonly property color focusFill: ui.highContrast ? "transparent" : ui.surface
    readonly property color edge: ui.highContrast ? "#000000" : Qt.rgba(ui.ink.r, ui.ink.g, ui.ink.b, 0.35)
    color: sea
    clip: true
    Accessible.role: Accessible.Graphic
    Accessible.name: kiosk.strings.map + ": " + layout.areas.map(a => a.name).join(", ")

    // a tap on the sea or on land chooses nothing
    TapHandler { onTapped: view.kiosk.nav.choosePlace(-1) }

    // The outlines are drawn once into a picture of the map's size, then copied: the
    // software scene graph filled every outline again at each frame that changed
    // anything over the map (a language, a place chosen), 9-10 ms of a 1080p frame.
    // The picture is in pixels (the view's x and y are whole, MapPage), so it is
    // copied pixel for pixel. It is made after the map's first frame: that frame (the
    // tap's) draws the outlines directly, 2-3 ms sooner than drawing them into the
    // picture and copying it, and the fade-in's frames after it copy the picture.
    property bool firstFrameDrawn: false
    Connections {
        target: view.Window.window
        enabled: !view.firstFrameDrawn
        function onFrameSwapped() { view.firstFrameDrawn = true }
    }
    Item {
        objectName: "mapOutlines"
        width: view.width
        height: view.height
        layer.enabled: view.firstFrameDrawn
        Shape {
            objectName: "mapShapes"
            width: view.map.mapWidth
            height: view.map.mapHeight
            scale: view.scaleFactor
            transformOrigin: Item.TopLeft
            // the neighbours, then the two countries of the story over them; their
            // corners cut (bevelled), not rounded: at 1-3.5 px no eye tells them apart
            // (under 400 pixels of a 1080p map differ), and rounding them took 10-14 ms
            // of the 40 a high-contrast map took to draw
            ShapePath {
                fillColor: view.landFill
                fillRule: ShapePath.OddEvenFill
                strokeColor: view.edge
                strokeWidth: (view.ui.highContrast ? 1.5 : 1) / view.scaleFactor
                joinStyle: ShapePath.BevelJoin
                PathSvg { path: view.map.neighbourOutlines }
            }
            ShapePath {
                fillColor: view.focusFill
                fillRule: ShapePath.OddEvenFill
                strokeColor: view.ui.highContrast ? "#000000" : view.ui.accentText
                strokeWidth: (view.ui.highContrast ? 3.5 : 2) / view.scaleFactor
                joinStyle: ShapePath.BevelJoin
                PathSvg { path: view.map.focusOutlines }
            }
        }
    }

    // Each language, text size and map size brings a new layout: the names and markers
    // are kept by count (Rows) and their words and places changed in place, not made
    // anew at each (a language tap on the map made 61 items again, at 1080p)
    readonly property var noArea: ({ key: "", name: "", sea: false, focus: false, x: 0, y: 0, w: 0, h: 0 })
    readonly property var noBox: ({ x: 0, y: 0, w: 0, h: 0 })
    readonly property var noMarker: ({ index: -1, placeId: "", name: "", target: noBox, label: noBox })

    // the map's frame, over the outlines (the land reaches the map's edges, and drew
    // over a frame of the view's own at the bottom), under the names and markers
    Rectangle {
        objectName: "mapFrame"
        anchors.fill: parent
        color: "transparent"
        border.color: view.ui.highContrast ? "#000000" : view.ui.line
        border.width: view.ui.highContrast ? 2 : 1
    }

    // country and sea names: quiet, never over a marker or a place's name
    Repeater {
        model: Rows { wanted: view.layout.areas.length }
        Text {
            required property int index
            readonly property var modelData: view.layout.areas[index] ?? view.noArea
            objectName: "mapName_" + modelData.key
            x: modelData.x
            y: modelData.y
            width: modelData.w
            height: modelData.h
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            text: modelData.name
            textFormat: Text.PlainText
            font.pixelSize: view.areaPx
            font.variableAxes: modelData.focus ? { "wght": Font.DemiBold } : ({})
            font.italic: modelData.sea
            color: view.ui.highContrast ? "#000000" : (modelData.sea ? view.ui.accentText : view.ui.muted)
            // a halo in the ground colour: the name reads where a border crosses it
            style: Text.Outline
            styleColor: modelData.sea ? view.sea : view.land
        }
    }

    // the places' names, under the markers: a tap on a marker always reaches it
    Repeater {
        model: Rows { wanted: view.layout.markers.length }
        Rectangle {
            id: label
            required property int index
            readonly property var modelData: view.layout.markers[index] ?? view.noMarker
            readonly property bool picked: view.chosen === modelData.index
            objectName: "mapLabel_" + modelData.placeId
            x: modelData.label.x
            y: modelData.label.y
            width: modelData.label.w
            height: modelData.label.h
            radius: height / 4
            color: picked && !view.ui.highContrast ? view.ui.highlight : view.ui.surface
            opacity: view.ui.highContrast || picked ? 1 : 0.92
            border.color: view.ui.highContrast ? "#000000" : "transparent"
            border.width: view.ui.highContrast ? 2 : 0
            Text {
                anchors.centerIn: parent
                text: label.modelData.name
                textFormat: Text.PlainText
                font.pixelSize: view.placePx
                font.variableAxes: { "wght": Font.DemiBold }
                color: label.picked && !view.ui.highContrast ? "#FFFFFF" : view.ui.ink
            }
            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: view.kiosk.nav.choosePlace(label.modelData.index)
            }
        }
    }
    // the places: a marker in a large touch target, and its name beside it
    Repeater {
        model: Rows { wanted: view.layout.markers.length }
        Item {
            id: marker
            required property int index
            readonly property var modelData: view.layout.markers[index] ?? view.noMarker
            readonly property bool picked: view.chosen === modelData.index
            objectName: "mapMarker_" + modelData.placeId
            x: modelData.target.x
            y: modelData.target.y
            width: modelData.target.w
            height: modelData.target.h
            Accessible.role: Accessible.Button
            Accessible.name: modelData.name
            Accessible.selected: picked
            Accessible.onPressAction: view.kiosk.nav.choosePlace(modelData.index)

            Rectangle {
                objectName: "mapDot"
                anchors.centerIn: parent
                width: view.dot * (marker.picked ? 1.25 : 1)
                height: width
                radius: width / 2
                color: view.ui.highContrast ? (marker.picked ? "#000000" : "#FFFFFF") : (marker.picked ? view.ui.highlight : view.ui.accentText)
                border.color: view.ui.highContrast ? "#000000" : "#FFFFFF"
                border.width: Math.max(2, Math.round(3 * view.ui.k))
            }
            TapHandler {
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: view.kiosk.nav.choosePlace(marker.modelData.index)
            }
        }
    }
}
