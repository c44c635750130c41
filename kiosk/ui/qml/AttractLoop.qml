pragma ComponentBehavior: Bound

import QtQuick

// Between visitors: each exhibit's pictures drifting slowly (a pan and zoom that
// shows the screen is alive), the exhibit's title, and "touch to explore" in every
// language, large enough to read from three metres.
Rectangle {
    id: attract
    required property var kiosk
    required property var ui
    property int slideMs: 8000
    property int slide: 0
    property bool started: false  // the first slide shows at once; later ones cross-fade
    // how far the showing slide has drifted, 0 to 1 over its time on screen
    property real motion: 0
    // held on its first slide with no motion: ``kiosk render`` draws a still picture
    property bool still: false
    readonly property var slides: kiosk.attractSlides
    readonly property var current: slides.length ? slides[slide % slides.length] : null
    // at least 56 px on a museum screen: read from three metres (a laptop's smaller)
    readonly property real invitationSize: ui.k >= 0.9 ? Math.max(56, Math.round(60 * ui.k)) : Math.round(52 * ui.k)
    // Landscape: the pictures on the left, the words on the right; portrait: above them.
    // Neither covers the other, and each picture shows whole between the bands.
    readonly property bool beside: !ui.portrait
    color: ui.stage
    objectName: "attractLoop"
    readonly property Item titleItem: siteTitle  // takes the focus when the loop starts

    Item {
        id: pictureArea
        objectName: "attractPictureArea"
        x: 0
        y: band.height
        width: attract.beside ? panel.x : attract.width
        height: (attract.beside ? attract.height : panel.y) - band.height
        clip: true
    Repeater {
        id: pictures
        model: attract.slides
        Slide {}
        // A slide's picture is made only while the slide shows, fades out or comes
        // next: the loop starts (an idle reset) without a picture for every slide.
        component Slide: Loader {
            id: slideItem
            required property var modelData
            required property int index
            readonly property bool showing: index === attract.slide % Math.max(1, attract.slides.length)
            readonly property bool ready: item !== null && (item as RenditionImage).ready
            objectName: "attractSlide_" + index
            anchors.fill: parent
            clip: true
            visible: opacity > 0  // drawn while it shows or fades
            // Only the showing slide and the next one are loaded, the next one once the
            // showing one's picture is ready: Qt's image thread takes the latest request
            // first, and the next slide's picture would be decoded before the one shown.
            // The first slide's stays: a still picture (kiosk render) goes back to it.
            active: visible || index === 0
                    || (index === (attract.slide + 1) % attract.slides.length && attract.showingReady)
            opacity: showing ? 1 : 0
            Behavior on opacity {
                enabled: attract.started
                NumberAnimation { duration: 300; easing.type: Easing.OutCubic }
            }
            sourceComponent: RenditionImage {
                id: picture
                objectName: "attractPicture"
                kiosk: attract.kiosk
                ui: attract.ui
                key: slideItem.modelData.key
                decorative: true  // the slide's title below names its exhibit
                whole: true
                veil: attract.ui.stage
                // a slow zoom from the centre with a sideways drift, alternating direction
                readonly property real drift: slideItem.showing ? attract.motion : 0
                transform: [
                    Scale {
                        origin.x: picture.width / 2
                        origin.y: picture.height / 2
                        xScale: 1.0 + 0.08 * picture.drift
                        yScale: xScale
                    },
                    Translate { x: (slideItem.index % 2 ? 1 : -1) * 0.03 * picture.width * picture.drift }
                ]
            }
        }
    }
    }
    NumberAnimation {
        id: drifting
        objectName: "attractMotion"
        target: attract
        property: "motion"
        from: 0
        to: 1
        duration: attract.slideMs
        easing.type: Easing.Linear
        running: attract.visible && !attract.still
    }
    readonly property bool showingReady: pictures.count > attract.slide && pictures.itemAt(attract.slide) !== null
                                         && (pictures.itemAt(attract.slide) as Slide).ready
    Timer {
        objectName: "attractTimer"
        interval: attract.slideMs
        // the next slide comes only once the current one has been seen
        running: attract.visible && !attract.still && attract.slides.length > 1 && attract.showingReady
        repeat: true
        onTriggered: {
            attract.started = true
            attract.slide = (attract.slide + 1) % attract.slides.length
            drifting.restart()
        }
    }

    // the site's name at the top, on its own band
    Rectangle {
        id: band
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: siteTitle.implicitHeight + attract.ui.margin * 1.5
        color: attract.ui.highContrast ? attract.ui.stageSurface : Qt.rgba(0, 0, 0, 0.55)
        ScreenText {
            id: siteTitle
            objectName: "attractTitle"
            Accessible.role: Accessible.Heading
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: attract.ui.margin; rightMargin: attract.ui.margin }
            text: attract.kiosk.siteTitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: attract.ui.heading
            font.variableAxes: { "wght": Font.DemiBold }
            color: attract.ui.stageInk
        }
    }

    // A MouseArea takes the whole press, so the release cannot reach a tile beneath.
    // To a screen reader the whole screen is one button, named by the invitation.
    MouseArea {
        objectName: "attractTouch"
        anchors.fill: parent
        onClicked: attract.kiosk.nav.leaveAttract()
        Accessible.role: Accessible.Button
        Accessible.name: attract.kiosk.strings.touch_to_explore
        Accessible.onPressAction: attract.kiosk.nav.leaveAttract()
    }

    // the slide's exhibit, the invitation in every language, and the languages to
    // start in: a tap on one starts the visit in it, a tap anywhere else in the default
    Rectangle {
        id: panel
        objectName: "attractPanel"
        x: attract.beside ? Math.round(attract.width * (attract.ui.k < 0.9 ? 0.4 : 0.5)) : 0
        y: attract.beside ? band.height : attract.height - height
        width: attract.width - x
        height: attract.beside ? attract.height - band.height : callColumn.implicitHeight + attract.ui.margin * 1.5
        color: attract.ui.stageSurface
        Column {
            id: callColumn
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: attract.ui.margin; rightMargin: attract.ui.margin }
            spacing: attract.ui.gap / 2
            ScreenText {
                objectName: "slideTitle"
                visible: text !== ""
                width: parent.width
                text: attract.current ? attract.current.title : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: attract.ui.title
                font.variableAxes: { "wght": Font.Bold }
                color: attract.ui.stageInk
            }
            Rectangle { width: parent.width; height: Math.max(2, 3 * attract.ui.k); color: attract.ui.accent }
            Repeater {
                model: attract.kiosk.attractTexts
                ScreenText {
                    required property string modelData
                    objectName: "touchToExplore"
                    width: parent.width
                    text: modelData
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: attract.invitationSize
                    font.variableAxes: { "wght": Font.DemiBold }
                    color: attract.ui.stageInk
                }
            }
            Item { width: 1; height: attract.ui.gap / 2 }
            Flow {
                objectName: "attractLanguages"
                width: parent.width
                spacing: attract.ui.gap / 2
                Repeater {
                    model: attract.kiosk.language.choices
                    NavButton {
                        required property var modelData
                        objectName: "attractLanguage_" + modelData.code
                        ui: attract.ui
                        text: modelData.name
                        onActivated: {
                            attract.kiosk.language.choose(modelData.code)
                            attract.kiosk.nav.leaveAttract()
                        }
                    }
                }
            }
        }
    }
}
