pragma ComponentBehavior: Bound
import QtQuick

// One reading of the console's timer: a label over a large figure. The time left turns
// amber in the last minutes and red once the time is up ("closing", "over").
Column {
    id: reading
    required property real k
    required property string label
    required property string value
    property string phase: "ok"
    property string note: ""
    property bool dim: false  // a paused timer: its figure greyed, its note in yellow
    readonly property color tint: phase === "over" ? "#ff5a5f" : phase === "closing" ? "#ffb020" : "white"
    Text {
        text: reading.label + (reading.note !== "" ? " (" + reading.note + ")" : "")
        textFormat: Text.PlainText
        color: reading.dim ? "#ffd54a" : "#9aa3ad"
        font.pixelSize: 16 * reading.k
    }
    Text {
        objectName: "value"
        text: reading.value
        textFormat: Text.PlainText
        color: reading.dim ? "#8a929c" : reading.tint
        font.pixelSize: 44 * reading.k
        font.variableAxes: { "wght": Font.Bold }
        font.features: { "tnum": 1 }
    }
}
