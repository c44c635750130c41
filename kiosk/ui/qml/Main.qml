pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window

// The window: every screen stacked, the visible one chosen by kiosk.nav.screen.
Window {
    id: root
    required property var kiosk
    required property var staff
    property bool kioskMode: false
    // kiosk --present: this is the audience window, content only (kiosk.ui.presenting);
    // the presenter's console, key map and quit question are in the console window
    property bool audience: false
    property var curtain: null  // blank or frozen (kiosk.ui.talk.Curtain)
    visible: true
    title: kiosk.siteTitle
    color: style.background
    // Qt.Window, with Qt.FramelessWindowHint (0x800) in kiosk mode, as numbers: the
    // first enum of Qt's looked up by JavaScript makes QML build a table of every enum
    // of Qt's, 0.3 MB kept for good (tests/test_ui_qt_enums.py)
    flags: kioskMode ? 0x801 : 0x1

    readonly property string current: kiosk.nav.screen
    readonly property var screens: kiosk.nav.screens

    // A screen reader announces where the visitor is: each new screen, exhibit or overlay
    // puts the focus on its title (a heading). Keys still reach the stage: a title does
    // not take them, so they go on up to its ancestor. The staff panel keeps its own focus.
    // The exhibit by the navigation's id: reading kiosk.page here turned the whole page
    // into JavaScript a second time at each new page and language.
    readonly property var focusPlace: [current, kiosk.nav.exhibitId, stillThereLoader.active,
                                       helpLoader.active, quitLoader.active, staffLoader.active]
    onFocusPlaceChanged: Qt.callLater(focusTitle)
    function focusTitle() {
        if (staffLoader.item) return
        const layers = [quitLoader, helpLoader, stillThereLoader, attractLoader, galleryLoader,
                        exhibitLoader, aboutLoader, timelineLoader, mapLoader]
        // a kept screen (the timeline) is out of the window while another shows
        const shown = layers.find(layer => layer.item && layer.item.titleItem && (layer.item as Item).parent)
        const page = shown ? shown.item : (homeLoader.shown ? homeLoader.item : null)
        if (page && page.titleItem) page.titleItem.forceActiveFocus()
        else stage.forceActiveFocus()
    }

    Connections {
        target: root.kiosk
        function onResetRequested() {
            // the other screens, loaded by their file, reset themselves
            const home = homeLoader.item as Home
            if (home) home.resetView()
        }
        function onContentChanging() { root.dropKept() }
    }
    // A kept screen away while the text size, contrast or content changes is let go and
    // made anew a moment later, out of sight (KeptLoader): one pair of listeners for them
    // all. Let go before a new size, contrast or content set reaches them: after it, each
    // screen away laid its texts out, coloured them or filled them again, for no one (in
    // the visitor's tap on "Aa" or "Contrast", or as a curator's edit is swapped in).
    Connections {
        target: root.kiosk.appearance
        function onChanging() { root.dropKept() }
    }
    // the exhibit page first: from home, where "Aa" and "Contrast" are most often tapped,
    // a tile is the likeliest next tap
    readonly property var keptLoaders: [exhibitLoader, timelineLoader, galleryLoader, attractLoader]
    function dropKept() {
        for (const kept of keptLoaders)
            kept.drop()
        remakeKept.restart()
    }
    // the screens let go are made again once the change has been drawn and the visitor
    // is reading it, one at a time (10-25 ms each): not inside the tap that changed the
    // size or colours, nor all in one long pause
    Timer {
        id: remakeKept
        objectName: "remakeKept"
        interval: 400
        onTriggered: root.remakeKept()
    }
    function remakeKept() {
        // a window closed (a test's, left for deletion) makes nothing on an engine going away
        if (!root.visible) return
        const next = keptLoaders.find(kept => kept.dropped)
        if (!next) return
        next.remake()
        if (keptLoaders.some(kept => kept.dropped)) remakeKept.restart()
    }
    Connections {  // a screen made away is laid out in one hidden frame, then kept out of it
        target: root
        enabled: root.keptLoaders.some(kept => kept.warming)
        function onFrameSwapped() {
            for (const kept of root.keptLoaders)
                kept.warming = false
        }
    }

    Loader {
        id: previewLoader
        objectName: "previewLoader"
        anchors { left: parent.left; right: parent.right; top: parent.top }
        active: root.kiosk.problems.watching !== ""
        height: item ? (item as Item).implicitHeight : 0
        Component.onCompleted: setSource("PreviewBadge.qml", { kiosk: root.kiosk, ui: style })
    }

    Item {
        id: stage
        objectName: "stage"
        anchors { fill: parent; topMargin: previewLoader.height }
        focus: true
        Keys.onPressed: (event) => {
            root.readPageAhead()
            event.accepted = root.kiosk.keys.handle(event.key, event.modifiers, event.nativeScanCode)
        }
        Component.onCompleted: root.focusTitle()

        // every screen but the attract loop sits above the control bar
        Item {
            id: screenArea
            anchors { left: parent.left; right: parent.right; top: parent.top; bottom: navBar.top }

            // A screen left leaves the screen reader's tree with its buttons, not only
            // the screen (the page under the gallery too): each screen is in the window
            // only while it is shown. Where the visitor was on a page is kept by kiosk.nav.
            // Home, made the first time it shows, is kept out of the window meanwhile:
            // Back to it makes nothing anew, a tap's first frame shows it.
            Loader {
                id: homeLoader
                objectName: "homeLoader"
                anchors.fill: parent
                readonly property bool shown: root.current === root.screens.home
                active: false
                onShownChanged: if (shown) active = true
                Component.onCompleted: if (shown) active = true
                sourceComponent: Component {
                    Home {
                        kiosk: root.kiosk
                        ui: style
                        showFocus: !root.kioskMode
                        parent: homeLoader.shown ? homeLoader : null
                    }
                }
            }

            // Made the first time it opens and kept out of the window meanwhile, as home
            // is: opened again, it is shown, not made anew (another language changes the
            // words of its items; kiosk.timeline).
            KeptLoader {
                id: timelineLoader
                objectName: "timelineLoader"
                shown: root.current === root.screens.timeline
                fadeIn: layerFade
                // by its file, not its type: its file (and Qt's shapes module it uses)
                // is read when the timeline first opens, not before the first frame
                file: "TimelinePage.qml"
                properties: ({ kiosk: root.kiosk, ui: style })
            }

            Loader {
                id: mapLoader
                objectName: "mapLoader"
                anchors.fill: parent
                active: root.current === root.screens.map
                // by its file, like the timeline: read when the map first opens
                Component.onCompleted: setSource(Qt.resolvedUrl("MapPage.qml"), { kiosk: root.kiosk, ui: style })
                onLoaded: layerFade.restartFor(item)
            }

            Loader {
                id: aboutLoader
                objectName: "aboutLoader"
                anchors.fill: parent
                active: root.current === root.screens.about
                // compiled on first use: its type is not needed before the first frame
                Component.onCompleted: setSource("AboutPage.qml", { kiosk: root.kiosk, ui: style })
                onLoaded: layerFade.restartFor(item)
            }

            // Made the first time an exhibit opens and kept meanwhile: Back to home
            // destroys nothing (a quarter of that tap's work), and the next exhibit
            // changes the page's words and pictures in place, as the button to the next
            // exhibit always has. Its gallery covers it without a change.
            KeptLoader {
                id: exhibitLoader
                objectName: "exhibitLoader"
                shown: root.current === root.screens.exhibit
                wanted: shown || root.current === root.screens.gallery
                fadeIn: layerFade
                file: "ExhibitPage.qml"
                properties: ({
                    kiosk: root.kiosk, ui: style, footCover: Qt.binding(() => captionLoader.height),
                    current: Qt.binding(() => exhibitLoader.wanted), window: root })
            }

            // Made the first time a gallery opens, as the exhibit page under it: opened
            // again it shows the picture asked for in the viewer already made (its
            // pictures let go while away).
            KeptLoader {
                id: galleryLoader
                objectName: "galleryLoader"
                shown: root.current === root.screens.gallery
                fadeIn: layerFade
                file: "GalleryViewer.qml"
                properties: ({
                    kiosk: root.kiosk, ui: style, away: Qt.binding(() => !galleryLoader.shown),
                    window: root })
            }
        }

        // made while a reading shows a sentence, not before the first frame
        Loader {
            id: captionLoader
            objectName: "captionLoader"
            anchors { left: parent.left; right: parent.right; bottom: navBar.top }
            height: item ? (item as Item).implicitHeight : 0
            // made when there is something to show: a sentence being read, or the notice
            active: root.kiosk.readAloud.notice !== ""
                    || (root.kiosk.readAloud.speaking && root.kiosk.readAloud.currentSentence !== "")
            Component.onCompleted: setSource("CaptionStrip.qml", { kiosk: root.kiosk, ui: style })
        }

        NavBar {
            id: navBar
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            // The attract loop has the whole screen and covers the bar, which keeps its
            // height: home, kept above it, is not laid out again at every idle reset and
            // again when the loop is left (its tiles asked for their pictures anew, ahead
            // of the loop's own on Qt's image thread). The audience's window has none.
            height: root.audience ? 0 : implicitHeight
            visible: !root.audience && root.current !== root.screens.attract
            kiosk: root.kiosk
            ui: style
        }

        // Made at the first idle reset and kept out of the window between visitors: the
        // next reset shows it again from its first slide (its pictures let go meanwhile).
        // It shows at once, without a fade.
        KeptLoader {
            id: attractLoader
            objectName: "attractLoader"
            shown: root.current === root.screens.attract
            file: "AttractLoop.qml"
            properties: ({
                kiosk: root.kiosk, ui: style, slideMs: Qt.binding(() => root.kiosk.attractSlideMs),
                away: Qt.binding(() => !attractLoader.shown), window: root })
        }

        Loader {
            id: stillThereLoader
            objectName: "stillThereLoader"
            anchors.fill: parent
            active: root.kiosk.idle.visible
            Component.onCompleted: setSource("StillThere.qml", {
                kiosk: root.kiosk, ui: style, secondsLeft: Qt.binding(() => root.kiosk.idle.secondsLeft) })
        }

        Loader {
            id: problemsLoader
            objectName: "problemsLoader"
            // above the bar, or at the foot of the attract loop, which covers the bar
            anchors { left: parent.left; right: parent.right; bottom: navBar.visible ? navBar.top : parent.bottom }
            // its own height, at most 40% of the screen: the rest scrolls inside it
            height: item ? Math.min((item as Item).implicitHeight, stage.height * 0.4) : 0
            active: root.kiosk.problems.lines.length > 0
            Component.onCompleted: setSource("ProblemsBanner.qml", { kiosk: root.kiosk, ui: style })
        }

        Loader {
            id: helpLoader
            objectName: "helpLoader"
            anchors.fill: parent
            active: !root.audience && root.kiosk.presenter.helpVisible
            // compiled on first use: its type is not needed before the first frame
            Component.onCompleted: setSource("PresenterHelp.qml", { kiosk: root.kiosk, ui: style })
        }

        Loader {
            id: quitLoader
            objectName: "quitLoader"
            anchors.fill: parent
            active: !root.audience && root.kiosk.presenter.askingToQuit
            // compiled on first use: its type is not needed before the first frame
            Component.onCompleted: setSource("QuitQuestion.qml", { kiosk: root.kiosk, ui: style })
        }

        StaffCorner {
            objectName: "staffCorner"
            visible: !root.audience
            anchors { right: parent.right; top: parent.top }
            staff: root.staff
            ui: staffStyle
            spokenName: root.kiosk.strings.staff_corner
            spokenHint: root.kiosk.strings.staff_corner_hint
        }

        Loader {
            id: staffLoader
            objectName: "staffLoader"
            anchors.fill: parent
            active: root.staff.open
            // compiled on first use: its type is not needed before the first frame
            Component.onCompleted: setSource("StaffPanel.qml", { staff: root.staff, ui: staffStyle })
        }

        NumberAnimation {
            id: layerFade
            property: "opacity"
            from: 0
            to: 1
            duration: style.fade
            easing.type: Easing.OutCubic
            function restartFor(item) { target = item; item.opacity = 0; restart() }
        }
    }

    // The audience's curtain: black, white or the picture it had when frozen. Outside
    // the stage, so the console's copy of the stage shows where the talk is meanwhile.
    Loader {
        objectName: "curtainLoader"
        anchors.fill: parent
        active: root.curtain !== null && (root.curtain.blank !== "" || root.curtain.frozenUrl !== "")
        // the curtain is given to the window after it is made: bound, not read now
        Component.onCompleted: setSource("AudienceCurtain.qml", { curtain: Qt.binding(() => root.curtain) })
    }
    // The exhibit page and the types it uses (nine files) are read when a page is first
    // made, not before the first frame. The visit's first touch or key starts reading
    // them on Qt's loader thread, so they are there by the release that opens a page,
    // which would otherwise wait for them.
    property Component pageAhead: null
    function readPageAhead() {
        if (pageAhead === null) pageAhead = Qt.createComponent("ExhibitPage.qml", Component.Asynchronous)
    }
    Item {
        anchors.fill: parent
        // on top of everything, taking no touch from anyone (a passive grab)
        PointHandler {
            enabled: root.pageAhead === null
            onActiveChanged: if (active) root.readPageAhead()
        }
    }

    // The console's copy of the stage: soon after the talk moves (once a scroll has
    // ended), and every two seconds for the rest (pictures arriving). Not on every frame:
    // a copy costs a render of its own.
    function copyStage(moved) {
        stage.grabToImage(result => root.curtain.setLiveFrame(result.image),
                          Qt.size(960, Math.round(960 * root.height / root.width)))
        if (moved) nextCopiesLeft = 1
        else if (nextCopiesLeft > 0) nextCopiesLeft -= 1
        else return
        if (root.curtain.nextWanted) copyNext()
    }
    // the next screenful is pictured after each move, and once more two seconds later
    // (pictures still arriving), not for as long as the presenter stands still
    property int nextCopiesLeft: 0
    // The console's "next" while the page goes on below: the page's next screenful, where
    // the next press scrolls it (as the page's own PageDown does). One small picture of
    // the whole page, cut to that screenful by kiosk.ui.talk.
    // The page's scrolling view: a Flickable among its children (both pages have one).
    // Found, not named by type, so neither page's file is needed before it first opens.
    function viewOf(page: QtObject): Flickable {
        const item = page as Item
        if (!item) return null
        for (const child of item.children) {
            const view = child as Flickable
            if (view) return view
        }
        return null
    }
    // where the page's own PageDown stops (on a whole line), asked of the page: both
    // pages have it (as a var, so neither page's type is needed before it first opens)
    function scrollTarget(page: var, from: real, fraction: real): real {
        return page.scrollTarget(from, fraction)
    }
    function copyNext() {
        const page = root.current === root.screens.about ? aboutLoader.item
                   : root.current === root.screens.exhibit ? exhibitLoader.item : null
        const flick = root.viewOf(page)
        if (!flick || flick.width <= 0 || flick.contentHeight <= flick.height) return
        const scale = root.curtain.nextWidth / flick.width
        const top = root.scrollTarget(page, flick.contentY, root.kiosk.keys.screenful)
        const shown = Qt.rect(0, Math.round(top * scale), root.curtain.nextWidth, Math.round(flick.height * scale))
        root.curtain.copyNext(flick.contentItem, shown,
                              Qt.size(root.curtain.nextWidth, Math.round(flick.contentItem.height * scale)))
    }
    readonly property bool copying: root.curtain !== null && root.curtain.live && root.visible && root.width > 0
    onCopyingChanged: if (copying) copySoon.restart()
    Timer {
        objectName: "liveFrames"
        interval: 2000
        repeat: true
        running: root.copying
        onTriggered: root.copyStage(false)
    }
    Timer {
        id: copySoon
        interval: 350
        onTriggered: if (root.copying) root.copyStage(true)
    }
    Connections {
        target: root.curtain
        function onCopyRequested() { copySoon.restart() }
    }

    // declared last so it is destroyed last: views bind to it until the end
    Style {
        id: style
        k: Math.max(0.75, Math.min(root.width, root.height) / 1080)
        portrait: root.height > root.width
        theme: root.kiosk.theme
        textScale: root.kiosk.appearance.textScale
        highContrast: root.kiosk.appearance.highContrast
        controls: !root.audience
    }
    // the staff corner and panel keep their size and colours whatever a visitor chose
    Style {
        id: staffStyle
        k: style.k
        portrait: style.portrait
        theme: root.kiosk.theme
    }
}
