import QtQuick

// The hidden way in for staff: a long press in the top-right corner.
Item {
    id: corner
    required property var staff
    required property var ui
    width: Math.round(110 * ui.k)
    height: width
    // staff only, in English like the panel; no press action: it opens by holding it
    Accessible.role: Accessible.Button
    Accessible.name: "Staff panel"
    Accessible.description: "Press and hold for three seconds"
    TapHandler {
        gesturePolicy: TapHandler.DragThreshold
        longPressThreshold: 3
        onLongPressed: corner.staff.gesture()
    }
}
