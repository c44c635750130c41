pragma ComponentBehavior: Bound
import QtQuick

// What the audience sees instead of the content: a black or white screen (B, W), or
// the picture the screen had when the presenter froze it (F). Nothing else, no words.
Rectangle {
    id: cover
    required property var curtain
    objectName: "audienceCurtain"
    color: cover.curtain.blank === "white" ? "white" : "black"

    Image {
        objectName: "frozenPicture"
        anchors.fill: parent
        visible: cover.curtain.blank === "" && cover.curtain.frozenUrl !== ""
        source: cover.curtain.frozenUrl
        cache: false
        fillMode: Image.Stretch
    }
    // nothing under the curtain takes a tap or a click
    MouseArea { anchors.fill: parent }
}
