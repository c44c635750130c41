import QtQuick

// When a kept screen lets its pictures go: once a frame is drawn after it left (the
// next screen's first), not in the tap that leaves it, whose frame would otherwise
// wait for every picture released and every binding that follows them.
Item {
    id: letGo
    // the loader the screen is kept by (it stays in the window), and whether it shows
    required property bool shown
    property bool done: false
    onShownChanged: if (shown) done = false
    Connections {
        target: letGo.Window.window
        enabled: !letGo.shown && !letGo.done
        function onFrameSwapped() { letGo.done = true }
    }
}
