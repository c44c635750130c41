pragma ComponentBehavior: Bound
import QtQuick

// The places of the story on a map: Uzbekistan and Azerbaijan with the Caspian Sea
// between them, their neighbours faint. A tap on a marker (or its name, or its button
// beside the map) shows the place's exhibits; a tap on one opens it. Where the
// markers and names go is decided in Python (kiosk.map.layout): names never cover
// each other or a marker.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    readonly property var map: kiosk.map
    readonly property int chosen: kiosk.nav.screen === kiosk.nav.screens.map ? kiosk.nav.index : -1
    readonly property var places: map.places
    readonly property var place: chosen >= 0 && chosen < places.length ? places[chosen] : null
    // the places' and exhibits' rows are kept by count (Rows), their words changed in
    // place at a language or place chosen; these stand in while a count catches up
    readonly property var noPlace: ({ index: -1, placeId: "", name: "", exhibits: [] })
    readonly property var noExhibit: ({ exhibitId: "", title: "", subtitle: "", cover: "" })
    color: ui.background
    objectName: "mapPage"

    function resetView() { panelFlick.contentY = 0 }
    Connections {  // between visitors: back to the top
        target: page.kiosk
        function onResetRequested() { page.resetView() }
    }
    // a place chosen: its name at the top of the panel, its exhibits under it
    // (again as the panel is laid out, until the visitor scrolls it)
    onPlaceChanged: { panelMoved = false; Qt.callLater(showPlace) }
    property bool panelMoved: false
    function showPlace() {
        if (panelMoved) return
        const most = Math.max(0, panelFlick.contentHeight - panelFlick.height)
        panelFlick.contentY = place ? Math.min(placeName.y, most) : 0
    }
    readonly property Item titleItem: mapTitle  // takes the focus when the page comes

    // landscape: the places' panel beside the map; portrait: below it. On a talk's
    // audience screen (no buttons to lay out: a name and a few titles), wherever the map
    // is drawn the larger: on a 4:3 or 800x600 projector, beside it left the map a
    // third of the screen and the space under it empty
    // and never narrower than its widest word (a place's name or an exhibit's title on a
    // button, with the button's sign; a chosen place's name as the heading): a word wider
    // than its line is broken in two. Up to half the screen: the map keeps the rest
    readonly property real besidePanelWidth: Math.min(
        Math.max(Math.min(width * 0.4, Math.round(460 * ui.k * ui.textScale)), wordRoom), width * 0.5)
    readonly property real wordRoom: Math.max(
        buttonWords.widest + 2 * ui.gap + (ui.controls ? ui.heading + ui.gap / 2 : 0), headingWords.widest)
    // every place's name and every exhibit's title, as the buttons draw them; every
    // place's name as the heading does
    WidestWord {
        id: buttonWords
        text: {
            const words = []
            for (const place of page.places) {
                words.push(place.name)
                for (const exhibit of place.exhibits) words.push(exhibit.title)
            }
            return words.join("\n")
        }
        font.pixelSize: page.ui.body
        font.variableAxes: { "wght": Font.DemiBold }
    }
    WidestWord {
        id: headingWords
        text: page.places.map(place => place.name).join("\n")
        font.pixelSize: page.ui.heading
        font.variableAxes: { "wght": Font.Bold }
    }
    readonly property real mapTop: mapTitle.y + mapTitle.height + ui.gap / 2
    readonly property real mapAspect: map.mapWidth / map.mapHeight
    readonly property real mapWidthBeside: Math.min(width - 2 * ui.margin - besidePanelWidth - ui.gap,
                                                    (height - mapTop - ui.gap) * mapAspect)
    readonly property real mapWidthBelow: Math.min(width - 2 * ui.margin, (height - mapTop) * 0.6 * mapAspect)
    readonly property bool beside: width > height * 1.2 && (ui.controls || mapWidthBeside >= mapWidthBelow)
    readonly property real panelWidth: beside ? besidePanelWidth : width - 2 * ui.margin

    ScreenText {
        id: mapTitle
        objectName: "mapTitle"
        Accessible.role: Accessible.Heading
        x: page.ui.margin
        y: page.ui.gap
        width: page.width - 2 * page.ui.margin
        text: page.kiosk.strings.map
        wrapMode: Text.Wrap
        font.pixelSize: page.ui.title
        font.variableAxes: { "wght": Font.Bold }
        color: page.ui.ink
    }

    // the room for the map; the map itself keeps its shape inside it
    Item {
        id: mapArea
        objectName: "mapArea"
        x: page.ui.margin
        y: page.mapTop
        width: page.beside ? page.width - 2 * page.ui.margin - page.panelWidth - page.ui.gap : page.width - 2 * page.ui.margin
        height: page.beside ? page.height - y - page.ui.gap
                            : Math.min(width * page.map.mapHeight / page.map.mapWidth, (page.height - y) * 0.6)
    }

    MapView {
        id: view
        objectName: "mapView"
        readonly property real fit: Math.min(mapArea.width / page.map.mapWidth, mapArea.height / page.map.mapHeight)
        width: Math.floor(page.map.mapWidth * fit)
        height: Math.floor(page.map.mapHeight * fit)
        // on whole pixels: the outlines' picture is copied pixel for pixel (MapView)
        x: Math.round(mapArea.x + (mapArea.width - width) / 2)
        y: Math.round(mapArea.y + (page.beside ? (mapArea.height - height) / 2 : 0))
        kiosk: page.kiosk
        ui: page.ui
        chosen: page.chosen
    }

    // the chosen place's exhibits, or the places to choose from
    Flickable {
        id: panelFlick
        objectName: "mapPanel"
        x: page.beside ? page.width - page.ui.margin - page.panelWidth : page.ui.margin
        y: page.beside ? mapArea.y : view.y + view.height + page.ui.gap
        width: page.panelWidth
        height: page.height - y - page.ui.gap
        // room for the cue below the last button: at the end the cue goes, nothing is under it;
        // and, where the panel scrolls at all, room for a chosen place's name to reach its
        // top: short of it, the last row of place buttons stayed at the top edge, cut
        contentHeight: panel.height <= height ? panel.height
            : Math.max(panel.height + cue.height, page.place ? placeName.y + height : 0)
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        onMovementStarted: page.panelMoved = true
        onHeightChanged: Qt.callLater(page.showPlace)

        Column {
            id: panel
            width: parent.width
            onHeightChanged: Qt.callLater(page.showPlace)
            spacing: page.ui.gap * 0.75

            // every place as a button too, first: the way in without aiming at a marker
            // (buttons: none on a presentation's audience screen, where the talk chooses)
            Flow {
                visible: page.ui.controls
                width: parent.width
                spacing: page.ui.gap / 2
                Repeater {
                    model: Rows { wanted: page.places.length }
                    NavButton {
                        required property int index
                        readonly property var modelData: page.places[index] ?? page.noPlace
                        objectName: "mapPlaceButton_" + modelData.placeId
                        ui: page.ui
                        glyph: "●"
                        text: modelData.name
                        selected: page.chosen === modelData.index
                        maxWidth: panel.width
                        onActivated: page.kiosk.nav.choosePlace(modelData.index)
                    }
                }
            }
            ScreenText {
                id: placeName
                objectName: "mapPlaceName"
                Accessible.role: Accessible.Heading
                width: parent.width
                text: page.place ? page.place.name : page.ui.controls ? page.kiosk.strings.map_hint : ""
                wrapMode: Text.Wrap
                font.pixelSize: page.place ? page.ui.heading : page.ui.body
                font.variableAxes: page.place ? { "wght": Font.Bold } : ({})
                color: page.place ? page.ui.ink : page.ui.muted
            }
            // the chosen place's exhibits: buttons to them, or their titles on a
            // presentation's audience screen
            Repeater {
                model: Rows { wanted: page.place && !page.ui.controls ? page.place.exhibits.length : 0 }
                ScreenText {
                    required property int index
                    readonly property var modelData: page.place?.exhibits[index] ?? page.noExhibit
                    objectName: "mapExhibitTitle"
                    width: panel.width
                    text: modelData.title
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.body
                    color: page.ui.ink
                }
            }
            Repeater {
                model: Rows { wanted: page.place && page.ui.controls && page.beside ? page.place.exhibits.length : 0 }
                NavButton {
                    required property int index
                    readonly property var modelData: page.place?.exhibits[index] ?? page.noExhibit
                    objectName: "mapExhibit_" + modelData.exhibitId
                    ui: page.ui
                    primary: true
                    glyph: "›"
                    text: modelData.title
                    maxWidth: panel.width
                    onActivated: page.kiosk.nav.openExhibit(modelData.exhibitId)
                }
            }
            // under a portrait map: each with its picture, in the room a side panel lacks
            Repeater {
                model: Rows { wanted: page.place && page.ui.controls && !page.beside ? page.place.exhibits.length : 0 }
                MapExhibitCard {
                    required property int index
                    readonly property var modelData: page.place?.exhibits[index] ?? page.noExhibit
                    width: panel.width
                    kiosk: page.kiosk
                    ui: page.ui
                    exhibitId: modelData.exhibitId
                    title: modelData.title
                    subtitle: modelData.subtitle
                    cover: modelData.cover
                }
            }
        }
    }

    ScrollCue {
        id: cue
        anchors { left: panelFlick.left; right: panelFlick.right; bottom: panelFlick.bottom }
        height: Math.min(Math.round(150 * page.ui.k), panelFlick.height / 3)
        ui: page.ui
        flick: panelFlick
        spokenName: page.kiosk.strings.scroll_down
    }
}
