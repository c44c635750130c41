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
    // picture, at its top reads as a broken screen. On a whole pixel: the view rounds a
    // place between two pixels the next time it settles (Flickable's fixup), and the
    // screenful moved by that fraction when a talk came back to it.
    function scrollStop(root: Item, from: real, fraction: real, end: real): real {
        const to = Math.max(0, Math.min(end, from + fraction * flick.height))
        if (Math.abs(fraction) < 0.5 || to >= end) return to
        const top = cutTop(root, to, fraction > 0 ? from + 1 : -1)
        return Math.round((fraction > 0 ? top > from + 1 : top < from - 1) ? top : to)
    }
    // A place kept for the page (Back to it, a talk coming back to it) is taken once the
    // page, laid out as it is made, reaches it: what is left to take (0: taken, or none)
    function restored(pending: real, end: real): real {
        if (pending <= 0 || end < pending) return pending
        flick.contentY = pending
        return 0
    }
    // A talk's audience reads a page screenful by screenful: where its last screenful
    // starts, walking down from the top as PageDown does (each a screenful on, on a whole
    // line or a picture's top) until one shows ``contentEnd``. The page then ends there,
    // so the last screenful starts whole too, the page's colour below the content's end.
    // (Stopped at the natural end instead, it started on whatever that end cut: half a
    // line, the foot of a picture, on most pages.)
    // The page sets ``lastRoot``, ``lastEnd`` and ``lastFraction`` (a talk's screenful),
    // and in ``lastFrom`` what its layout follows; ``lastTop`` is walked once the page
    // has laid itself out after a change of any, not bound: the walk reads every text's
    // lines and picture's height, and bound it ran again at each of them laid out anew
    // (a text size's change took 100-500 ms on a talk's audience screen). A visitor's
    // screen (controls) never walks: its page ends where its content does.
    property Item lastRoot: null
    property real lastEnd: 0
    property real lastFraction: 1
    property var lastFrom: []
    property real lastTop: 0
    onLastFromChanged: lastSoon.restart()
    Component.onCompleted: lastSoon.restart()
    Timer {  // a child of the cue: it goes with the page
        id: lastSoon
        interval: 0
        onTriggered: cue.lastTop = cue.ui.controls || !cue.lastRoot ? 0
            : cue.lastScreenful(cue.lastRoot, cue.lastEnd, cue.lastFraction)
    }
    property int lastScreenfuls: 0  // walks so far, counted by a test: one a change, not one a text
    function lastScreenful(root: Item, contentEnd: real, fraction: real): real {
        ++lastScreenfuls
        let top = 0
        for (let i = 0; i < 500 && top + flick.height < contentEnd; ++i) {
            const next = scrollStop(root, top, fraction, Infinity)
            if (next <= top + 1)
                break
            top = next
        }
        return top
    }
    // The top of what of ``root`` the edge ``y`` (in the view's content coordinates)
    // cuts through, at any depth: a text's line, or a picture or a fact's card no taller
    // than the view; the highest such top below ``above``, else ``y`` itself.
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
            // a picture, or a fact's card: kept whole, as one
            const picture = (item as RenditionImage) ?? (item as FactCard)
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

    // A new text size keeps the place being read: what was at the top of the view is at
    // its top again once the page is laid out at the new size (a visitor who taps "Aa"
    // halfway down a page, a presenter who makes the audience's text larger mid-talk).
    // Set by a page: ``kiosk.appearance``, the root of its texts, where its view is going.
    property var appearance: null
    property Item reading: null
    property real readingFrom: flick.contentY
    property bool readingKept: true  // false: the page keeps its end instead, or is away
    signal placeTaken()  // the page stops a scroll of its own
    property var place: undefined  // taken, waiting for the page's new layout
    Connections {
        target: cue.appearance
        enabled: cue.readingKept && cue.reading !== null
        function onChanging() {
            cue.place = cue.placeAt(cue.reading, cue.readingFrom)
            scroll.stop()
            cue.placeTaken()
        }
    }
    // And through a new width (the window moved to another screen, turned, made full
    // screen): by then the texts have begun to wrap anew, so the place is the one noted
    // where the view last came to rest.
    property var restingPlace: null
    Timer {
        id: rest
        interval: 250
        onTriggered: if (cue.readingKept && cue.reading !== null && cue.place === undefined)
                         cue.restingPlace = cue.placeAt(cue.reading, cue.readingFrom)
    }
    Connections {
        target: cue.flick
        enabled: cue.appearance !== null
        function onContentYChanged() { rest.restart() }
        function onWidthChanged() {
            if (cue.readingKept && cue.restingPlace !== null && cue.restingPlace.item) {
                cue.place = cue.restingPlace
                cue.placeTaken()
            }
        }
    }
    // after the frame's layout (its polish), before it is drawn: the new size is never
    // shown at the old place
    Connections {
        target: cue.Window.window
        enabled: cue.place !== undefined
        function onAfterAnimating() {
            const place = cue.place
            cue.place = undefined
            if (place !== null) cue.flick.contentY = cue.placeTop(cue.reading, place)
        }
    }
    // The place at ``y`` (in the view's content coordinates) in ``root``'s texts and
    // pictures: the text and the first character of its line there, or the picture and
    // how far into it; else the next one below and how far above it; null at the top.
    function placeAt(root: Item, y: real): var {
        if (y <= 1) return null
        const content = flick.contentItem
        let below = null
        const stack = [root]
        while (stack.length > 0) {
            const item = stack.pop()
            if (!item.visible)
                continue
            for (let i = 0; i < item.children.length; ++i)
                stack.push(item.children[i])
            const box = cue.readBox(item, content)
            if (box.height <= 0)
                continue
            if (box.y <= y && y < box.y + box.height) {
                const text = item as Text
                if (!text)
                    return { item: item, part: (y - box.y) / box.height, line: -1, above: 0 }
                // the line's first character; the lines' heights are the Text's own
                const line = Math.floor((y - box.y) / cue.lineHeightOf(text) + 0.01)
                const start = cue.appearance.lineStart(text.text, text.font, cue.lineWidth(text),
                                                       text.wrapMode, line)
                return { item: item, part: 0, line: start, above: 0 }
            }
            if (box.y > y && (below === null || box.y - y < below.above))
                below = { item: item, part: 0, line: -1, above: box.y - y }
        }
        return below
    }
    // where ``place`` is now: a screenful's top, on a whole line (or a picture's top)
    function placeTop(root: Item, place: var): real {
        const content = flick.contentItem
        const box = place.item ? cue.readBox(place.item, content) : Qt.rect(0, 0, 0, 0)
        if (box.height <= 0) return flick.contentY
        const text = place.line >= 0 ? place.item as Text : null
        const y = text ? box.y + cue.lineHeightOf(text) * cue.appearance.lineOf(
                             text.text, text.font, cue.lineWidth(text), text.wrapMode, place.line)
                       : cutTop(root, Math.max(0, box.y + place.part * box.height - place.above), -1)
        return Math.max(0, Math.min(lastY, y))
    }
    function lineWidth(text: Text): real { return text.width - text.leftPadding - text.rightPadding }
    function lineHeightOf(text: Text): real { return text.contentHeight / text.lineCount }  // one height each
    // a text's lines or a picture, in ``content``'s coordinates; no height: anything else
    function readBox(item: Item, content: Item): rect {
        const picture = item as RenditionImage
        if (picture && picture.height > 0)
            return picture.mapToItem(content, 0, 0, picture.width, picture.height)
        const text = item as Text
        if (text && text.lineCount > 0 && text.contentHeight > 0)
            return text.mapToItem(content, 0, text.topPadding, text.width, text.contentHeight)
        return Qt.rect(0, 0, 0, 0)
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
