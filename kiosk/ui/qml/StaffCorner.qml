pragma ComponentBehavior: Bound
import QtQuick

// The hidden way in for staff: a long press in the top-right corner.
Item {
    id: corner
    required property var staff
    required property var ui
    // what a screen reader says for it, in the visitor's language (the kiosk's strings)
    required property string spokenName
    required property string spokenHint
    // how long the press is held, in seconds; tests shorten it instead of waiting
    property real holdSeconds: 3
    // in the screen's margin, no further: a visitor holding home's Map button (in the
    // top-right corner, a margin from each edge) never opens the staff's PIN pad
    width: Math.round(Math.min(110 * ui.k, ui.margin))
    height: width
    // no press action: it opens by holding it
    Accessible.role: Accessible.Button
    Accessible.name: spokenName
    Accessible.description: spokenHint
    TapHandler {
        gesturePolicy: TapHandler.DragThreshold
        longPressThreshold: corner.holdSeconds
        onLongPressed: corner.staff.gesture()
    }
}
