pragma ComponentBehavior: Bound
import QtQuick

// The console's picture of what the next press shows: the page's next screenful, the
// next exhibit's cover, the next gallery picture, or a card for the timeline, the map or
// the About screen (a sign in the site's colours: those screens change little from talk
// to talk).
Rectangle {
    id: card
    required property var kiosk
    required property real k
    required property string shows  // "screenful", "exhibit", "image", "timeline", "map", "about" or ""
    required property string screenful  // image://talk/next/N: the page's next screenful
    required property string picture  // the rendition key of a cover or a gallery picture
    readonly property color paper: kiosk.theme.background
    readonly property color accent: kiosk.theme.accent
    readonly property bool drawn: shows === "timeline" || shows === "map" || shows === "about"
    color: shows === "image" ? "#111214" : drawn ? paper : "black"
    border.width: 1
    border.color: "#56606c"
    clip: true

    Image {
        objectName: "nextScreenful"
        anchors { fill: parent; margins: 1 }
        visible: card.shows === "screenful"
        source: visible ? card.screenful : ""
        cache: false
        asynchronous: false
        fillMode: Image.PreserveAspectFit
    }
    Image {
        objectName: "nextCover"
        anchors { fill: parent; margins: 1 }
        visible: card.shows === "exhibit" || card.shows === "image"
        source: visible && card.picture !== "" ? card.kiosk.imageUrl(card.picture, card.kiosk.imageRevision) : ""
        // a cover fills the card as on the page; a gallery picture is shown whole
        fillMode: card.shows === "image" ? Image.PreserveAspectFit : Image.PreserveAspectCrop
        asynchronous: true
    }
    // the timeline: a rail with its dates
    Item {
        visible: card.shows === "timeline"
        anchors.centerIn: parent
        width: parent.width * 0.7
        height: parent.height * 0.4
        Rectangle {
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter }
            height: Math.max(2, 4 * card.k)
            radius: height / 2
            color: card.accent
        }
        Repeater {
            model: 4
            Rectangle {
                required property int index
                width: Math.round(card.height * 0.14)
                height: width
                radius: width / 2
                x: index * (parent.width - width) / 3
                anchors.verticalCenter: parent.verticalCenter
                color: index === 1 ? card.accent : card.paper
                border.width: Math.max(2, 3 * card.k)
                border.color: card.accent
            }
        }
    }
    // the map: a sheet with a place marked on it, as the bar's map button's sign
    Rectangle {
        objectName: "nextMapSign"
        visible: card.shows === "map"
        anchors.centerIn: parent
        width: Math.round(parent.height * 0.8)
        height: Math.round(parent.height * 0.55)
        radius: Math.max(2, 4 * card.k)
        color: "transparent"
        border.width: Math.max(2, 4 * card.k)
        border.color: card.accent
        Rectangle {
            anchors.centerIn: parent
            width: Math.round(parent.height * 0.45)
            height: width
            radius: width / 2
            color: "transparent"
            border.width: Math.max(2, 3 * card.k)
            border.color: card.accent
            Rectangle {
                anchors.centerIn: parent
                width: Math.round(parent.width * 0.45)
                height: width
                radius: width / 2
                color: card.accent
            }
        }
    }
    // About: the sources, as the sign for information
    Rectangle {
        visible: card.shows === "about"
        anchors.centerIn: parent
        width: Math.round(parent.height * 0.5)
        height: width
        radius: width / 2
        color: "transparent"
        border.width: Math.max(2, 4 * card.k)
        border.color: card.accent
        Text {
            anchors.centerIn: parent
            text: "i"
            textFormat: Text.PlainText
            color: card.accent
            font.pixelSize: parent.height * 0.6
            font.variableAxes: { "wght": Font.Bold }
        }
    }
}
