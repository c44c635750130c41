import QtQuick

// The home screen: the site title and a tile per exhibit.
Rectangle {
    id: home
    required property var kiosk
    required property var ui
    property bool showFocus: false
    color: ui.background
    objectName: "home"

    function resetView() { grid.contentY = grid.originY }
    readonly property Item titleItem: siteTitle  // takes the focus when the screen comes
    // The presenter's arrows move the highlight: the highlighted tile takes the focus from
    // the title or the tile before, so a screen reader names each exhibit in turn.
    function holdsFocus() {
        for (let i = Window.activeFocusItem; i; i = i.parent) if (i === home) return true
        return false
    }
    function focusTile() { if (grid.currentItem) grid.currentItem.tile.forceActiveFocus() }

    Column {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: home.ui.margin }
        spacing: home.ui.gap / 3
        ScreenText {
            id: siteTitle
            objectName: "siteTitle"
            Accessible.role: Accessible.Heading
            width: parent.width
            text: home.kiosk.siteTitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: home.ui.portrait ? home.ui.title * 1.2 : home.ui.display * 0.85
            font.weight: Font.Bold
            color: home.ui.ink
        }
        ScreenText {
            objectName: "siteSubtitle"
            visible: text !== ""
            width: parent.width
            text: home.kiosk.siteSubtitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: home.ui.body
            color: home.ui.muted
        }
        Row {
            spacing: home.ui.gap / 2
            NavButton {
                objectName: "aboutButton"
                ui: home.ui
                glyph: "ℹ"
                text: home.kiosk.strings.about || ""
                onActivated: home.kiosk.nav.openAbout()
            }
            NavButton {
                objectName: "homeMapButton"
                visible: home.kiosk.hasMap
                ui: home.ui
                glyph: "◉"
                text: home.kiosk.strings.map || ""
                onActivated: home.kiosk.nav.openMap()
            }
        }
    }

    GridView {
        id: grid
        objectName: "tiles"
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
            leftMargin: home.ui.margin - home.ui.gap / 2; rightMargin: anchors.leftMargin
            topMargin: home.ui.gap; bottomMargin: home.ui.gap / 2
        }
        clip: true
        // Portrait: two columns, scrolled. Landscape: the fewest columns (three or
        // more) that show every exhibit at once, so none hides below the fold.
        readonly property int columns: home.ui.portrait ? 2 : fittingColumns()
        // Choosing the columns: narrow tiles give their texts a line more, and each
        // step of larger text one more.
        function linesFor(c) { return (home.ui.portrait || c >= 4 ? 3 : 2) + Math.round((home.ui.textScale - 1) * 4) }
        // The tiles drawn: every title (and every subtitle) gets the room the longest
        // one needs at this width, in this language and text size, measured below:
        // the grid reads evenly, nothing ends in "…", and short titles leave no gap.
        // A curator's overlong text ends in "…" after two lines more than the estimate.
        readonly property int titleLines: Math.max(1, Math.min(linesFor(columns) + 2, home.linesNeeded(titleMeasure)))
        readonly property int subtitleLines: Math.max(1, Math.min(linesFor(columns) + 2, home.linesNeeded(subtitleMeasure)))
        readonly property real textWidth: cellWidth - home.ui.gap * 3  // tile and text margins
        readonly property real textRoom: home.ui.tileTextRoom(titleLines, subtitleLines)
        cellWidth: Math.floor(width / columns)
        // a 16:9 cover at least; up to 4:3 where the screen has the height to spare
        cellHeight: home.ui.portrait ? coverFor(columns) + textRoom + home.ui.gap
            : Math.max(coverFor(columns) + textRoom + home.ui.gap,
                       Math.min(coverFor(columns, 3 / 4) + textRoom + home.ui.gap,
                                Math.floor(height / Math.ceil(Math.max(1, count) / columns))))
        function coverFor(c, shape) {
            return Math.round((Math.floor(width / c) - home.ui.gap) * (shape || 9 / 16))
        }
        function cellHeightFor(c) {  // while choosing the columns: the estimated lines
            return coverFor(c) + home.ui.tileTextRoom(linesFor(c), linesFor(c)) + home.ui.gap
        }
        function fittingColumns() {
            const n = Math.max(1, count)
            for (let c = 3; c < n; c++) {
                if (Math.ceil(n / c) * cellHeightFor(c) <= height) return c
            }
            // Not all at once: one row of them all while a title keeps eight letters'
            // widths a line, else fewer, wider tiles that scroll (larger text, a small
            // window): "Ozarbayjon" is not broken over two lines.
            for (let c = Math.max(3, n); c > 3; c--) {
                if (Math.floor(width / c) - home.ui.gap * 3 >= 8 * home.ui.tileTitle) return c
            }
            return 3
        }
        model: home.kiosk.exhibits
        boundsBehavior: Flickable.StopAtBounds
        currentIndex: home.kiosk.nav.screen === home.kiosk.nav.screens.home ? home.kiosk.nav.index : currentIndex
        highlightFollowsCurrentItem: false
        keyNavigationEnabled: false  // the arrows are the presenter's (kiosk.keys)
        onCurrentIndexChanged: {
            positionViewAtIndex(currentIndex, GridView.Contain)
            if (home.showFocus && home.holdsFocus()) Qt.callLater(home.focusTile)
        }
        delegate: Item {
            id: cell
            required property int index
            required property string exhibitId
            required property string title
            required property string subtitle
            required property string cover
            readonly property Item tile: tileItem
            width: grid.cellWidth
            height: grid.cellHeight
            ExhibitTile {
                id: tileItem
                anchors { fill: parent; margins: home.ui.gap / 2 }
                kiosk: home.kiosk
                ui: home.ui
                exhibitId: cell.exhibitId
                title: cell.title
                subtitle: cell.subtitle
                cover: cell.cover
                titleLines: grid.titleLines
                subtitleLines: grid.subtitleLines
                focused: home.showFocus && grid.currentIndex === cell.index
            }
        }
    }

    // Unseen copies of every tile's title and subtitle at the tiles' text width: their
    // line counts give the room every tile keeps (ExhibitTile draws them the same way).
    function linesNeeded(measure) {
        let most = 0
        for (let i = 0; i < measure.count; i++) {
            const text = measure.itemAt(i)
            if (text) most = Math.max(most, text.lineCount)
        }
        return most
    }
    Repeater {
        id: titleMeasure
        model: home.kiosk.exhibits
        delegate: Text {
            required property string title
            visible: false
            width: grid.textWidth
            text: title
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: home.ui.tileTitle
            font.weight: Font.DemiBold
            lineHeight: 1.1
        }
    }
    Repeater {
        id: subtitleMeasure
        model: home.kiosk.exhibits
        delegate: Text {
            required property string subtitle
            visible: false
            width: grid.textWidth
            text: subtitle
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: home.ui.caption
            lineHeight: 1.15
        }
    }
}
