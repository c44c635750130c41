import QtQuick

// One of a chosen place's exhibits on a portrait map: its cover beside its title and
// subtitle, the whole card a button that opens it. (Under a portrait map there is the
// room that a landscape map's side panel has not: the room is given to pictures.)
Rectangle {
    id: card
    required property var kiosk
    required property var ui
    required property string exhibitId
    required property string title
    required property string subtitle
    required property string cover

    objectName: "mapExhibit_" + exhibitId
    implicitHeight: Math.max(coverImage.height, texts.implicitHeight + 2 * ui.tilePadding) + 2 * border.width
    radius: ui.radius
    color: tap.pressed ? Qt.darker(ui.surface, 1.06) : ui.surface
    border.width: 1
    border.color: ui.line
    clip: true
    Accessible.role: Accessible.Button
    Accessible.name: title
    Accessible.description: subtitle
    function open() { card.kiosk.nav.openExhibit(card.exhibitId) }
    Accessible.onPressAction: card.open()
    // as the buttons beside a landscape map: Tab reaches it, Enter or Space opens it,
    // and the one with the focus wears a ring (inside it: the panel clips what is outside)
    activeFocusOnTab: true
    Keys.onReturnPressed: (event) => { event.accepted = true; card.open() }
    Keys.onEnterPressed: (event) => { event.accepted = true; card.open() }
    Keys.onSpacePressed: (event) => { event.accepted = true; card.open() }

    RenditionImage {
        id: coverImage
        objectName: "mapExhibitCover"
        kiosk: card.kiosk
        ui: card.ui
        key: card.cover
        decorative: true  // the card's title names it
        x: card.border.width
        y: card.border.width
        width: Math.round(card.width * 0.4)
        height: Math.round(width * 9 / 16)
    }
    Column {
        id: texts
        anchors { left: coverImage.right; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: card.ui.tilePadding; rightMargin: card.ui.tilePadding }
        spacing: card.ui.tileTextGap
        Text {
            objectName: "mapExhibitTitle"
            width: parent.width
            text: card.title
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: card.ui.tileTitle
            font.variableAxes: { "wght": Font.DemiBold }
            lineHeight: card.ui.tileTitleSpacing
            color: card.ui.ink
        }
        Text {
            objectName: "mapExhibitSubtitle"
            width: parent.width
            text: card.subtitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: card.ui.caption
            lineHeight: card.ui.tileSubtitleSpacing
            color: card.ui.muted
        }
    }
    Rectangle {
        objectName: "focusRing"
        visible: card.activeFocus
        anchors.fill: parent
        radius: card.radius
        color: "transparent"
        border.width: Math.max(2, 3 * card.ui.k)
        border.color: card.ui.ink
        z: 1
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: card.open()
    }
}
