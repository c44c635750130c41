pragma ComponentBehavior: Bound
import QtQuick

// A list on the presenter console to choose from (the talks, T; every page, G): a
// click, Enter on the marked row, or a row's number. One line a row, its title at the
// left and what it holds at the right; in as many columns as the rows need (their
// titles a little smaller) when they do not fit one, so a museum with many talks or
// exhibits still sees every row. A click beside the rows closes the list.
Rectangle {
    id: list
    required property real k
    required property string heading
    required property var rows  // each {number, title, detail, current, marked}
    required property string rowName  // a row's objectName, before its number
    required property string keys  // how to choose, under the rows
    property string notesLabel: ""  // over the notes: why they are there
    property var notes: []  // lines under the rows (the talk files left out)
    property string noteName: ""
    property string typed: ""  // a row's number being typed ("1" may become "12")
    signal chosen(index: int)
    signal dismissed()
    readonly property real gap: 16 * k
    color: "#f5101215"
    TapHandler { onTapped: list.dismissed() }

    readonly property int count: rows.length
    readonly property real room: height - 4 * gap - head.height - foot.height - 2 * body.spacing
    readonly property bool columns: count > fits(20)
    readonly property real titleSize: (columns ? 17 : 20) * k
    FontMetrics { id: metrics; font.pixelSize: 20 * list.k }
    function rowHeight(size: real): real { return Math.ceil(metrics.height * size / 20) + gap * 0.9 }
    function fits(size: real): int {
        return Math.max(1, Math.floor((room + grid.rowSpacing) / (rowHeight(size) + grid.rowSpacing)))
    }

    Column {
        id: body
        anchors.centerIn: parent
        width: parent.width * 0.86
        spacing: list.gap / 2
        Text {
            id: head
            width: parent.width
            text: list.heading + (list.typed !== "" ? "    " + list.typed + "|" : "")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: "white"
            font.pixelSize: 30 * list.k
            font.variableAxes: { "wght": Font.Bold }
        }
        Grid {
            id: grid
            width: parent.width
            // the rows a column holds; the Grid makes the columns that takes
            rows: list.columns ? list.fits(17) : Math.max(1, list.count)
            readonly property int shown: list.columns ? Math.ceil(list.count / list.fits(17)) : 1
            flow: Grid.TopToBottom  // numbers go down a column, then the next
            columnSpacing: list.gap / 2
            rowSpacing: list.gap / 3
            Repeater {
                model: list.rows
                Rectangle {
                    id: row
                    required property var modelData
                    objectName: list.rowName + modelData.number
                    width: (grid.width - (grid.shown - 1) * grid.columnSpacing) / grid.shown
                    height: list.rowHeight(list.columns ? 17 : 20)
                    radius: 6 * list.k
                    color: modelData.marked ? "#2f6f8f" : "#23272e"
                    border.width: modelData.current ? Math.max(2, 3 * list.k) : 0  // on now
                    border.color: "#ffd54a"
                    Accessible.role: Accessible.Button
                    Accessible.name: modelData.number + ". " + modelData.title
                                     + (modelData.detail !== "" ? ", " + modelData.detail : "")
                    Accessible.onPressAction: list.chosen(modelData.number - 1)
                    Text {
                        anchors { left: parent.left; verticalCenter: parent.verticalCenter; leftMargin: list.gap / 2 }
                        width: Math.min(implicitWidth, parent.width - list.gap - detail.implicitWidth
                                        - (detail.text !== "" ? list.gap : 0))
                        text: row.modelData.number + ".  " + row.modelData.title
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: "white"
                        font.pixelSize: list.titleSize
                    }
                    Text {
                        id: detail
                        anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: list.gap / 2 }
                        text: row.modelData.detail
                        textFormat: Text.PlainText
                        color: row.modelData.marked ? "#dbe6ee" : "#9aa3ad"
                        font.pixelSize: 15 * list.k
                    }
                    TapHandler { onTapped: list.chosen(row.modelData.number - 1) }
                }
            }
        }
        Column {
            id: foot
            width: parent.width
            spacing: list.gap / 3
            Text {
                visible: list.notes.length > 0
                width: parent.width
                text: list.notesLabel
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: "#ff9ea6"
                font.pixelSize: 17 * list.k
                font.variableAxes: { "wght": Font.Bold }
            }
            Repeater {
                model: list.notes
                Text {
                    required property string modelData
                    objectName: list.noteName
                    width: foot.width
                    text: modelData
                    textFormat: Text.PlainText
                    wrapMode: Text.WrapAnywhere
                    color: "#ffe3e6"
                    font.pixelSize: 15 * list.k
                    font.family: "monospace"
                }
            }
            Text {
                width: parent.width
                text: list.keys
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: "#9aa3ad"
                font.pixelSize: 17 * list.k
            }
        }
    }
}
