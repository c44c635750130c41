import QtQuick

// The home screen: the site title, a tile per exhibit, the language bar.
Rectangle {
    id: home
    required property var kiosk
    required property var ui
    property bool showFocus: false
    color: ui.background
    objectName: "home"

    function resetView() { grid.contentY = grid.originY }

    Column {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: home.ui.margin }
        spacing: home.ui.gap / 3
        Text {
            objectName: "siteTitle"
            width: parent.width
            text: home.kiosk.siteTitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: home.ui.portrait ? home.ui.title * 1.2 : home.ui.display * 0.85
            font.weight: Font.Bold
            color: home.ui.ink
        }
        Text {
            objectName: "siteSubtitle"
            visible: text !== ""
            width: parent.width
            text: home.kiosk.siteSubtitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: home.ui.body
            color: home.ui.muted
        }
    }

    GridView {
        id: grid
        objectName: "tiles"
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: footer.top
            leftMargin: home.ui.margin - home.ui.gap / 2; rightMargin: anchors.leftMargin
            topMargin: home.ui.gap; bottomMargin: home.ui.gap / 2
        }
        clip: true
        readonly property int columns: home.ui.portrait ? 2 : (width > 1500 * home.ui.k ? 3 : 2)
        cellWidth: Math.floor(width / columns)
        cellHeight: Math.round((cellWidth - home.ui.gap) * 9 / 16 + home.ui.heading * 3.4 + home.ui.caption * 2.5 + home.ui.gap * 2)
        model: home.kiosk.exhibits
        boundsBehavior: Flickable.StopAtBounds
        currentIndex: home.kiosk.nav.screen === home.kiosk.nav.screens.home ? home.kiosk.nav.index : currentIndex
        highlightFollowsCurrentItem: false
        onCurrentIndexChanged: positionViewAtIndex(currentIndex, GridView.Contain)
        delegate: Item {
            id: cell
            required property int index
            required property string exhibitId
            required property string title
            required property string subtitle
            required property string cover
            width: grid.cellWidth
            height: grid.cellHeight
            ExhibitTile {
                anchors { fill: parent; margins: home.ui.gap / 2 }
                kiosk: home.kiosk
                ui: home.ui
                exhibitId: cell.exhibitId
                title: cell.title
                subtitle: cell.subtitle
                cover: cell.cover
                focused: home.showFocus && grid.currentIndex === cell.index
            }
        }
    }

    Rectangle {
        id: footer
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: footerFlow.implicitHeight + 2 * home.ui.gap
        color: home.ui.surface
        Rectangle { anchors { left: parent.left; right: parent.right; top: parent.top } height: 1; color: home.ui.line }
        Flow {
            id: footerFlow
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: home.ui.margin; rightMargin: home.ui.margin }
            spacing: home.ui.gap
            LanguageBar { kiosk: home.kiosk; ui: home.ui }
            NavButton {
                objectName: "timelineButton"
                visible: home.kiosk.hasTimeline
                ui: home.ui
                primary: true
                glyph: "◷"
                text: home.kiosk.strings.timeline || ""
                onActivated: home.kiosk.nav.openTimeline()
            }
            NavButton {
                objectName: "aboutButton"
                ui: home.ui
                glyph: "ℹ"
                text: home.kiosk.strings.about || ""
                onActivated: home.kiosk.nav.openAbout()
            }
        }
    }
}
