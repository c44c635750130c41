pragma ComponentBehavior: Bound
import QtQuick

// A console button: clicked, or Tab to it and Enter; the focus shows as a ring. Space
// stays the talk's next key (as PageDown), focus or not: a presenter who Tabbed to a
// button and then pressed Space to go on would have pressed the button instead.
Rectangle {
    id: button
    required property string text
    required property real k
    property bool selected: false
    signal activated()
    activeFocusOnTab: true
    implicitWidth: label.implicitWidth + 20 * k
    implicitHeight: label.implicitHeight + 16 * k
    radius: 6 * k
    color: tap.pressed ? "#4a5563" : selected ? "#2f6f8f" : "#2b3038"
    border.width: activeFocus ? Math.max(2, 3 * k) : 1
    border.color: activeFocus ? "#ffd54a" : "#56606c"
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: button.activated()
    Keys.onReturnPressed: (event) => { event.accepted = true; button.activated() }
    Keys.onEnterPressed: (event) => { event.accepted = true; button.activated() }

    Text {
        id: label
        anchors.centerIn: parent
        text: button.text
        textFormat: Text.PlainText
        color: "white"
        font.pixelSize: 16 * button.k
    }
    TapHandler { id: tap; onTapped: button.activated() }
}
