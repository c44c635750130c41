import QtQuick

// The hidden way in for staff: a long press in the top-right corner.
Item {
    id: corner
    required property var staff
    required property var ui
    // how long the press is held, in seconds; tests shorten it instead of waiting
    property real holdSeconds: 3
    width: Math.round(110 * ui.k)
    height: width
    // staff only, in English like the panel; no press action: it opens by holding it
    Accessible.role: Accessible.Button
    Accessible.name: "Staff panel"
    Accessible.description: "Press and hold for three seconds"
    TapHandler {
        gesturePolicy: TapHandler.DragThreshold
        longPressThreshold: corner.holdSeconds
        onLongPressed: corner.staff.gesture()
    }
}
