pragma ComponentBehavior: Bound

import QtQuick

// The pictures and numbers of an exhibit: its gallery strip, then its key facts.
// Beside the text on a landscape screen, below it in portrait.
Column {
    id: side
    required property var kiosk
    required property var ui
    required property var gallery
    required property var facts
    property bool away: false  // its page is kept out of the window: no thumbnail held
    // what a thumbnail or a card about to go reads (the new list is shorter)
    readonly property var noImage: ({ key: "", thumb: "", alt: "", credit: "", caption: "", aspect: 1, position: "" })
    readonly property var noFact: ({ label: "", value: "" })
    objectName: "exhibitSide"
    spacing: ui.gap

    // read aloud: the key facts' heading (-1; the sentence from markStart to markEnd
    // in it) or the card of the fact with this number being read; -2: none
    property int markedFact: -2
    property int markStart: -1
    property int markEnd: -1
    property Item markedCard: null
    onMarkedFactChanged: if (markedFact < 0) markedCard = null
    // what is being read, in this column's coordinates (null: nothing)
    readonly property Item markedItem: markedFact === -1 ? factsHeading : markedCard
    readonly property real markedTop: !markedItem ? -1
        : markedItem === factsHeading ? factsHeading.y : factRows.y + markedCard.parent.y
    readonly property real markedHeight: markedItem ? markedItem.height : 0
    function readingRect() {
        return markedItem ? Qt.rect(0, markedTop, width, markedHeight) : null
    }

    // its rows, top and foot in its own coordinates: the headings, the strip, each row of
    // cards (a talk's audience never has one cut by the top of the screen: ExhibitPage)
    function rowSpans(): list<point> {
        const spans = []
        for (const row of [galleryHeading, strip, factsHeading])
            if (row.visible && row.height > 0) spans.push(Qt.point(row.y, row.y + row.height))
        for (let i = 0; i < factRows.children.length; ++i) {
            const row = factRows.children[i]
            if (row.visible && row.height > 0)
                spans.push(Qt.point(factRows.y + row.y, factRows.y + row.y + row.height))
        }
        return spans
    }

    ScreenText {
        id: galleryHeading
        objectName: "galleryHeading"
        Accessible.role: Accessible.Heading
        visible: side.gallery.length > 0
        width: parent.width
        text: side.kiosk.strings.gallery
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: side.ui.heading
        font.variableAxes: { "wght": Font.Bold }
        color: side.ui.ink
    }
    ListView {
        id: strip
        objectName: "galleryStrip"
        visible: count > 0
        width: parent.width
        height: Math.round(170 * side.ui.k)
        orientation: ListView.Horizontal
        spacing: side.ui.gap
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        // by count: another language changes the thumbnails' names in place, where a
        // new array would make the strip and its pictures anew; another exhibit keeps
        // as many as it has (Rows)
        model: Rows { wanted: side.gallery.length }
        delegate: Rectangle {
            id: thumb
            required property int index
            readonly property var modelData: side.gallery[index] ?? side.noImage
            objectName: "galleryThumb_" + index
            width: Math.round(strip.height * 1.5)
            height: strip.height
            radius: side.ui.radius
            color: side.ui.surface
            clip: true
            opacity: thumbTap.pressed ? 0.8 : 1
            Accessible.role: Accessible.Button
            Accessible.name: modelData.alt
            Accessible.onPressAction: side.kiosk.nav.openGallery(thumb.index)
            RenditionImage {
                anchors.fill: parent
                kiosk: side.kiosk
                ui: side.ui
                key: thumb.modelData.thumb
                held: !side.away
                decorative: true  // the button is named by the image's alt text
            }
            TapHandler {
                id: thumbTap
                gesturePolicy: TapHandler.ReleaseWithinBounds
                onTapped: side.kiosk.nav.openGallery(thumb.index)
            }
        }
    }

    ScreenText {
        id: factsHeading
        objectName: "factsHeading"
        Accessible.role: Accessible.Heading
        visible: side.facts.length > 0
        topPadding: side.gallery.length > 0 ? side.ui.gap / 2 : 0
        width: parent.width
        text: side.kiosk.strings.facts
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: side.ui.heading
        font.variableAxes: { "wght": Font.Bold }
        color: side.ui.ink
        SentenceMark {
            target: factsHeading
            readAloud: side.kiosk.readAloud
            start: side.markedFact === -1 ? side.markStart : -1
            end: side.markEnd
            tint: Qt.rgba(side.ui.accent.r, side.ui.accent.g, side.ui.accent.b, 0.16)
            bar: side.ui.accent
            gap: side.ui.gap
        }
    }
    // The key facts in rows of equal cards: as many to a row (up to three, two on a
    // narrow column) as leave every word of every fact whole on its line; a word never
    // breaks in the middle ("Azerbaija/n"), so at larger text they stack in one column.
    Column {
        id: factRows
        objectName: "factRows"
        width: parent.width
        spacing: side.ui.gap
        readonly property int most: width > 900 * side.ui.k ? 3 : 2
        readonly property int columns: {
            valueMetrics.font; labelMetrics.font  // measured again when the text size changes
            for (let c = most; c > 1; c--) if (side.longestWord(valueMetrics, labelMetrics) <= cardTextWidth(c)) return c
            return 1
        }
        // a card's text width at this many to a row (FactCard's margins: gap, gap * 1.4)
        function cardTextWidth(c) { return (width - (c - 1) * spacing) / c - side.ui.gap * 2.4 }
        Repeater {
            model: Rows { wanted: Math.ceil(side.facts.length / factRows.columns) }
            Row {
                id: factRow
                required property int index
                spacing: factRows.spacing
                // every card of a row as tall as its tallest: no gaps between rows
                readonly property real tallest: {
                    let most = 0
                    for (let i = 0; i < cards.count; i++) {
                        const card = cards.itemAt(i)
                        if (card) most = Math.max(most, card.implicitHeight)
                    }
                    return most
                }
                Repeater {
                    id: cards
                    // by count, as the strip: another language changes the cards' words
                    model: Rows { wanted: Math.max(0, Math.min(factRows.columns, side.facts.length - factRow.index * factRows.columns)) }
                    FactCard {
                        id: card
                        required property int index
                        // a row being dropped (the columns changed) has no index left
                        readonly property var modelData: (factRow !== null
                            ? side.facts[factRow.index * factRows.columns + index] : null) ?? side.noFact
                        // nothing is read most of the time; and a row being dropped (the
                        // columns changed) has no index left to compare
                        marked: side.markedFact >= 0 && factRow !== null
                                && factRow.index * factRows.columns + index === side.markedFact
                        onMarkedChanged: if (marked) side.markedCard = card
                        width: (factRows.width - (factRows.columns - 1) * factRows.spacing) / factRows.columns
                        height: Math.max(implicitHeight, factRow.tallest)
                        ui: side.ui
                        label: modelData.label
                        value: modelData.value
                    }
                }
            }
        }
    }
    FontMetrics { id: valueMetrics; font.pixelSize: side.ui.heading; font.variableAxes: { "wght": Font.Bold } }
    FontMetrics { id: labelMetrics; font.pixelSize: side.ui.caption }
    // the widest single word of any fact's value or label, at the cards' sizes; words
    // held together by a no-break space ("1998\u00a0годы") are one, as the layout sees them
    readonly property var breaks: /[ \t\n\r]+/
    function longestWord(values, labels) {
        let most = 0
        for (const fact of facts) {
            for (const word of fact.value.split(side.breaks)) most = Math.max(most, values.advanceWidth(word))
            for (const word of fact.label.split(side.breaks)) most = Math.max(most, labels.advanceWidth(word))
        }
        return Math.ceil(most)
    }
}
