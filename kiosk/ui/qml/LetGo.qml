import QtQuick

// When a kept screen lets its pictures go: once a frame is drawn after it left (the
// next screen's first), not in the tap that leaves it, whose frame would otherwise
// wait for every picture released and every binding that follows them. Made with the
// screen, on its first use; without a window to watch it lets go at once.
QtObject {
    id: letGo
    property var window: null  // the window the screen is shown in (Main.qml)
    required property bool shown
    property bool drawn: false  // a frame was drawn since it left
    readonly property bool done: !shown && (drawn || window === null)
    onShownChanged: drawn = false
    readonly property Connections frames: Connections {
        target: letGo.window
        enabled: !letGo.shown && !letGo.drawn
        function onFrameSwapped() { letGo.drawn = true }
    }
}
