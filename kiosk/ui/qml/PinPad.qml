pragma ComponentBehavior: Bound
import QtQuick

// A touch keypad for the staff PIN: digits show as dots, OK hands the PIN over once.
// The typed digits live only in `entry`, cleared on OK; the decision is made in Python.
Item {
    id: pad
    required property var ui
    property string message: ""
    property int minDigits: 4
    property int maxDigits: 8
    property bool locked: false
    property bool busy: false  // the last PIN is being checked: keys wait, unchanged
    signal submitted(string pin)
    signal touched()

    property string entry: ""
    readonly property real key: Math.max(96, Math.round(116 * ui.k))
    readonly property real spacing: Math.round(18 * ui.k)
    required property var colors

    implicitWidth: Math.max(grid.width, messageText.implicitWidth)
    implicitHeight: column.implicitHeight
    focus: true
    // it holds the focus while locked: a screen reader names it and reads its message
    Accessible.role: Accessible.Grouping
    Accessible.name: "PIN"
    Accessible.description: message

    function type(label) {
        touched()
        if (locked || busy) return
        if (label === "erase") entry = entry.slice(0, -1)
        else if (label === "ok") submit()
        else if (entry.length < maxDigits) entry += label
    }
    function submit() {
        if (locked || busy || entry.length < minDigits) return
        const pin = entry
        entry = ""
        submitted(pin)
    }
    onLockedChanged: entry = ""

    Keys.onPressed: (event) => {
        if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9) type(String(event.key - Qt.Key_0))
        else if (event.key === Qt.Key_Backspace) type("erase")
        else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) type("ok")
        else return
        event.accepted = true
    }

    Column {
        id: column
        width: parent.width
        spacing: pad.spacing * 1.5

        Row {
            id: dots
            objectName: "pinDots"
            // the digits themselves are never told, only how many there are
            Accessible.role: Accessible.StaticText
            Accessible.name: pad.entry.length + " of " + Math.max(pad.minDigits, pad.entry.length) + " digits"
            property int filled: pad.entry.length
            anchors.horizontalCenter: parent.horizontalCenter
            height: Math.round(36 * pad.ui.k)
            spacing: Math.round(20 * pad.ui.k)
            Repeater {
                model: Math.max(pad.minDigits, pad.entry.length)
                delegate: Rectangle {
                    id: dot
                    required property int index
                    anchors.verticalCenter: parent.verticalCenter
                    width: Math.round(26 * pad.ui.k)
                    height: width
                    radius: width / 2
                    color: dot.index < pad.entry.length ? pad.colors.text : "transparent"
                    border.width: Math.max(2, Math.round(3 * pad.ui.k))
                    border.color: pad.colors.text
                }
            }
        }

        ScreenText {
            id: messageText
            objectName: "pinMessage"
            width: parent.width
            height: Math.max(implicitHeight, pad.ui.body * 1.4)
            horizontalAlignment: Text.AlignHCenter
            text: pad.message
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: pad.ui.body
            color: pad.locked ? pad.colors.locked : pad.colors.text
        }

        Grid {
            id: grid
            anchors.horizontalCenter: parent.horizontalCenter
            columns: 3
            spacing: pad.spacing
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"]
                delegate: Rectangle {
                    id: keyCap
                    required property string modelData
                    readonly property bool usable: !pad.locked
                        && (modelData !== "ok" || pad.entry.length >= pad.minDigits)
                        && (modelData !== "erase" || pad.entry.length > 0)
                    objectName: "pinKey_" + modelData
                    width: pad.key
                    height: pad.key
                    radius: pad.ui.radius
                    color: tap.pressed && usable ? Qt.lighter(base, 1.5) : base
                    readonly property color base: modelData === "ok" && usable ? pad.ui.accent : pad.colors.key
                    opacity: usable ? 1 : 0.4
                    readonly property string label: modelData === "erase" ? "Erase" : modelData === "ok" ? "OK" : modelData
                    Accessible.role: Accessible.Button
                    Accessible.name: label
                    Accessible.onPressAction: if (keyCap.usable) pad.type(keyCap.modelData)

                    Text {
                        anchors.centerIn: parent
                        text: keyCap.label
                        textFormat: Text.PlainText
                        font.pixelSize: keyCap.modelData.length > 1 ? pad.ui.body : pad.ui.title
                        font.variableAxes: { "wght": Font.DemiBold }
                        color: pad.colors.text
                    }
                    TapHandler {
                        id: tap
                        gesturePolicy: TapHandler.ReleaseWithinBounds
                        onTapped: pad.type(keyCap.modelData)
                    }
                }
            }
        }
    }
}
