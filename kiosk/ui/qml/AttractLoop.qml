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
    // Kept between visitors (Main.qml): away, it holds no picture and nothing moves;
    // back, it starts again from its first slide, shown at once.
    property bool away: false
    // its pictures let go: in the frame after it left (LetGo)
    property var window: null
    readonly property bool letGo: release.done
    readonly property LetGo release: LetGo { window: attract.window; shown: !attract.away }
    onAwayChanged: {
        started = false  // no fade for the slots let go, nor for the first slide back
        slide = 0
        motion = 0
        lastShown = -1
        place()
    }
    onLetGoChanged: if (letGo) { slotA.slideIndex = -1; slotB.slideIndex = -1 }
    readonly property var slides: kiosk.attractSlides
    readonly property var current: slides.length ? slides[slide % slides.length] : null
    // at least 56 px on a museum screen: read from three metres (a laptop's smaller)
    readonly property real designedInvitation: ui.k >= 0.9 ? Math.max(56, Math.round(60 * ui.k)) : Math.round(52 * ui.k)
    // Beside the pictures on a small or squarer screen, the slide's title and the
    // invitations smaller (never under half), so that they and the languages keep to
    // the panel, under the band; the language buttons keep their size.
    readonly property real invitationSize: Math.round(designedInvitation * wordsFit)
    readonly property real wordsFit: {
        if (!beside || designed.implicitHeight <= 0) return 1
        // the rule, the gap and the languages, and the three spacings the words' copy lacks
        const fixed = rule.height + gap.height + languages.height + 3 * callColumn.spacing
        return Math.max(0.5, Math.min(1, (callColumn.room - fixed) / designed.implicitHeight))
    }
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
        // Two slots take turns: one shows the slide; the other fades the last slide out,
        // then holds the next one, asked for once the shown picture is ready (Qt's image
        // thread takes the latest request first: the next picture would otherwise be
        // decoded before the one shown). An idle reset makes one picture, not a holder
        // for every slide.
        Slot { id: slotA }
        Slot { id: slotB }
        component Slot: Loader {
            id: slotItem
            property int slideIndex: -1  // the slide it holds, -1 for none
            readonly property bool showing: slideIndex === attract.shown
            readonly property bool ready: item !== null && (item as RenditionImage).ready
            readonly property string key: active ? attract.slides[slideIndex].key : ""
            objectName: slideIndex < 0 ? "attractSlot" : "attractSlide_" + slideIndex
            anchors.fill: parent
            clip: true
            visible: opacity > 0  // drawn while it shows or fades
            active: slideIndex >= 0 && slideIndex < attract.slides.length
            opacity: showing ? 1 : 0
            Behavior on opacity {
                enabled: attract.started
                NumberAnimation { duration: 300; easing.type: Easing.OutCubic }
            }
            onVisibleChanged: nextLater.restart()
            sourceComponent: RenditionImage {
                id: picture
                objectName: "attractPicture"
                kiosk: attract.kiosk
                ui: attract.ui
                key: slotItem.key
                decorative: true  // the slide's title below names its exhibit
                whole: true
                veil: attract.ui.stage
                // a slow zoom from the centre with a sideways drift, alternating direction
                readonly property real drift: slotItem.showing ? attract.motion : 0
                transform: [
                    Scale {
                        origin.x: picture.width / 2
                        origin.y: picture.height / 2
                        xScale: 1.0 + 0.08 * picture.drift
                        yScale: xScale
                    },
                    Translate { x: (slotItem.slideIndex % 2 ? 1 : -1) * 0.03 * picture.width * picture.drift }
                ]
            }
        }
    }
    // the slide shown, within the slides there are (a content swap may have fewer)
    readonly property int shown: slides.length ? slide % slides.length : 0
    readonly property bool showingReady: (slotA.showing && slotA.ready) || (slotB.showing && slotB.ready)
    property int lastShown: -1
    onShownChanged: place()
    onSlidesChanged: place()  // a content swap: there may have been none, or one
    onShowingReadyChanged: nextLater.restart()
    // after the bindings that told of it are done (a slot's own, while it changes)
    Timer {
        id: nextLater
        interval: 0
        onTriggered: attract.holdNext()
    }
    Component.onCompleted: place()
    // These run while the slots' own bindings may not have caught up with the slide
    // shown: they read what the slots hold, not whether they show.
    function holding(index) {
        return slotA.slideIndex === index ? slotA : slotB.slideIndex === index ? slotB : null
    }
    // A slide not held yet goes to the slot that did not show the last one (that one
    // fades it out); the next slide, preloaded, is already in its slot.
    function place() {
        if (away) return
        if (slides.length > 0 && holding(shown) === null)
            (lastShown >= 0 && slotA.slideIndex === lastShown ? slotB : slotA).slideIndex = shown
        lastShown = shown
        nextLater.restart()
    }
    // The other slot, once its fade is over, holds the next slide if the shown picture
    // is ready, else nothing (its picture is let go).
    function holdNext() {
        if (away) return
        const showing = holding(shown)
        const spare = showing === slotA ? slotB : slotA
        if (showing === null || spare.opacity > 0)
            return
        spare.slideIndex = showing.ready && slides.length > 1 ? (shown + 1) % slides.length : -1
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
        // From the moment the shown picture is there, in step with the slide's time on
        // screen: drifting its flat placeholder drew the same pixels a frame at a time
        // while Qt's image thread decoded the picture beside it.
        running: attract.visible && !attract.away && !attract.still && attract.showingReady
    }
    Timer {
        objectName: "attractTimer"
        interval: attract.slideMs
        // the next slide comes only once the current one has been seen
        running: attract.visible && !attract.away && !attract.still && attract.slides.length > 1 && attract.showingReady
        repeat: true
        onTriggered: {
            attract.started = true
            attract.slide = (attract.slide + 1) % attract.slides.length
            // the next picture drifts from its start; one not decoded yet, once it is
            if (drifting.running)
                drifting.restart()
            else
                attract.motion = 0
        }
    }

    // the site's name at the top, on its own band
    Rectangle {
        id: band
        width: parent.width
        height: siteTitle.implicitHeight + attract.ui.margin * 1.5
        color: attract.ui.highContrast ? attract.ui.stageSurface : Qt.rgba(0, 0, 0, 0.55)
        ScreenText {
            id: siteTitle
            objectName: "attractTitle"
            Accessible.role: Accessible.Heading
            x: attract.ui.margin  // its width by a binding, as the column's below
            width: parent.width - 2 * attract.ui.margin
            anchors.verticalCenter: parent.verticalCenter
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
        // the words take more of a laptop's or a squarer screen's width (5:4, 4:3): less
        // wrapped, they keep to the screen's height
        x: attract.beside ? Math.round(attract.width * (attract.ui.k < 0.9 || attract.width < 1.5 * attract.height ? 0.4 : 0.5)) : 0
        y: attract.beside ? band.height : attract.height - height
        width: attract.width - x
        height: attract.beside ? attract.height - band.height : callColumn.implicitHeight + attract.ui.margin * 1.5
        color: attract.ui.stageSurface
        // Its width by a binding, not by anchors: anchors take effect when the column is
        // completed, after the texts in it, which would lay themselves out twice (first
        // at no width). A binding has its width before any of them is laid out.
        Column {
            id: callColumn
            x: attract.ui.margin
            width: parent.width - 2 * attract.ui.margin
            anchors.verticalCenter: parent.verticalCenter
            spacing: attract.ui.gap / 2
            // beside the pictures, still taller than the panel with the invitations at
            // half their size (a long title on a very small screen): drawn smaller,
            // whole, rather than under the band and off the screen's foot
            readonly property real room: panel.height - attract.ui.margin
            scale: attract.beside && implicitHeight > room ? room / implicitHeight : 1
            transformOrigin: Item.Left
            ScreenText {
                id: slideTitle
                objectName: "slideTitle"
                visible: text !== ""
                width: parent.width
                text: attract.current ? attract.current.title : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: Math.round(attract.ui.title * attract.wordsFit)
                font.variableAxes: { "wght": Font.Bold }
                color: attract.ui.stageInk
            }
            Rectangle { id: rule; width: parent.width; height: Math.max(2, 3 * attract.ui.k); color: attract.ui.accent }
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
            Item { id: gap; width: 1; height: attract.ui.gap / 2 }
            Flow {
                id: languages
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
        // the slide's title and the invitations at their designed sizes, unseen: the
        // room they would need
        Column {
            id: designed
            visible: false
            width: callColumn.width
            spacing: callColumn.spacing
            Text {
                visible: text !== ""
                width: designed.width
                text: slideTitle.text
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: attract.ui.title
                font.variableAxes: { "wght": Font.Bold }
            }
            Repeater {
                model: attract.kiosk.attractTexts
                Text {
                    required property string modelData
                    width: designed.width
                    text: modelData
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: attract.designedInvitation
                    font.variableAxes: { "wght": Font.DemiBold }
                }
            }
        }
    }
}
