pragma ComponentBehavior: Bound

import QtQuick

// The home screen: the site title and a tile per exhibit. The title scrolls away with
// the tiles, so larger text never leaves them a strip; a cue shows when more lie below.
Rectangle {
    id: home
    required property var kiosk
    required property var ui
    property bool showFocus: false
    color: ui.background
    objectName: "home"

    function resetView() { pendingScroll = 0; grid.contentY = grid.originY }
    // Home is made each time it is shown: back from an exhibit, it shows again where the
    // visitor left it (kiosk.nav keeps that place, as the exhibit page's). Taken once
    // made, when the grid has its header, columns and rows; until then the grid's own
    // moves neither take it to the top nor tell kiosk.nav. 0: from the top.
    property real pendingScroll: kiosk.nav.scroll
    // Home is on screen and was already: an index that changes now is the presenter's
    // arrows moving the highlight. It is still false while a screen change (Back, the
    // Home button) brings Home back, so the index that comes with it leaves the tiles
    // where the visitor left them, unless its tile is out of sight altogether.
    readonly property bool onHome: kiosk.nav.screen === kiosk.nav.screens.home
    property bool stayedOnHome: false
    onOnHomeChanged: Qt.callLater(() => { home.stayedOnHome = home.onHome })
    Component.onCompleted: {
        stayedOnHome = onHome
        const kept = pendingScroll  // read once: the binding goes
        pendingScroll = 0
        if (kept <= 0) return
        grid.forceLayout()
        grid.contentY = grid.originY + Math.min(kept, Math.max(0, grid.contentHeight - grid.height))
    }
    // takes the focus when the screen comes
    readonly property Item titleItem: (grid.headerItem as Heading)?.title ?? null
    // The presenter's arrows move the highlight: the highlighted tile takes the focus from
    // the title or the tile before, so a screen reader names each exhibit in turn.
    function holdsFocus() {
        for (let i = Window.activeFocusItem; i; i = i.parent) if (i === home) return true
        return false
    }
    function focusTile() { (grid.currentItem as Cell)?.tile.forceActiveFocus() }
    // some of the tile at ``index`` shows between the grid's top and bottom edges
    function tileInSight(index) {
        const top = Math.floor(index / grid.columns) * grid.cellHeight
        return top + grid.cellHeight > grid.contentY && top < grid.contentY + grid.height
    }

    GridView {
        id: grid
        objectName: "tiles"
        anchors {
            fill: parent
            leftMargin: home.ui.margin - home.ui.tileInset; rightMargin: anchors.leftMargin
            bottomMargin: home.ui.tileInset
        }
        clip: true
        header: Heading {}
        component Heading: Item {
            id: heading
            readonly property Item title: siteTitle
            // About and the map stand under the title, not beside it, in portrait,
            // wherever the room beside them would break a word of the title (a small
            // landscape screen at a larger text size), and where it would make the title
            // a column of more than three lines (800x600: a word or a dash a line)
            readonly property bool aboutBelow: home.ui.portrait
                || wordsBeside.contentWidth > wordsBeside.width + 0.5
                || wordsBeside.lineCount > 3
            Text {
                // the title laid out beside About without breaking a word: a word wider
                // than the room reaches past it (drawn by the title's own font)
                id: wordsBeside
                visible: false
                width: header.width - about.width - home.ui.gap
                text: siteTitle.text
                textFormat: Text.PlainText
                wrapMode: Text.WordWrap
                font: siteTitle.font
            }
            width: grid.width
            height: header.height + home.ui.margin + home.ui.gap + (aboutBelow ? about.height + home.ui.gap : 0)
            Column {
                id: header
                x: home.ui.tileInset
                y: home.ui.margin
                width: parent.width - 2 * home.ui.tileInset
                spacing: home.ui.gap / 3
                ScreenText {
                    id: siteTitle
                    objectName: "siteTitle"
                    Accessible.role: Accessible.Heading
                    // beside About, which stands at its first line on the right
                    width: parent.width - (heading.aboutBelow ? 0 : about.width + home.ui.gap)
                    text: home.kiosk.siteTitle
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: home.ui.portrait ? home.ui.title * 1.2 : home.ui.display * 0.85
                    font.variableAxes: { "wght": Font.Bold }
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
            }
            Row {
                id: about
                // beside: centred on the title's first line; else below the subtitle
                x: heading.aboutBelow ? header.x : header.x + header.width - width
                y: heading.aboutBelow ? header.y + header.height + home.ui.gap
                    : header.y + Math.max(0, (siteTitle.font.pixelSize * home.ui.fontLine - height) / 2)
                spacing: home.ui.gap / 2
                // controls: never on a talk's audience screen (a kiosk with no valid
                // content shows its "being updated" home there)
                NavButton {
                    objectName: "aboutButton"
                    visible: home.ui.controls && home.kiosk.hasAbout
                    ui: home.ui
                    text: home.kiosk.strings.about
                    onActivated: home.kiosk.nav.openAbout()
                }
                NavButton {
                    objectName: "homeMapButton"
                    visible: home.ui.controls && home.kiosk.hasMap
                    ui: home.ui
                    glyph: "◉"
                    text: home.kiosk.strings.map
                    onActivated: home.kiosk.nav.openMap()
                }
            }
        }
        readonly property real headerHeight: headerItem ? headerItem.height : 0
        // a taller title (larger text, another language) grows upwards: start at its top
        onHeaderHeightChanged: if (home.pendingScroll <= 0) contentY = originY
        // where the visitor is, from the top of the title, for Back from an exhibit; not
        // while the place left is still to be shown
        onContentYChanged: if (home.pendingScroll <= 0) home.kiosk.nav.noteHomeScroll(contentY - originY)
        // Portrait: two columns, scrolled. Landscape: the fewest columns (three or
        // more) that show every exhibit at once under the title, so none hides below
        // the fold, else more, narrower tiles while a title keeps its words whole.
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
        readonly property real textWidth: home.ui.tileTextWidth(cellWidth)
        readonly property real textRoom: home.ui.tileTextRoom(titleLines, subtitleLines)
        readonly property real tilesHeight: height - headerHeight
        cellWidth: Math.floor(width / columns)
        // a 16:9 cover at least; up to 4:3 where the screen has the height to spare
        readonly property real naturalCellHeight: home.ui.portrait ? coverFor(columns) + textRoom + 2 * home.ui.tileInset
            : Math.max(coverFor(columns) + textRoom + 2 * home.ui.tileInset,
                       Math.min(coverFor(columns, 3 / 4) + textRoom + 2 * home.ui.tileInset,
                                Math.floor(tilesHeight / Math.ceil(Math.max(1, count) / columns))))
        // and a tile never taller than the view (a small screen at a larger text size):
        // its cover gives up to half its height so that a visitor sees it whole
        cellHeight: Math.min(naturalCellHeight, Math.max(Math.floor(height), naturalCellHeight - coverFor(columns) / 2))
        function coverFor(c, shape = 9 / 16) {
            return Math.round((Math.floor(width / c) - 2 * home.ui.tileInset) * shape)
        }
        function cellHeightFor(c) {  // while choosing the columns: the estimated lines
            return coverFor(c) + home.ui.tileTextRoom(linesFor(c), linesFor(c)) + 2 * home.ui.tileInset
        }
        // a tile keeps eight letters' widths a line, and the widest word of every title
        // and subtitle whole: "mustahkamlayotganlar" is not broken in two
        function roomyAt(c) {
            const room = home.ui.tileTextWidth(Math.floor(width / c))
            return room >= 8 * home.ui.tileTitle && room >= wordRoom
        }
        // a word wider than two columns' tiles hold is a curator's to shorten (the preview
        // and ``kiosk validate --screens`` name it): the grid is not laid out for it
        readonly property real wordRoom: home.widestWord <= home.ui.tileTextWidth(Math.floor(width / 2))
            ? home.widestWord : 0
        function fittingColumns() {
            const n = Math.max(1, count)
            for (let c = 3; c < n && roomyAt(c); c++) {
                if (Math.ceil(n / c) * cellHeightFor(c) <= tilesHeight) return c
            }
            for (let c = Math.max(3, n); c > 3; c--) if (roomyAt(c)) return c
            // a small screen at a larger text size: fewer, wider tiles, scrolled, rather
            // than words broken in three
            for (let c = 3; c > 1; c--) if (roomyAt(c)) return c
            return 3
        }
        // the last row, when not full, sits in the middle
        readonly property int lastRowStart: Math.floor((count - 1) / columns) * columns
        readonly property real lastRowShift: (columns - (count - lastRowStart)) * cellWidth / 2
        model: home.kiosk.exhibits
        boundsBehavior: Flickable.StopAtBounds
        currentIndex: home.kiosk.nav.screen === home.kiosk.nav.screens.home ? home.kiosk.nav.index : currentIndex
        highlightFollowsCurrentItem: false
        keyNavigationEnabled: false  // the arrows are the presenter's (kiosk.keys)
        onCurrentIndexChanged: {
            // the first row with the title above it where both fit, else the tile whole
            if (home.pendingScroll > 0) {}  // the place left comes first (onCompleted)
            else if (!home.stayedOnHome && home.tileInSight(currentIndex)) {}  // back where it was
            else if (currentIndex < columns && headerHeight + cellHeight <= height) contentY = originY
            else positionViewAtIndex(currentIndex, GridView.Contain)
            if (home.showFocus && home.holdsFocus()) Qt.callLater(home.focusTile)
        }
        delegate: Cell {}
        component Cell: Item {
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
                x: home.ui.tileInset + (cell.index >= grid.lastRowStart ? grid.lastRowShift : 0)
                y: home.ui.tileInset
                width: cell.width - 2 * home.ui.tileInset
                height: cell.height - 2 * home.ui.tileInset
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

    ScrollCue {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        ui: home.ui
        flick: grid
        spokenName: home.kiosk.strings.scroll_down
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
    // The widest word of every tile's title and subtitle, as the tiles draw them. The
    // words come joined from Python, one change a language tap (joined here from the
    // tiles, the text was laid out again at each tile's new title: 40 ms a tap with 60
    // exhibits)
    readonly property real widestWord: Math.max(titleWords.widest, subtitleWords.widest)
    WidestWord {
        id: titleWords
        objectName: "titleWords"
        text: home.kiosk.tileWords.titles
        font.pixelSize: home.ui.tileTitle
        font.variableAxes: { "wght": Font.DemiBold }
    }
    WidestWord {
        id: subtitleWords
        objectName: "subtitleWords"
        text: home.kiosk.tileWords.subtitles
        font.pixelSize: home.ui.caption
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
            font.variableAxes: { "wght": Font.DemiBold }
            lineHeight: home.ui.tileTitleSpacing
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
            lineHeight: home.ui.tileSubtitleSpacing
        }
    }
}
