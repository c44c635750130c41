import QtQuick

// While the kiosk reads aloud, the sentence being read, on a solid band just above
// the control bar, for visitors who are hard of hearing; when a reading fails, a short
// notice in the visitor's language ("Sound is not available on this screen").
Rectangle {
    id: strip
    required property var kiosk
    required property var ui
    objectName: "captionStrip"
    readonly property string notice: kiosk.readAloud.notice
    visible: notice !== "" || (kiosk.readAloud.speaking && kiosk.readAloud.currentSentence !== "")
    color: ui.ink
    implicitHeight: sentence.implicitHeight + ui.gap * 1.5

    ScreenText {
        id: sentence
        objectName: "captionSentence"
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: strip.ui.margin; rightMargin: strip.ui.margin }
        text: strip.notice !== "" ? strip.notice : strip.kiosk.readAloud.currentSentence
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        maximumLineCount: 3
        elide: Text.ElideRight
        font.pixelSize: strip.ui.body
        font.variableAxes: { "wght": Font.DemiBold }
        color: strip.ui.surface
    }
    // a tap on the caption is taken here, not by the page the strip covers
    MouseArea { anchors.fill: parent }
}
