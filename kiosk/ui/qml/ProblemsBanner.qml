pragma ComponentBehavior: Bound
import QtQuick

// Preview mode only: how many content errors the last reload found, and each as a
// file:line:column line. Its height is its own (up to what the window gives it);
// longer lists scroll.
Rectangle {
    id: banner
    required property var kiosk
    required property var ui
    objectName: "problemsBanner"
    color: "#3A0B10"
    implicitHeight: header.implicitHeight + list.contentHeight + ui.gap * 2.5

    ScreenText {
        id: header
        objectName: "problemsCount"
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: banner.ui.gap }
        text: banner.kiosk.problems.summary + " in the content: the screen keeps the last version without errors until they are fixed"
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: banner.ui.body
        font.variableAxes: { "wght": Font.Bold }
        color: "white"
    }

    ListView {
        id: list
        objectName: "problemList"
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
                  leftMargin: banner.ui.gap; rightMargin: banner.ui.gap; topMargin: banner.ui.gap / 2; bottomMargin: banner.ui.gap }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        spacing: banner.ui.gap / 4
        model: banner.kiosk.problems.lines
        delegate: ScreenText {
            required property string modelData
            objectName: "problemLine"
            width: list.width - scrollBar.width - banner.ui.gap / 2
            text: modelData
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
            font.pixelSize: banner.ui.caption
            font.family: "monospace"
            color: "#FFE3E6"
        }
        Rectangle {
            id: scrollBar
            objectName: "problemsScrollBar"
            visible: list.contentHeight > list.height
            anchors.right: parent.right
            width: Math.max(6, 8 * banner.ui.k)
            radius: width / 2
            color: "#FFE3E6"
            opacity: 0.6
            y: list.visibleArea.yPosition * list.height
            height: Math.max(banner.ui.gap, list.visibleArea.heightRatio * list.height)
        }
    }
}
