import QtQuick

// A screen made the first time it is wanted and kept meanwhile, out of the window (a
// screen reader must not wander into it), as home is: opened again it is shown, not
// made anew. Another text size, contrast or content while it is away makes it anew
// at its next opening: kept, it would lay itself out again for no one at every such
// change. The timeline, the exhibit page, the gallery viewer and the attract loop.
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
    // another text size, contrast or content came (Main.qml, dropKept): made anew when next wanted
    function drop() { if (!wanted) active = false }
    Component.onCompleted: {
        setSource(file, properties)
        if (wanted) active = true
    }
    onLoaded: {
        item.parent = Qt.binding(() => kept.shown ? kept : null)
        if (fadeIn) fadeIn.restartFor(item)
    }
}
