import QtQuick

// One exhibit: hero, title, summary, sections, fact cards and a gallery strip.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    readonly property var content: kiosk.page
    readonly property real columnWidth: Math.min(width - 2 * ui.margin, ui.measure)
    color: ui.background
    objectName: "exhibitPage"

    function resetView() { scroller.stop(); flick.contentY = 0 }

    // another exhibit starts at its top; the gallery and a language change keep the place
    readonly property string shownId: content.exhibitId || ""
    onShownIdChanged: resetView()

    // presenter keys: kiosk decides whether to scroll, the page knows how far it can
    readonly property real scrollEnd: Math.max(0, flick.contentHeight - flick.height)
    readonly property bool atStart: flick.contentY <= 1
    readonly property bool atEnd: flick.contentY >= scrollEnd - 1
    function reportEdges() { kiosk.nav.setPageEdges(atStart, atEnd) }
    onAtStartChanged: reportEdges()
    onAtEndChanged: reportEdges()
    Component.onCompleted: reportEdges()
    Connections {
        target: page.kiosk
        function onScrollRequested(fraction) {
            const from = scroller.running ? scroller.to : flick.contentY
            scroller.stop()
            scroller.to = Math.max(0, Math.min(page.scrollEnd, from + fraction * flick.height))
            scroller.start()
        }
    }
    NumberAnimation {
        id: scroller
        target: flick
        property: "contentY"
        duration: page.ui.fade
        easing.type: Easing.OutCubic
    }

    TopBar {
        id: topBar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        kiosk: page.kiosk
        ui: page.ui
        z: 2
    }

    Flickable {
        id: flick
        objectName: "exhibitFlick"
        anchors { left: parent.left; right: parent.right; top: topBar.bottom; bottom: parent.bottom }
        contentHeight: body.height + page.ui.margin * 2
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        flickDeceleration: 2500
        maximumFlickVelocity: 6000

        Column {
            id: body
            width: flick.width
            spacing: page.ui.gap * 1.5

            RenditionImage {
                objectName: "hero"
                width: parent.width
                height: Math.round(Math.min(page.height * (page.ui.portrait ? 0.3 : 0.42), width / 1.5))
                kiosk: page.kiosk
                ui: page.ui
                key: page.content.hero ? page.content.hero.key : ""
                alt: page.content.hero ? page.content.hero.alt : ""
                Text {
                    anchors { right: parent.right; bottom: parent.bottom; margins: page.ui.gap / 2 }
                    text: page.content.hero ? page.content.hero.credit : ""
                    textFormat: Text.PlainText
                    font.pixelSize: page.ui.caption
                    color: "white"
                    style: Text.Outline
                    styleColor: Qt.rgba(0, 0, 0, 0.5)
                }
            }

            Column {
                x: (parent.width - width) / 2
                width: page.columnWidth
                spacing: page.ui.gap

                SectionHeading {
                    objectName: "pageTitle"
                    ui: page.ui
                    text: page.content.title || ""
                    font.pixelSize: page.ui.title
                }
                Text {
                    objectName: "pageSubtitle"
                    width: parent.width
                    text: page.content.subtitle || ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.heading * 0.85
                    color: page.ui.accent
                }
                TextBlocks {
                    objectName: "summary"
                    width: parent.width
                    ui: page.ui
                    blocks: page.content.summary || []
                    fontSize: page.ui.body * 1.08
                }

                Repeater {
                    model: page.content.sections || []
                    ExhibitSection { width: parent.width; kiosk: page.kiosk; ui: page.ui }
                }

                SectionHeading {
                    objectName: "factsHeading"
                    visible: (page.content.facts || []).length > 0
                    topPadding: page.ui.gap
                    ui: page.ui
                    text: page.kiosk.strings.facts || ""
                }
                Flow {
                    id: facts
                    width: parent.width
                    spacing: page.ui.gap
                    readonly property int columns: width > 900 * page.ui.k ? 3 : 2
                    Repeater {
                        model: page.content.facts || []
                        FactCard {
                            required property var modelData
                            width: (facts.width - (facts.columns - 1) * facts.spacing) / facts.columns
                            ui: page.ui
                            label: modelData.label
                            value: modelData.value
                        }
                    }
                }

                SectionHeading {
                    objectName: "galleryHeading"
                    visible: (page.content.gallery || []).length > 0
                    topPadding: page.ui.gap
                    ui: page.ui
                    text: page.kiosk.strings.gallery || ""
                }
            }

            GalleryStrip {
                x: Math.max(0, (parent.width - page.columnWidth) / 2)
                width: parent.width - x
                height: Math.round(260 * page.ui.k)
                kiosk: page.kiosk
                ui: page.ui
                model: page.content.gallery || []
            }

            // the end of every page offers the next exhibit
            NavButton {
                objectName: "nextExhibit"
                visible: !!page.content.next
                x: Math.max(0, (parent.width - page.columnWidth) / 2)
                maxWidth: page.columnWidth
                ui: page.ui
                primary: true
                glyph: "›"
                text: page.content.next ? (page.kiosk.strings.next_exhibit || "Next") + ": " + page.content.next.title : ""
                onActivated: page.kiosk.nav.nextExhibit()
            }
        }
    }
}
