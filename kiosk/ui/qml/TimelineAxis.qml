pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes

// The years in proportion along a line, a long empty stretch as a short break, and a
// card per moment (its picture, date and title) under its point on the line; drag it
// sideways. A tap on a card opens the moment in the list below. Where everything goes
// is kiosk.timeAxis.layout's decision.
Item {
    id: axis
    required property var kiosk
    required property var ui
    required property int current  // the open moment, -1 for none
    signal chosen(int index)

    readonly property real cardWidth: Math.round(Math.min(width * 0.8, 290 * ui.k * ui.textScale))
    readonly property real yearWidth: {
        yearMetrics.font  // measured again when the text size changes
        return Math.ceil(yearMetrics.advanceWidth("2000") + ui.gap / 2)
    }
    // the ends of the line keep the screen's margin, and room for half a year's number
    readonly property var layout: kiosk.timeAxis.layout(width, cardWidth, ui.gap,
                                                        Math.max(ui.margin, yearWidth / 2 + ui.gap / 2),
                                                        yearWidth, kiosk.timeAxis.revision)
    FontMetrics { id: yearMetrics; font.pixelSize: axis.ui.heading; font.variableAxes: { "wght": Font.Bold } }
    readonly property real yearsHeight: Math.ceil(ui.heading * 1.45)
    readonly property real lineY: yearsHeight + ui.gap / 2
    readonly property real cardsTop: lineY + ui.gap * 2
    // every card as tall as the tallest, so the row reads evenly
    readonly property real cardHeight: {
        let most = 0
        for (let i = 0; i < cards.count; i++) {
            const card = cards.itemAt(i)
            if (card) most = Math.max(most, card.implicitHeight)
        }
        return most
    }
    implicitHeight: cardsTop + cardHeight + ui.gap
    objectName: "timeAxis"

    function showCurrent() {
        const moment = layout.moments[current]
        if (!moment) return
        const left = Math.max(0, Math.min(flick.contentWidth - flick.width, moment.card - (flick.width - cardWidth) / 2))
        flick.contentX = left
    }
    onCurrentChanged: showCurrent()
    // the page is left for another screen: it comes back at the axis's start, as it is made
    function leave() { flick.contentX = 0 }
    onLayoutChanged: Qt.callLater(showCurrent)

    Flickable {
        id: flick
        objectName: "timeAxisFlick"
        anchors.fill: parent
        contentWidth: axis.layout.width
        contentHeight: height
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        // the line, with the years on it
        Rectangle {
            x: axis.layout.axisStart
            y: axis.lineY - height / 2
            width: axis.layout.axisEnd - x
            height: Math.max(3, Math.round(4 * axis.ui.k))
            color: axis.ui.highContrast ? "#000000" : Qt.rgba(axis.ui.ink.r, axis.ui.ink.g, axis.ui.ink.b, 0.35)
        }
        Repeater {
            model: axis.layout.ticks
            Item {
                id: tick
                required property var modelData
                required property int index
                // a year's number is left out where it would touch another (kiosk.timeAxis)
                readonly property bool named: modelData.named
                x: modelData.x
                Rectangle {
                    x: -width / 2
                    y: axis.lineY - height / 2
                    width: Math.max(2, Math.round(3 * axis.ui.k))
                    height: axis.ui.gap
                    color: axis.ui.highContrast ? "#000000" : axis.ui.muted
                }
                ScreenText {
                    id: yearText
                    objectName: "axisYear"
                    visible: tick.named
                    x: -implicitWidth / 2
                    y: 0
                    text: String(tick.modelData.year)
                    font.pixelSize: axis.ui.heading
                    font.variableAxes: { "wght": Font.Bold }
                    color: axis.ui.ink
                }
            }
        }
        // the years left out: the line broken, with a sign saying so
        Repeater {
            model: axis.layout.breaks
            Item {
                id: gap
                required property var modelData
                objectName: "axisBreak"
                x: modelData.x0
                width: modelData.x1 - modelData.x0
                height: axis.height
                Accessible.role: Accessible.StaticText
                Accessible.name: modelData.first + "–" + modelData.last
                Rectangle {  // the line interrupted
                    x: width * 0.2
                    y: axis.lineY - axis.ui.gap / 2
                    width: parent.width * 0.6
                    height: axis.ui.gap
                    color: axis.ui.background
                }
                Repeater {
                    model: 2
                    Rectangle {
                        required property int index
                        x: gap.width * (0.38 + 0.16 * index) - width / 2
                        y: axis.lineY - height / 2
                        width: Math.max(3, Math.round(4 * axis.ui.k))
                        height: axis.ui.gap * 1.6
                        rotation: 25
                        antialiasing: true
                        color: axis.ui.highContrast ? "#000000" : axis.ui.muted
                    }
                }
            }
        }
        // each moment: its point on the line and a leader down to its card
        Repeater {
            model: axis.layout.moments
            Item {
                id: point
                required property var modelData
                required property int index
                readonly property bool open: axis.current === index
                Shape {
                    ShapePath {
                        strokeColor: point.open ? axis.ui.highlight : (axis.ui.highContrast ? "#000000" : axis.ui.accent)
                        strokeWidth: Math.max(2, Math.round(2 * axis.ui.k))
                        fillColor: "transparent"
                        startX: point.modelData.x
                        startY: axis.lineY
                        PathLine { x: point.modelData.x; y: axis.lineY + axis.ui.gap }
                        PathLine { x: point.modelData.card + axis.cardWidth / 2; y: axis.cardsTop - axis.ui.gap / 2 }
                        PathLine { x: point.modelData.card + axis.cardWidth / 2; y: axis.cardsTop }
                    }
                }
                Rectangle {
                    x: point.modelData.x - width / 2
                    y: axis.lineY - height / 2
                    width: Math.round(axis.ui.gap * 0.9)
                    height: width
                    radius: width / 2
                    color: point.open ? axis.ui.highlight : (axis.ui.highContrast ? "#000000" : axis.ui.accent)
                    border.color: axis.ui.surface
                    border.width: 2
                }
            }
        }
        Repeater {
            id: cards
            model: axis.kiosk.timeline
            Rectangle {
                id: card
                required property var modelData
                required property int index
                readonly property bool open: axis.current === index
                implicitHeight: cardColumn.implicitHeight + axis.ui.gap  // its own; all take the tallest
                objectName: "momentCard_" + index
                x: axis.layout.moments[index] ? axis.layout.moments[index].card : 0
                y: axis.cardsTop
                width: axis.cardWidth
                height: axis.cardHeight
                radius: axis.ui.radius
                color: cardTap.pressed ? Qt.darker(axis.ui.surface, 1.05) : axis.ui.surface
                border.color: open ? (axis.ui.highContrast ? "#000000" : axis.ui.highlight) : axis.ui.line
                border.width: open ? Math.max(3, Math.round(3 * axis.ui.k)) : Math.max(1, Math.round(axis.ui.k))
                clip: true
                Accessible.role: Accessible.Button
                Accessible.name: modelData.label + ", " + modelData.title
                Accessible.selected: open
                Accessible.onPressAction: axis.chosen(card.index)

                Column {
                    id: cardColumn
                    width: parent.width
                    spacing: axis.ui.gap / 3
                    RenditionImage {
                        width: parent.width
                        height: Math.round(width * 0.5)
                        kiosk: axis.kiosk
                        ui: axis.ui
                        key: card.modelData.cover
                        decorative: true  // the card is named by its date and title
                    }
                    Text {
                        objectName: "momentDate"
                        x: axis.ui.gap / 2
                        width: parent.width - axis.ui.gap
                        text: card.modelData.label
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: axis.ui.body
                        font.variableAxes: { "wght": Font.Bold }
                        color: axis.ui.accentText
                    }
                    Text {
                        objectName: "momentTitle"
                        x: axis.ui.gap / 2
                        width: parent.width - axis.ui.gap
                        text: card.modelData.title
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.pixelSize: axis.ui.caption * 1.1
                        color: axis.ui.ink
                    }
                }
                TapHandler {
                    id: cardTap
                    gesturePolicy: TapHandler.ReleaseWithinBounds
                    onTapped: axis.chosen(card.index)
                }
            }
        }
    }
}
