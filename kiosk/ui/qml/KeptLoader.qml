import QtQuick

// A screen made the first time it is wanted and kept meanwhile, out of the window (a
// screen reader must not wander into it), as home is: opened again it is shown, not
// made anew. Another text size, contrast or content while it is away lets it go and
// makes it anew a moment later, out of sight: kept, it would lay itself out again for no
// one inside the tap that changed them. The timeline, the exhibit page, the gallery
// viewer and the attract loop.
Loader {
    id: kept
    required property bool shown  // in the window
    property bool wanted: shown  // made, and kept from then on (the page: under its gallery too)
    property string file: ""  // read when first wanted, not before the first frame
    property var properties: ({})  // the screen's, as setSource takes them
    property var fadeIn: null  // restarted for the screen each time it comes back; or none

    anchors.fill: parent
    active: false
    onWantedChanged: if (wanted) open()
    function open() {
        if (active && fadeIn) fadeIn.restartFor(item)  // kept: it fades in as a new one does
        active = true
    }
    // another text size, contrast or content came (Main.qml, dropKept): let go at once, and
    // made anew a moment later (remake), out of sight, if it had been made: a visitor who
    // chose a larger text or the contrast gets a tap, not a first opening, at their next
    // visit of it, as everyone else does
    property bool made: false
    readonly property bool dropped: made && !active  // let go for a change, to be made again
    function drop() { if (!wanted) active = false }
    function remake() {
        if (!dropped) return
        warming = true
        active = true
    }
    // Made away, a screen is laid out in the window, hidden, until a frame has been drawn
    // (Main.qml ends it): out of the window its views lay nothing out (they do that in the
    // frame's polish), and the timeline came back with its cards unmeasured.
    property bool warming: false
    Component.onCompleted: {
        setSource(file, properties)
        if (wanted) active = true
    }
    onLoaded: {
        made = true
        item.parent = Qt.binding(() => kept.shown || kept.warming ? kept : null)
        item.visible = Qt.binding(() => !kept.warming || kept.shown)
        if (fadeIn) fadeIn.restartFor(item)
    }
}
