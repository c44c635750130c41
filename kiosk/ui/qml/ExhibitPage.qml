pragma ComponentBehavior: Bound
import QtQuick

// One exhibit: the cover and its caption, then the text with, beside it on a landscape
// screen (below it in portrait), the gallery strip and the key facts.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    // how much of the page's foot the caption strip covers while reading aloud: the
    // scroll cue sits above it
    property real footCover: 0
    // Kept while other screens show (Main.qml): while it is away (``current`` false) it
    // keeps the exhibit it last showed, and takes the one to show when it comes back; a
    // language tap at home or on the timeline lays out no page that no one sees. Its
    // pictures are let go meanwhile (a cover, a section's picture and the thumbnails
    // were 7-9 MB held for nothing) and asked for again, the cover first, on its return.
    property bool current: true
    // away and its pictures let go: in the frame after it left (LetGo)
    property var window: null
    readonly property bool letGo: release.done
    readonly property LetGo release: LetGo { window: page.window; shown: page.current }
    // made with it (read once: each read of kiosk.page turns all of it into JavaScript);
    // a value from then on (Component.onCompleted), changed only by follow()
    property var content: asked()
    function asked() { return kiosk.page }
    function follow() {
        stale = false
        const shown = asked()
        if (shown.exhibitId !== "") content = shown
    }
    // the page changed while away (read again on the return only then: Back from the
    // timeline, the map or the About page reads nothing)
    property bool stale: false
    Connections {
        target: page.kiosk
        function onPageChanged() { if (page.current) page.follow(); else page.stale = true }
    }
    // back on screen: the exhibit asked for, from its top, or where the visitor left it
    // (Back from the timeline or the map)
    onCurrentChanged: if (current) { if (stale) follow(); showWhereLeft(); reportEdges() }
    readonly property var noSection: ({ heading: "", blocks: [], image: null })  // one about to go
    readonly property real columnWidth: Math.min(width - 2 * ui.margin, ui.measure)
    // landscape: pictures and facts beside the text, so they show on the first screen
    readonly property bool beside: !ui.portrait && width - 2 * ui.margin >= 1100 * ui.k
    readonly property real sideWidth: Math.round((width - 2 * ui.margin) * 0.34)
    readonly property real textWidth: beside ? width - 2 * ui.margin - sideWidth - 2 * ui.gap : columnWidth
    color: ui.background
    objectName: "exhibitPage"

    function resetView() { scroller.stop(); keepEnd = false; flick.contentY = 0 }
    Connections {  // between visitors: back to the top
        target: page.kiosk
        function onResetRequested() { page.resetView() }
    }
    readonly property Item titleItem: pageTitle  // takes the focus when the page comes
    readonly property Flickable flickable: flick  // a talk's console pictures its next screenful
    // The sections' pictures are asked for once the cover is decoded, while the cover
    // is in view: Qt's image thread takes the latest request first, so a picture below
    // the fold asked for as the page is made was decoded before the cover on top.
    readonly property bool coverFirst: hero.pending && flick.contentY <= hero.height

    // another exhibit starts at its top; the gallery and a language change keep the place
    readonly property string shownId: content.exhibitId
    onShownIdChanged: showWhereLeft()

    // presenter keys: kiosk decides whether to scroll, the page knows how far it can
    readonly property real scrollEnd: Math.max(0, flick.contentHeight - flick.height)
    // where the view is, or is going (a scroll still moving): a second quick press of a
    // clicker counts from there, and at the page's end it is the next step's
    readonly property real goingTo: scroller.running ? scroller.to : flick.contentY
    readonly property bool atStart: goingTo <= 1
    readonly property bool atEnd: goingTo >= scrollEnd - 1
    // only while it is the page on screen: away, the screen shown tells its own
    function reportEdges() { if (current) kiosk.nav.setPageEdges(atStart, atEnd) }
    onAtStartChanged: reportEdges()
    onAtEndChanged: reportEdges()
    Component.onCompleted: { content = content; reportEdges(); showWhereLeft() }
    // Back from the timeline or the map shows the page where the visitor left it (the
    // navigation keeps that place); an exhibit opened afresh starts at its top
    function showWhereLeft() {
        const kept = kiosk.nav.scroll
        resetView()
        pendingScroll = kept
        restoreScroll()
    }
    // the page grows as it is laid out: the place is taken once the page reaches it
    property real pendingScroll: 0
    function restoreScroll() { pendingScroll = cue.restored(pendingScroll, scrollEnd) }
    // a page just made lays itself out after it is asked for a place: a kept scroll
    // (back from the timeline) or a talk's end of page is honoured once it is there
    onScrollEndChanged: {
        restoreScroll()
        if (keepEnd) flick.contentY = scrollEnd
    }
    // where a scroll stops, for the keys and a talk console's next screenful (ScrollCue);
    // beside the facts, the text's column decides
    readonly property Item scrollRoot: page.beside ? textColumn : flick.contentItem
    function scrollTarget(from: real, fraction: real): real {
        return cue.scrollStop(scrollRoot, from, fraction, scrollEnd)
    }
    // a talk's audience: the page ends at its last screenful, which starts whole (ScrollCue)
    readonly property real lastTop: cue.lastTop
    Connections {
        target: page.kiosk.keys
        enabled: page.current  // away, the keys scroll the screen shown (the About page)
        function onScrollRequested(fraction) {
            page.keepEnd = false
            const from = page.goingTo
            scroller.stop()
            scroller.to = page.scrollTarget(from, fraction)
            scroller.start()
        }
        // a talk's step: the top of the page, or (PageUp from the next step) its end
        function onPageJumpRequested(atEnd) {
            scroller.stop()
            page.keepEnd = atEnd
            flick.contentY = atEnd ? page.scrollEnd : 0
        }
    }
    // the end asked for, also once a page just made has laid itself out and its
    // pictures have come (it had no height yet when asked); a scroll or a drag lets go
    property bool keepEnd: false
    Connections {
        target: flick
        function onMovementStarted() { page.keepEnd = false }
    }
    // read-aloud: what is being read (a section's heading, paragraph, bullet or
    // caption; the page's title, subtitle or summary; the key facts' heading or a fact's
    // card) is kept in view
    readonly property int readingSection: kiosk.readAloud.readingSection
    readonly property int readingPiece: kiosk.readAloud.readingPiece
    // once all of them have moved on (a stop changes them one after the other)
    onReadingSectionChanged: readingMoved.restart()
    onReadingPieceChanged: readingMoved.restart()
    Timer {
        id: readingMoved
        interval: 0
        onTriggered: page.showReading()
    }
    // the page's head and its key facts are read as sections of their own
    // (kiosk.runtime.readaloud_text HEAD and FACTS); the head's pieces: the title (-1),
    // the subtitle (-3), the summary's paragraphs and bullets (0 on)
    readonly property bool readingHead: readingSection === -2
    readonly property bool readingFacts: readingSection === -3
    readonly property color markTint: Qt.rgba(ui.accent.r, ui.accent.g, ui.accent.b, 0.16)
    // and the sentence being read, within its paragraph
    readonly property int readingStart: kiosk.readAloud.readingStart
    readonly property int readingEnd: kiosk.readAloud.readingEnd
    onReadingStartChanged: readingMoved.restart()
    // where the sentence being read lies in a text of the head, in the text's coordinates
    function sentenceRect(text: Text): rect {
        const lines = readingStart >= 0
            ? kiosk.readAloud.sentenceLines(text.text, text.font, text.width, text.lineHeight, readingStart, readingEnd)
            : []
        if (lines.length === 0) return Qt.rect(0, 0, text.width, text.height)
        const top = lines[0].y, bottom = lines[lines.length - 1].y + lines[lines.length - 1].height
        return Qt.rect(0, top, text.width, bottom - top)
    }
    // what is being read, in the page's content coordinates; null: nothing on this page
    function readingRect() {
        if (readingHead) {
            if (readingPiece === -1) return inContent(pageTitle, sentenceRect(pageTitle))
            if (readingPiece === -3) return inContent(pageSubtitle, sentenceRect(pageSubtitle))
            return inContent(summary, summary.markedRect())
        }
        if (readingFacts) return inContent(side, side.readingRect())
        const slot = readingSection >= 0 ? sectionRepeater.itemAt(readingSection) as Loader : null
        const item = slot ? slot.item as ExhibitSection : null
        return item ? inContent(item, item.readingRect()) : null
    }
    function inContent(item: Item, part) {
        return part ? item.mapToItem(flick.contentItem, part.x, part.y, part.width, part.height) : null
    }
    readonly property real readingSeen: flick.height - 2 * ui.target  // the caption strip covers the foot
    function showReading() {
        const part = readingRect()
        if (!part) return
        const top = part.y
        const from = page.goingTo
        const seen = readingSeen
        if (top >= from && top + Math.min(part.height, seen) <= from + seen) return
        scroller.stop()
        scroller.to = Math.max(0, Math.min(scrollEnd, top - ui.gap))
        scroller.start()
    }
    // A talk's audience reads each screenful as a slide: a side column taller than the
    // screen is never cut through one of its rows by the screen's top. The row it would
    // cut starts at the top instead (the column's foot goes further below), or, where
    // that would take its foot past the page's last screen, goes above it. A visitor's
    // own scroll moves the column smoothly, as before.
    function wholeRows(y: real): real {
        if (ui.controls || side.height <= flick.height - 2 * ui.gap) return y
        const cut = flick.contentY - y  // of the column, above the screen's top
        for (const span of side.rowSpans()) {
            if (span.x < cut && cut < span.y) {
                const down = y + cut - span.x
                const up = y - (span.y - cut) - ui.gap
                return down <= side.lowest ? down : up >= side.startY ? up : y
            }
        }
        return y
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
        objectName: "exhibitFlick"
        anchors.fill: parent
        contentHeight: page.ui.controls ? body.height + page.ui.margin * 2 + cue.height / 2
                                        : page.lastTop + height
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        flickDeceleration: 2500
        maximumFlickVelocity: 6000
        // the place kept for Back is the shown screen's: away (reset to its top between
        // visitors) the page notes none
        onContentYChanged: if (page.current) page.kiosk.nav.noteScroll(contentY)
        onMovementStarted: page.pendingScroll = 0  // the visitor scrolls: their place wins

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
            width: flick.width
            spacing: page.ui.gap * 1.5

            Column {
                width: parent.width
                RenditionImage {
                    id: hero
                    objectName: "hero"
                    width: parent.width
                    height: Math.round(Math.min(page.height * (page.ui.portrait ? 0.3 : 0.32), width / 1.5))
                    kiosk: page.kiosk
                    ui: page.ui
                    key: page.content.hero && !page.letGo ? page.content.hero.key : ""
                    whole: true  // a cover is never cut to a strip
                    alt: page.content.hero ? page.content.hero.alt : ""
                }
                HeroCaption {
                    width: parent.width
                    ui: page.ui
                    image: page.content.hero
                    inset: textColumn.x
                    textWidth: page.beside ? width - 2 * inset : textColumn.width
                }
            }

            Column {
                id: textColumn
                objectName: "textColumn"
                x: page.beside ? page.ui.margin : (parent.width - width) / 2
                width: page.textWidth
                spacing: page.ui.gap

                // where the visitor is ("Exhibit 2 of 5") and how long the page takes
                ScreenText {
                    objectName: "pagePlace"
                    width: parent.width
                    text: page.content.place ? page.content.place + "  ·  " + page.content.readingTime : ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.caption
                    font.variableAxes: { "wght": Font.DemiBold }
                    color: page.ui.accentText
                }
                SectionHeading {
                    id: pageTitle
                    objectName: "pageTitle"
                    ui: page.ui
                    text: page.content.title
                    font.pixelSize: page.ui.title
                    SentenceMark {
                        target: pageTitle
                        readAloud: page.kiosk.readAloud
                        start: page.readingHead && page.readingPiece === -1 ? page.readingStart : -1
                        end: page.readingEnd
                        tint: page.markTint
                        bar: page.ui.accent
                        gap: page.ui.gap
                    }
                }
                ScreenText {
                    id: pageSubtitle
                    objectName: "pageSubtitle"
                    width: parent.width
                    text: page.content.subtitle
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.heading * 0.85
                    color: page.ui.accentText
                    SentenceMark {
                        target: pageSubtitle
                        readAloud: page.kiosk.readAloud
                        start: page.readingHead && page.readingPiece === -3 ? page.readingStart : -1
                        end: page.readingEnd
                        tint: page.markTint
                        bar: page.ui.accent
                        gap: page.ui.gap
                    }
                }
                TextBlocks {
                    id: summary
                    objectName: "summary"
                    width: parent.width
                    ui: page.ui
                    blocks: page.content.summary
                    fontSize: page.ui.body * 1.08
                    markedPiece: page.readingHead ? page.readingPiece : -1
                    markStart: page.readingStart
                    markEnd: page.readingEnd
                    readAloud: page.kiosk.readAloud
                }

                // The first section comes with the page; the others, below the first
                // screen, are made in the frames after it while the page fades in: a
                // tap's first frame does not wait for a long page's every paragraph.
                // A page shown again where it was left makes them all at once.
                // By count, as TextBlocks' paragraphs: another language keeps the
                // sections made and changes their words; another exhibit keeps as
                // many as it has (Rows).
                Repeater {
                    id: sectionRepeater
                    model: Rows { wanted: page.content.sections.length }
                    Loader {
                        id: sectionSlot
                        required property int index
                        readonly property var modelData: page.content.sections[index] ?? page.noSection
                        width: parent.width
                        // all at once where the page opens at a kept place (Back)
                        asynchronous: index > 0 && page.pendingScroll <= 0 && !page.keepEnd
                        sourceComponent: ExhibitSection {
                            kiosk: page.kiosk
                            ui: page.ui
                            modelData: sectionSlot.modelData
                            index: sectionSlot.index
                            holdPicture: page.coverFirst
                            away: page.letGo
                        }
                    }
                }
            }

            // the side column's room in the page: under the text in portrait; in
            // landscape only what it reaches below the text (a positioner skips a
            // zero-height item, so the column itself lives outside it)
            Item {
                id: sideSlot
                width: parent.width
                height: page.beside ? Math.max(0, side.height - textColumn.height - body.spacing) : side.height
            }

            // the end of every page offers the next exhibit
            NavButton {
                objectName: "nextExhibit"
                visible: !!page.content.next && page.ui.controls
                x: textColumn.x
                maxWidth: textColumn.width
                ui: page.ui
                primary: true
                glyph: "›"
                text: page.content.next ? page.kiosk.strings.next_exhibit + ": " + page.content.next.title : ""
                onActivated: page.kiosk.nav.nextExhibit()
            }
        }

        ExhibitSide {
            id: side
            x: page.beside ? textColumn.x + textColumn.width + 2 * page.ui.gap : textColumn.x
            // Landscape: it goes along with the reading, so the right column is never
            // empty beside the text: it stays in view (its top, or its end when it is
            // taller than the screen) from where it starts to the end of the text.
            y: page.beside ? page.wholeRows(Math.max(startY, Math.min(lowest, follow))) : body.y + sideSlot.y
            // its end at the text's; for a talk's audience, at the foot of the page's last
            // screen (the page ends there, below the text's end)
            readonly property real lowest: (page.ui.controls ? startY + textColumn.height
                : Math.max(startY + textColumn.height, page.lastTop + flick.height - page.ui.gap)) - height
            readonly property real startY: body.y + textColumn.y
            readonly property real plainFollow: height <= flick.height - 2 * page.ui.gap
                ? flick.contentY + page.ui.gap
                : flick.contentY + flick.height - height - cue.height / 2
            // while the key facts are read, it goes so that the heading or card being
            // read is in view, above the caption strip
            readonly property real follow: {
                if (!page.readingFacts || markedTop < 0) return plainFollow
                // the part at the top of the view, or at the foot just above the strip
                const atTop = flick.contentY + page.ui.gap - markedTop
                const atFoot = flick.contentY + page.readingSeen - markedTop - markedHeight
                return Math.max(atTop, Math.min(plainFollow, atFoot))
            }
            width: page.beside ? page.sideWidth : textColumn.width
            kiosk: page.kiosk
            ui: page.ui
            gallery: page.content.gallery
            away: page.letGo
            facts: page.content.facts
            markedFact: page.readingFacts ? page.readingPiece : -2
            markStart: page.readingStart
            markEnd: page.readingEnd
        }
    }

    ScrollCue {
        id: cue
        anchors { left: flick.left; right: flick.right; bottom: flick.bottom; bottomMargin: page.footCover }
        ui: page.ui
        flick: flick
        spokenName: page.kiosk.strings.scroll_down
        // beside the facts, the text's column and the cover above it; in portrait, all
        appearance: page.kiosk.appearance
        reading: page.beside ? body : flick.contentItem
        readingFrom: page.goingTo
        readingKept: page.current && !page.keepEnd
        onPlaceTaken: scroller.stop()
        lastRoot: page.scrollRoot
        lastEnd: body.height + page.ui.gap
        lastFraction: page.kiosk.keys.screenful
        lastFrom: [page.ui.controls, page.ui.textScale, page.kiosk.language.code, page.content,
                   page.scrollRoot, body.height, flick.width, flick.height, page.kiosk.keys.screenful]
    }
}
