import QtQuick
import QtQuick.Window

// The window: every screen stacked, the visible one chosen by kiosk.nav.screen.
Window {
    id: root
    required property var kiosk
    required property var staff
    property bool kioskMode: false
    visible: true
    title: kiosk.siteTitle
    color: style.background
    flags: kioskMode ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window

    readonly property string current: kiosk.nav.screen
    readonly property bool onPage: current === "exhibit" || current === "gallery"

    Connections {
        target: root.kiosk
        function onResetRequested() {
            home.resetView()
            if (exhibitLoader.item) exhibitLoader.item.resetView()
            if (timelineLoader.item) timelineLoader.item.resetView()
        }
    }

    Item {
        id: stage
        objectName: "stage"
        anchors.fill: parent
        focus: true
        Keys.onPressed: (event) => { event.accepted = root.kiosk.handleKey(event.key, event.modifiers) }
        Component.onCompleted: forceActiveFocus()

        // every screen but the attract loop sits above the control bar
        Item {
            id: screens
            anchors { left: parent.left; right: parent.right; top: parent.top; bottom: navBar.top }

            Home {
                id: home
                anchors.fill: parent
                kiosk: root.kiosk
                ui: style
                showFocus: !root.kioskMode
                visible: root.current === "home" || layerFade.running
            }

            Loader {
                id: timelineLoader
                objectName: "timelineLoader"
                anchors.fill: parent
                active: root.current === "timeline"
                sourceComponent: Component { TimelinePage { kiosk: root.kiosk; ui: style } }
                onLoaded: layerFade.restartFor(item)
            }

            Loader {
                id: exhibitLoader
                objectName: "exhibitLoader"
                anchors.fill: parent
                active: root.onPage
                sourceComponent: Component { ExhibitPage { kiosk: root.kiosk; ui: style } }
                onLoaded: layerFade.restartFor(item)
            }

            Loader {
                id: galleryLoader
                objectName: "galleryLoader"
                anchors.fill: parent
                active: root.current === "gallery"
                sourceComponent: Component { GalleryViewer { kiosk: root.kiosk; ui: style } }
                onLoaded: layerFade.restartFor(item)
            }
        }

        CaptionStrip {
            anchors { left: parent.left; right: parent.right; bottom: navBar.top }
            height: implicitHeight
            kiosk: root.kiosk
            ui: style
        }

        NavBar {
            id: navBar
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            // the attract loop has the whole screen; its height goes with it
            height: visible ? implicitHeight : 0
            visible: root.current !== "attract"
            kiosk: root.kiosk
            ui: style
        }

        Loader {
            id: attractLoader
            objectName: "attractLoader"
            anchors.fill: parent
            active: root.current === "attract"
            sourceComponent: Component { AttractLoop { kiosk: root.kiosk; ui: style; slideMs: root.kiosk.attractSlideMs } }
        }

        Loader {
            id: stillThereLoader
            objectName: "stillThereLoader"
            anchors.fill: parent
            active: root.kiosk.idle.visible
            sourceComponent: Component { StillThere { kiosk: root.kiosk; ui: style; secondsLeft: root.kiosk.idle.secondsLeft } }
        }

        Loader {
            id: problemsLoader
            objectName: "problemsLoader"
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
            active: root.kiosk.problems.lines.length > 0
            sourceComponent: Component { ProblemsBanner { kiosk: root.kiosk; ui: style } }
        }

        StaffCorner {
            objectName: "staffCorner"
            anchors { right: parent.right; top: parent.top }
            staff: root.staff
            ui: style
        }

        Loader {
            id: staffLoader
            objectName: "staffLoader"
            anchors.fill: parent
            active: root.staff.open
            sourceComponent: Component { StaffPanel { staff: root.staff; ui: style } }
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

    // declared last so it is destroyed last: views bind to it until the end
    Style {
        id: style
        k: Math.max(0.75, Math.min(root.width, root.height) / 1080)
        portrait: root.height > root.width
        theme: root.kiosk.theme
    }
}
