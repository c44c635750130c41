pragma ComponentBehavior: Bound
import QtQuick

// "About this exhibition": the sources of the whole exhibition, then each exhibit's
// own sources and who made its pictures, in plain text.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    readonly property var about: kiosk.about
    readonly property real columnWidth: Math.min(width - 2 * ui.margin, ui.measure)
    readonly property var noExhibit: ({ exhibitId: "", title: "", credits: [], images: [] })
    readonly property var noCredit: ({ label: "", blocks: [] })
    readonly property var noImages: ({ credit: "", images: [] })
    color: ui.background
    objectName: "aboutPage"

    function resetView() { keepEnd = false; pendingScroll = 0; flick.contentY = 0 }
    Connections {  // between visitors: back to the top
        target: page.kiosk
        function onResetRequested() { page.resetView() }
    }
    readonly property Item titleItem: aboutTitle  // takes the focus when the page comes
    readonly property Flickable flickable: flick  // a talk's console pictures its next screenful

    // a talk (kiosk --present) reads this page screenful by screenful, as an exhibit's
    readonly property real scrollEnd: Math.max(0, flick.contentHeight - flick.height)
    // where the view is, or is going (a scroll still moving): a second quick press of a
    // clicker counts from there, and at the page's end it is the next step's
    readonly property real goingTo: scroller.running ? scroller.to : flick.contentY
    readonly property bool atStart: goingTo <= 1
    readonly property bool atEnd: goingTo >= scrollEnd - 1
    function reportEdges() { kiosk.nav.setPageEdges(atStart, atEnd) }
    onAtStartChanged: reportEdges()
    onAtEndChanged: reportEdges()
    // made again when shown again: a talk back from a page shown off it finds the
    // sources where it left them (the navigation keeps that place), once laid out
    Component.onCompleted: { reportEdges(); pendingScroll = kiosk.nav.scroll; restoreScroll() }
    property real pendingScroll: 0
    function restoreScroll() { pendingScroll = cue.restored(pendingScroll, scrollEnd) }
    // where a scroll stops, for the keys and a talk console's next screenful (ScrollCue)
    function scrollTarget(from: real, fraction: real): real {
        return cue.scrollStop(body, from, fraction, scrollEnd)
    }
    // a talk's audience: the page ends at its last screenful, which starts whole (ScrollCue)
    readonly property real lastTop: cue.lastTop
    Connections {
        target: page.kiosk.keys
        function onScrollRequested(fraction) {
            page.keepEnd = false
            const from = page.goingTo
            scroller.stop()
            scroller.to = page.scrollTarget(from, fraction)
            scroller.start()
        }
        function onPageJumpRequested(atEnd) {
            scroller.stop()
            page.pendingScroll = 0
            page.keepEnd = atEnd
            flick.contentY = atEnd ? page.scrollEnd : 0
        }
    }
    // the end asked for, also once a page just made has laid itself out and its
    // pictures have come (it had no height yet when asked); a scroll or a drag lets go
    property bool keepEnd: false
    onScrollEndChanged: { restoreScroll(); if (keepEnd) flick.contentY = scrollEnd }
    Connections {
        target: flick
        function onMovementStarted() { page.keepEnd = false; page.pendingScroll = 0 }
    }
    NumberAnimation {
        id: scroller
        target: flick
        property: "contentY"
        duration: page.ui.fade
        easing.type: Easing.OutCubic
    }

    Flickable {
        id: flick
        objectName: "aboutFlick"
        anchors.fill: parent  // Back and Home are in the control bar below
        contentHeight: page.ui.controls ? body.height + page.ui.margin * 2 + cue.height / 2
                                        : page.lastTop + height
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        flickDeceleration: 2500
        maximumFlickVelocity: 6000
        onContentYChanged: page.kiosk.nav.noteAboutScroll(contentY)

        // a talk's console pictures the page's next screenful from this content: the
        // page's colour goes under it (the page behind the content is not in that picture)
        Rectangle {
            visible: !page.ui.controls
            width: flick.width
            height: flick.contentHeight
            color: page.color
        }

        Column {
            id: body
            x: (parent.width - width) / 2
            y: page.ui.margin
            width: page.columnWidth
            spacing: page.ui.gap * 1.5

            Column {
                width: parent.width
                spacing: page.ui.gap / 3
                ScreenText {
                    id: aboutTitle
                    objectName: "aboutTitle"
                    Accessible.role: Accessible.Heading
                    width: parent.width
                    text: page.kiosk.strings.about
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.title
                    font.variableAxes: { "wght": Font.Bold }
                    color: page.ui.ink
                }
                ScreenText {
                    objectName: "aboutSiteTitle"
                    width: parent.width
                    text: page.about.title
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.heading * 0.85
                    color: page.ui.accentText
                }
            }

            // by count, as the cards: another language changes the credits' words in place
            Repeater {
                model: Rows { wanted: page.about.credits.length }
                AboutCredit {
                    required property int index
                    readonly property var modelData: page.about.credits[index] ?? page.noCredit
                    width: body.width
                    ui: page.ui
                    label: modelData.label
                    blocks: modelData.blocks
                }
            }

            // The first exhibit's card comes with the page; the others, below the first
            // screen, are made in the frames after it while the page fades in (as an
            // exhibit page's sections): made in the tap, they were 115 of the page's 188
            // items, and the tap took 30 ms to its first frame against 20 now
            // (docs/performance.md, twenty-first round). By count (Rows): another
            // language changes the cards' words in place.
            Repeater {
                model: Rows { wanted: page.about.exhibits.length }
                Loader {
                    id: cardSlot
                    required property int index
                    width: body.width
                    asynchronous: index > 0
                    sourceComponent: Rectangle {
                        id: card
                        readonly property var modelData: page.about.exhibits[cardSlot.index] ?? page.noExhibit
                        objectName: "aboutExhibit_" + modelData.exhibitId
                        width: body.width
                        height: cardColumn.implicitHeight + page.ui.gap * 2
                        radius: page.ui.radius
                        color: page.ui.surface
                        border.color: page.ui.line
                        Column {
                            id: cardColumn
                            anchors { left: parent.left; right: parent.right; top: parent.top; margins: page.ui.gap }
                            spacing: page.ui.gap
                            ScreenText {
                                objectName: "aboutExhibitTitle"
                                Accessible.role: Accessible.Heading
                                width: parent.width
                                text: card.modelData.title
                                textFormat: Text.PlainText
                                wrapMode: Text.Wrap
                                font.pixelSize: page.ui.heading
                                font.variableAxes: { "wght": Font.Bold }
                                color: page.ui.ink
                            }
                            // by count too: made anew from each language's arrays, the
                            // credits were most of a language tap's work on About (86-142
                            // ms with 30 exhibits)
                            Repeater {
                                model: Rows { wanted: card.modelData.credits.length }
                                AboutCredit {
                                    required property int index
                                    readonly property var modelData: card.modelData.credits[index] ?? page.noCredit
                                    width: cardColumn.width
                                    ui: page.ui
                                    label: modelData.label
                                    blocks: modelData.blocks
                                }
                            }
                            Repeater {
                                model: Rows { wanted: card.modelData.images.length }
                                AboutCredit {
                                    required property int index
                                    readonly property var modelData: card.modelData.images[index] ?? page.noImages
                                    width: cardColumn.width
                                    ui: page.ui
                                    label: modelData.credit
                                    blocks: [{ kind: "list", text: "", items: modelData.images, piece: 0 }]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    ScrollCue {
        id: cue
        anchors { left: flick.left; right: flick.right; bottom: flick.bottom }
        ui: page.ui
        flick: flick
        spokenName: page.kiosk.strings.scroll_down
        appearance: page.kiosk.appearance
        reading: body
        readingFrom: page.goingTo
        lastRoot: body
        lastEnd: body.y + body.height + page.ui.gap
        lastFraction: page.kiosk.keys.screenful
        lastFrom: [page.ui.controls, page.ui.textScale, page.kiosk.language.code, body.y, body.height,
                   flick.width, flick.height, page.kiosk.keys.screenful]
        readingKept: !page.keepEnd
        onPlaceTaken: scroller.stop()
    }
}
