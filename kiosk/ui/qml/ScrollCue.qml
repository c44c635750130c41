import QtQuick

// "There is more below": the last lines fade out above a down arrow; a tap scrolls on.
// It goes when the end of the page is on screen.
Item {
    id: cue
    required property var ui
    required property Flickable flick
    property string spokenName: ""  // "scroll down" in the visitor's language
    readonly property real lastY: flick.originY + flick.contentHeight - flick.height
    readonly property bool more: flick.contentHeight > flick.height + 1 && flick.contentY < lastY - 2
    objectName: "scrollCue"
    // over the view, as its child (not its content's): the view sees a drag that starts
    // on the cue and scrolls, with a finger or a mouse
    parent: flick
    height: Math.round(150 * ui.k)
    opacity: more ? 1 : 0
    visible: opacity > 0 && ui.controls
    Behavior on opacity { NumberAnimation { duration: cue.ui.fade } }

    // Where a scroll of ``fraction`` screens from ``from`` stops, for a page's keys and
    // a talk console's picture of the next screenful: within 0 and ``end``; a screenful
    // (not Down's line) starts on a whole line of ``root``'s texts and at the top of a
    // picture it would cut (one that fits on the screen), unless it reaches the end. A
    // talk's audience reads each screenful as a slide; half a line, or the foot of a
    // picture, at its top reads as a broken screen.
    function scrollStop(root: Item, from: real, fraction: real, end: real): real {
        const to = Math.max(0, Math.min(end, from + fraction * flick.height))
        if (Math.abs(fraction) < 0.5 || to >= end) return to
        const top = cutTop(root, to, fraction > 0 ? from + 1 : -1)
        return (fraction > 0 ? top > from + 1 : top < from - 1) ? top : to
    }
    // The top of what of ``root`` the edge ``y`` (in the view's content coordinates)
    // cuts through, at any depth: a text's line, or a picture no taller than the view;
    // the highest such top below ``above``, else ``y`` itself.
    // (A function here, not a JavaScript file both pages import: a script import is read
    // by QML's loader thread at a moment a test's Python URL interceptor deadlocked on.)
    function cutTop(root: Item, y: real, above: real): real {
        const content = flick.contentItem
        let best = y
        const stack = [root]
        while (stack.length > 0) {
            const item = stack.pop()
            if (!item.visible)
                continue
            for (let i = 0; i < item.children.length; ++i)
                stack.push(item.children[i])
            const picture = item as RenditionImage
            if (picture && picture.height > 0 && picture.height <= flick.height) {
                const box = picture.mapToItem(content, 0, 0, picture.width, picture.height)
                if (box.y < y && box.y + box.height > y && box.y > above)
                    best = Math.min(best, box.y)
                continue
            }
            const text = item as Text
            if (!text || text.lineCount < 1 || text.contentHeight <= 0)
                continue
            const box = text.mapToItem(content, 0, text.topPadding, text.width, text.contentHeight)
            if (box.y >= y || box.y + box.height <= y)
                continue
            const line = box.height / text.lineCount  // a text's lines are one height
            const lineY = box.y + Math.floor((y - box.y) / line) * line
            if (lineY > above)
                best = Math.min(best, lineY)
        }
        return best
    }

    // the lines fade out above the arrow; beside and under it the page is plain, so the
    // arrow never sits on a line of text
    Rectangle {
        objectName: "scrollCueFade"
        anchors.fill: parent
        visible: !cue.ui.highContrast  // there, lines are black or not shown: never grey
        // drawn once into a layer one pixel wide (it does not change across the page):
        // a gradient drawn as a fade's opacity changes is a new table in Qt's gradient
        // cache each frame, up to 60 of 12 KB kept for good
        layer.enabled: true
        layer.textureSize: Qt.size(1, Math.max(1, Math.round(height)))
        gradient: Gradient {
            GradientStop { position: 0; color: Qt.rgba(cue.ui.background.r, cue.ui.background.g, cue.ui.background.b, 0) }
            GradientStop { position: Math.max(0.05, (arrow.y - cue.ui.gap / 2) / cue.height); color: cue.ui.background }
        }
    }
    Rectangle {
        objectName: "scrollCueBand"
        visible: cue.ui.highContrast
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: parent.height - arrow.y + cue.ui.gap / 2
        color: cue.ui.background
        Rectangle { width: parent.width; height: Math.max(2, 2 * cue.ui.k); color: cue.ui.ink }
    }
    Rectangle {
        id: arrow
        objectName: "scrollCueArrow"
        anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.bottom; bottomMargin: cue.ui.gap / 2 }
        width: cue.ui.target
        height: width
        radius: visible ? width / 2 : 0  // no picture of its corners while hidden (NavButton)
        color: tap.pressed ? Qt.darker(cue.ui.accent, 1.18) : cue.ui.accent
        Accessible.role: Accessible.Button
        Accessible.name: cue.spokenName
        Accessible.onPressAction: arrow.scrollOn()
        function scrollOn() {
            scroll.to = Math.min(cue.lastY, cue.flick.contentY + cue.flick.height * 0.8)
            scroll.restart()
        }
        Text {
            anchors.centerIn: parent
            text: "›"  // turned to point down: Noto Sans has no down arrow
            textFormat: Text.PlainText
            rotation: 90
            font.pixelSize: cue.ui.title
            font.variableAxes: { "wght": Font.Bold }
            color: "white"
        }
        TapHandler {
            id: tap
            // a passive grab: a swipe that starts on the arrow still scrolls the page
            gesturePolicy: TapHandler.DragThreshold
            onTapped: arrow.scrollOn()
        }
    }
    NumberAnimation {
        id: scroll
        target: cue.flick
        property: "contentY"
        duration: cue.ui.fade * 1.5
        easing.type: Easing.OutCubic
    }
}
