pragma ComponentBehavior: Bound
import QtQuick

// How complete one language's visitor text is: its name, a bar and the percentage.
Item {
    id: languageRow
    required property var ui
    required property var colors
    required property var modelData
    objectName: "languageRow"
    height: Math.max(languageName.implicitHeight, ui.body * 1.4)
    Text {
        id: languageName
        anchors { left: parent.left; verticalCenter: parent.verticalCenter }
        width: Math.round(parent.width * 0.4)
        text: languageRow.modelData.name + " (" + languageRow.modelData.code + ")"
        textFormat: Text.PlainText
        elide: Text.ElideRight
        font.pixelSize: languageRow.ui.body
        color: languageRow.colors.text
    }
    Rectangle {
        anchors {
            left: languageName.right; right: percent.left; verticalCenter: parent.verticalCenter
            leftMargin: languageRow.ui.gap; rightMargin: languageRow.ui.gap
        }
        height: Math.round(14 * languageRow.ui.k)
        radius: height / 2
        color: languageRow.colors.card
        Rectangle {
            width: parent.width * languageRow.modelData.complete / 100
            height: parent.height
            radius: parent.radius
            color: languageRow.modelData.complete >= 100 ? languageRow.ui.accent2 : languageRow.colors.warning
        }
    }
    Text {
        id: percent
        anchors { right: parent.right; verticalCenter: parent.verticalCenter }
        width: Math.round(90 * languageRow.ui.k)
        horizontalAlignment: Text.AlignRight
        text: languageRow.modelData.complete + " %"
        textFormat: Text.PlainText
        font.pixelSize: languageRow.ui.body
        color: languageRow.colors.text
    }
}
