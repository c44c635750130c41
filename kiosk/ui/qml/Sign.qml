pragma ComponentBehavior: Bound
import QtQuick

// A button's sign. The kiosk writes its words in its own font (Noto Sans), which has
// letters and a few marks ("‹", "›") but none of the symbols the buttons use: those
// are drawn here from rectangles, so they look the same on every machine. Written as
// text they would come from whatever system font has them, or show as empty boxes.
// Only the sign shown is made (a Loader), a few rectangles at most.
Item {
    id: root
    required property string sign  // one of DRAWN, or text in the kiosk's font
    required property real size  // the font size the sign stands beside
    required property color color
    // the signs drawn here; tests/test_ui_signs.py checks that every other character
    // the screens write is in the bundled font
    readonly property string drawnSigns: "⌂◷◉●◐■▶"
    readonly property bool drawn: root.sign.length === 1 && drawnSigns.indexOf(root.sign) >= 0
    readonly property real box: Math.round(size * 0.72)  // about a symbol's height in the font
    readonly property real stroke: Math.max(2, Math.round(size * 0.07))
    implicitWidth: shown.implicitWidth  // the loaded sign's
    implicitHeight: shown.implicitHeight

    Loader {
        id: shown
        objectName: "signShape"
        anchors.centerIn: parent
        active: root.sign !== ""
        sourceComponent: !root.drawn ? written
            : root.sign === "⌂" ? house
            : root.sign === "◷" ? clock
            : root.sign === "◉" ? target
            : root.sign === "●" ? dot
            : root.sign === "◐" ? half
            : root.sign === "■" ? stop
            : play
    }

    Component {
        id: written
        Text {
            text: root.sign
            textFormat: Text.PlainText
            font.pixelSize: root.size
            color: root.color
        }
    }
    component Ring: Rectangle {
        required property real box
        required property real stroke
        required property color ink
        width: box
        height: box
        implicitWidth: box
        implicitHeight: box
        radius: width / 2
        color: "transparent"
        border.width: stroke
        border.color: ink
        antialiasing: true
    }
    component Disc: Rectangle {
        required property color ink
        height: width
        radius: width / 2
        color: ink
        antialiasing: true
    }
    Component {
        id: target  // ◉: a ring round a dot (the map)
        Ring {
            box: root.box
            stroke: root.stroke
            ink: root.color
            Disc { anchors.centerIn: parent; width: Math.round(root.box * 0.5); ink: root.color }
        }
    }
    Component {
        id: dot  // ●
        Item {
            implicitWidth: root.box
            implicitHeight: root.box
            Disc { anchors.centerIn: parent; width: Math.round(root.box * 0.7); ink: root.color }
        }
    }
    Component {
        id: half  // ◐: a ring, its left half filled (contrast)
        Ring {
            box: root.box
            stroke: root.stroke
            ink: root.color
            Item {
                width: root.box / 2
                height: root.box
                clip: true
                Disc { width: root.box; ink: root.color }
            }
        }
    }
    Component {
        id: clock  // ◷: a ring with hands to twelve and to three (the timeline)
        Ring {
            box: root.box
            stroke: root.stroke
            ink: root.color
            Rectangle {
                x: (root.box - width) / 2
                y: root.stroke * 2
                width: root.stroke
                height: root.box / 2 - y + root.stroke / 2
                color: root.color
            }
            Rectangle {
                x: root.box / 2 - root.stroke / 2
                y: (root.box - height) / 2
                width: root.box / 2 - root.stroke * 1.5
                height: root.stroke
                color: root.color
            }
        }
    }
    Component {
        id: stop  // ■
        Item {
            implicitWidth: root.box
            implicitHeight: root.box
            Rectangle {
                anchors.centerIn: parent
                width: Math.round(root.box * 0.68)
                height: width
                color: root.color
            }
        }
    }
    Component {
        id: play  // ▶: the right half of a square standing on its corner
        Item {
            implicitWidth: root.box
            implicitHeight: root.box
            Item {
                x: Math.round(root.box * 0.22)
                width: root.box / 2
                height: root.box
                clip: true
                Rectangle {
                    width: root.box / Math.SQRT2
                    height: width
                    x: -width / 2
                    y: (root.box - height) / 2
                    rotation: 45
                    color: root.color
                    antialiasing: true
                }
            }
        }
    }
    Component {
        id: house  // ⌂: a roof (the top half of a square on its corner) over walls
        Item {
            implicitWidth: root.box
            implicitHeight: root.box
            Item {
                id: roof
                anchors.horizontalCenter: parent.horizontalCenter
                y: Math.round(root.box * 0.06)
                width: Math.round(root.box * 0.92)
                height: width / 2
                clip: true
                Rectangle {
                    width: roof.width / Math.SQRT2
                    height: width
                    x: (roof.width - width) / 2
                    y: roof.height - height / 2
                    rotation: 45
                    color: root.color
                    antialiasing: true
                }
            }
            Rectangle {
                anchors { horizontalCenter: parent.horizontalCenter; top: roof.bottom }
                width: Math.round(root.box * 0.64)
                height: root.box - roof.y - roof.height
                color: root.color
            }
        }
    }
}
