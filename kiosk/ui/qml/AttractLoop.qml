import QtQuick

// Between visitors: a slow cross-fading slideshow and "touch to explore" in every language.
Rectangle {
    id: attract
    required property var kiosk
    required property var ui
    property int slideMs: 8000
    property int slide: 0
    property bool started: false  // the first slide shows at once; later ones cross-fade
    readonly property var images: kiosk.attractImages
    color: "#111214"
    objectName: "attractLoop"

    Repeater {
        id: slides
        model: attract.images
        RenditionImage {
            required property string modelData
            required property int index
            anchors.fill: parent
            kiosk: attract.kiosk
            ui: attract.ui
            key: modelData
            // only the showing slide and the next one are loaded
            visible: opacity > 0 || index === (attract.slide + 1) % attract.images.length
            opacity: index === attract.slide % Math.max(1, attract.images.length) ? 1 : 0
            Behavior on opacity {
                enabled: attract.started
                NumberAnimation { duration: 1600; easing.type: Easing.InOutQuad }
            }
        }
    }
    Timer {
        interval: attract.slideMs
        // the next slide comes only once the current one has been seen
        running: attract.visible && attract.images.length > 1 && slides.count > attract.slide
                 && slides.itemAt(attract.slide) !== null && slides.itemAt(attract.slide).ready
        repeat: true
        onTriggered: {
            attract.started = true
            attract.slide = (attract.slide + 1) % attract.images.length
        }
    }

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: callColumn.implicitHeight + attract.ui.margin * 2
        gradient: Gradient {
            GradientStop { position: 0.0; color: Qt.rgba(0, 0, 0, 0) }
            GradientStop { position: 0.35; color: Qt.rgba(0, 0, 0, 0.62) }
            GradientStop { position: 1.0; color: Qt.rgba(0, 0, 0, 0.78) }
        }
        Column {
            id: callColumn
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: attract.ui.margin }
            spacing: attract.ui.gap / 2
            Text {
                objectName: "attractTitle"
                width: parent.width
                text: attract.kiosk.siteTitle
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: attract.ui.title
                font.weight: Font.Bold
                color: "white"
            }
            Column {
                width: parent.width
                spacing: attract.ui.gap / 4
                Repeater {
                    model: attract.kiosk.attractTexts
                    Text {
                        required property string modelData
                        required property int index
                        objectName: "touchToExplore"
                        width: parent.width
                        text: modelData
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: index === 0 ? attract.ui.heading : attract.ui.body
                        font.weight: index === 0 ? Font.DemiBold : Font.Normal
                        color: index === 0 ? "white" : Qt.rgba(1, 1, 1, 0.85)
                    }
                }
            }
        }
    }
    // A MouseArea takes the whole press, so the release cannot reach a tile beneath.
    MouseArea { anchors.fill: parent; onClicked: attract.kiosk.nav.leaveAttract() }
}
