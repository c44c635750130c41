pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window

// The presenter console (kiosk --present), on the laptop's screen: what the audience
// sees, what comes next, the notes, the time, and the outline of the talk. Never
// shown to the audience. Every word comes from console.view.words, in the
// presenter's language; decisions are kiosk.runtime.talk's.
Window {
    id: root
    required property var kiosk
    required property var talk
    readonly property var view: talk.view
    readonly property var words: view.words
    readonly property var timer: talk.timer
    readonly property real k: Math.max(0.6, Math.min(width / 1280, height / 800))
    readonly property real gap: 16 * k
    title: words.audience + " · " + view.title
    color: "#16181c"
    visible: false

    Item {
        id: body
        objectName: "consoleBody"
        anchors.fill: parent
        focus: true
        Keys.onPressed: (event) => { event.accepted = root.kiosk.keys.handle(event.key, event.modifiers, event.nativeScanCode) }

        // the time, across the top: elapsed, time left (amber, then red), clock
        Row {
            id: timeRow
            objectName: "consoleTimer"
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: root.gap }
            spacing: root.gap * 2
            ConsoleTime { k: root.k; label: root.words.elapsed; value: root.timer.elapsed; objectName: "elapsed"
                          note: root.timer.paused ? root.words.paused : root.timer.running ? "" : root.words.waiting
                          dim: root.timer.paused }
            ConsoleTime {
                objectName: "timeLeft"
                visible: root.timer.left !== ""
                k: root.k
                label: root.words.left
                value: root.timer.left
                phase: root.timer.phase
            }
            ConsoleTime { k: root.k; label: root.words.clock; value: root.timer.clock; objectName: "clock" }
        }
        Text {
            objectName: "stepCount"
            visible: root.view.count > 0  // a talk with nothing to show: the notice says why
            anchors { right: parent.right; top: parent.top; margins: root.gap }
            // off the talk (G): what brings it back, in amber, as long as the detour lasts
            text: (root.view.away ? root.words.away.replace("{number}", String(root.view.index + 1))
                   : root.words.step + " " + (root.view.index + 1) + " / " + root.view.count)
                  + (root.view.typed !== "" ? "    " + root.words.go_to + ": " + root.view.typed + "|" : "")
            textFormat: Text.PlainText
            color: root.view.typed !== "" || root.view.away ? "#ffd54a" : "#c8ccd2"
            font.pixelSize: 26 * root.k
        }

        // left: the audience's screen as it is now, then what comes next
        Column {
            id: left
            anchors { left: parent.left; top: timeRow.bottom; bottom: buttons.top; margins: root.gap }
            width: Math.round(parent.width * 0.52)
            spacing: root.gap / 2
            Text {
                text: root.view.current !== "" ? root.words.audience + ": " + root.view.current : root.words.audience
                textFormat: Text.PlainText
                color: "#c8ccd2"
                font.pixelSize: 18 * root.k
                width: parent.width
                elide: Text.ElideRight
            }
            Rectangle {
                objectName: "liveView"
                width: parent.width
                height: Math.round(width * 9 / 16)
                color: "black"
                border.width: root.view.blank !== "" || root.view.frozen ? 4 * root.k : 1
                border.color: root.view.blank !== "" || root.view.frozen ? "#ffd54a" : "#56606c"
                Image {
                    anchors { fill: parent; margins: parent.border.width }
                    source: root.talk.liveUrl
                    cache: false
                    asynchronous: false
                    fillMode: Image.PreserveAspectFit
                }
                Rectangle {
                    objectName: "curtainNote"
                    visible: root.view.blank !== "" || root.view.frozen
                    anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: parent.border.width }
                    height: curtainText.implicitHeight + root.gap
                    color: "#e0161a1f"
                    Text {
                        id: curtainText
                        anchors.centerIn: parent
                        width: parent.width - root.gap
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        text: root.view.blank !== "" ? root.words.blanked : root.words.frozen
                        textFormat: Text.PlainText
                        color: "#ffd54a"
                        font.pixelSize: 18 * root.k
                    }
                }
            }
            // what the next press shows, as a picture (pdfpc's next slide) and in words
            Rectangle {
                id: nextPanel
                objectName: "nextStep"
                width: parent.width
                height: Math.max(90 * root.k, left.height - y)
                radius: 6 * root.k
                color: root.view.ended ? "#7a1c22" : "#23272e"
                NextPicture {
                    id: nextPicture
                    objectName: "nextPicture"
                    // the audience screen's shape, as large as the panel allows
                    anchors { left: parent.left; verticalCenter: parent.verticalCenter; leftMargin: root.gap / 2 }
                    width: visible ? Math.min((parent.height - root.gap) * 16 / 9, parent.width * 0.5) : 0
                    height: Math.round(width * 9 / 16)
                    visible: shows !== ""
                    kiosk: root.kiosk
                    k: root.k
                    // the timeline's next moment shows its exhibit's cover, as its card
                    // does; the map's next place, the map's sign
                    shows: root.view.ended || root.view.nextKind === "end" ? ""
                           : root.view.nextKind === "more" ? "screenful"
                           : root.view.nextKind === "moment" ? "exhibit"
                           : root.view.nextKind === "place" ? "map" : root.view.nextStepKind  // "step", "back"
                    screenful: root.talk.nextUrl
                    picture: root.view.nextImage
                }
                Column {
                    anchors { left: nextPicture.right; right: parent.right; verticalCenter: parent.verticalCenter
                              leftMargin: nextPicture.visible ? root.gap : root.gap / 2; rightMargin: root.gap / 2 }
                    visible: root.view.count > 0  // no step: no "end of the talk" either
                    Text {
                        text: root.view.ended ? root.words.over
                              : root.view.nextKind === "back" ? root.words.back_to_talk : root.words.next
                        textFormat: Text.PlainText
                        color: root.view.ended ? "white" : "#9aa3ad"
                        font.pixelSize: (root.view.ended ? 30 : 17) * root.k
                        font.variableAxes: root.view.ended ? { "wght": Font.Bold } : ({})
                        width: parent.width
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "nextTitle"
                        width: parent.width
                        visible: !root.view.ended
                        text: root.view.nextKind === "more" ? root.words.more + ": " + root.view.nextTitle
                              : root.view.nextKind === "end" ? root.words.end
                              : root.view.nextKind === "back" ? (root.view.index + 1) + ".  " + root.view.nextTitle
                              : root.view.nextTitle
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        color: "white"
                        font.pixelSize: 22 * root.k
                    }
                }
            }
        }

        // right: the notes, then the outline
        Column {
            id: right
            anchors { left: left.right; right: parent.right; top: timeRow.bottom; bottom: buttons.top; margins: root.gap }
            spacing: root.gap / 2
            // what the presenter should know of the content, never on the audience's
            // screen: the talk asked for left out, an edit with errors, edits waiting
            Rectangle {
                id: noticeBox
                objectName: "contentNotices"
                visible: root.view.notices.length > 0
                width: parent.width
                height: visible ? Math.min(noticeColumn.implicitHeight + root.gap, parent.height * 0.45) : 0
                clip: true
                radius: 4 * root.k
                color: root.view.notices.some(n => n.kind !== "edits_waiting") ? "#4a1016" : "#25303b"
                Column {
                    id: noticeColumn
                    x: root.gap / 2
                    y: root.gap / 2
                    width: parent.width - root.gap
                    spacing: root.gap / 3
                    Repeater {
                        model: root.view.notices
                        Column {
                            id: notice
                            required property var modelData
                            width: noticeColumn.width
                            spacing: 3 * root.k
                            Text {
                                objectName: "noticeText"
                                width: parent.width
                                text: notice.modelData.text
                                textFormat: Text.PlainText
                                wrapMode: Text.Wrap
                                color: "white"
                                font.pixelSize: 18 * root.k
                                font.variableAxes: { "wght": Font.Bold }
                            }
                            Repeater {
                                model: notice.modelData.lines
                                Text {
                                    required property string modelData
                                    objectName: "noticeLine"
                                    width: notice.width
                                    text: modelData
                                    textFormat: Text.PlainText
                                    wrapMode: Text.WrapAnywhere
                                    color: "#ffe3e6"
                                    font.pixelSize: 15 * root.k
                                    font.family: "monospace"
                                }
                            }
                        }
                    }
                }
            }
            // "Notes", and beside it the console's language (the notes' own): the buttons
            // along the foot keep to one line on a 1280-wide laptop
            Item {
                id: notesLabel
                width: parent.width
                height: consoleLanguages.height
                Text {
                    visible: root.view.count > 0
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.words.notes
                    textFormat: Text.PlainText
                    color: "#9aa3ad"
                    font.pixelSize: 17 * root.k
                }
                LanguageRow {
                    id: consoleLanguages
                    anchors.right: parent.right
                    label: root.words.notes_language; name: "consoleLanguage_"
                    chosen: root.view.language; onChoose: (code) => root.talk.setLanguage(code)
                }
            }
            // the notes take what the outline leaves (the outline shows every step it
            // can); longer notes are set smaller to fit, never cut: a clicker cannot scroll
            Text {
                id: notes
                objectName: "notes"
                width: parent.width
                height: parent.height - notesLabel.height - outlineLabel.height - outline.height - 3 * parent.spacing
                        - (noticeBox.visible ? noticeBox.height + parent.spacing : 0)
                text: root.view.notes !== "" ? root.view.notes
                      : root.view.away ? root.words.no_page_notes : root.view.count > 0 ? root.words.no_notes : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                elide: Text.ElideRight
                color: root.view.notes !== "" ? "white" : "#7d8590"
                font.pixelSize: 24 * root.k
                fontSizeMode: Text.Fit
                minimumPixelSize: Math.round(14 * root.k)
                lineHeight: 1.15
                verticalAlignment: Text.AlignTop
            }
            // "Outline", and beside it every page of the exhibition (G): a question may ask
            // for one the talk does not show
            Item {
                id: outlineLabel
                visible: root.view.count > 0
                width: parent.width
                height: visible ? pagesButton.height : 0
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: root.words.outline
                    textFormat: Text.PlainText
                    color: "#9aa3ad"
                    font.pixelSize: 17 * root.k
                }
                ConsoleButton { id: pagesButton; objectName: "pagesButton"; k: root.k; anchors.right: parent.right
                                text: root.words.pages; selected: root.view.pagesOpen || root.view.away
                                onActivated: root.talk.togglePages() }
                // off the talk: the way back, for a presenter with a mouse (Esc does the same)
                ConsoleButton { objectName: "backToTalkButton"; k: root.k; visible: root.view.away
                                anchors { right: pagesButton.left; rightMargin: root.gap / 2 }
                                text: root.words.back_to_talk + " (Esc)"
                                onActivated: root.talk.comeBack() }
            }
            ListView {
                id: outline
                objectName: "outline"
                width: parent.width
                // every row one height: the list's own, from its count, not from what it
                // has laid out (which moves as it scrolls, and its height with it)
                readonly property real rowHeight: Math.ceil(rowMetrics.height) + 6 * root.k
                height: Math.min(count * rowHeight, parent.height * 0.6)
                FontMetrics { id: rowMetrics; font.pixelSize: 18 * root.k }
                clip: true
                model: root.view.outline
                currentIndex: root.view.index
                // the step on now with two before it at the top: the steps to come show
                // below it (scrolled just enough to show it, it stayed at the foot)
                highlightFollowsCurrentItem: false
                function showCurrent() { positionViewAtIndex(Math.max(0, currentIndex - 2), ListView.Beginning) }
                onCurrentIndexChanged: Qt.callLater(showCurrent)
                onHeightChanged: Qt.callLater(showCurrent)
                keyNavigationEnabled: false  // a click, or the step's number and Enter
                delegate: Rectangle {
                    id: row
                    required property var modelData
                    required property int index
                    objectName: "outline_" + index
                    width: ListView.view.width
                    height: outline.rowHeight
                    // off the talk, the step it comes back to is outlined, not filled
                    color: index === root.view.index && !root.view.away ? "#2f6f8f" : "transparent"
                    border.width: index === root.view.index && root.view.away ? Math.max(2, 2 * root.k) : 0
                    border.color: "#ffd54a"
                    radius: 4 * root.k
                    Text {
                        id: rowText
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: 8 * root.k }
                        text: row.modelData.number + ".  " + row.modelData.title
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: row.index < root.view.index ? "#8a929c" : "white"
                        font.pixelSize: 18 * root.k
                        font.variableAxes: row.index === root.view.index ? { "wght": Font.Bold } : ({})
                    }
                    TapHandler { onTapped: root.talk.jump(row.index) }
                }
            }
        }

        // the controls, along the foot: each a button, reachable with Tab
        Flow {
            id: buttons
            objectName: "consoleButtons"
            anchors { left: parent.left; right: parent.right; bottom: hint.top; margins: root.gap }
            spacing: root.gap / 2
            ConsoleButton { objectName: "blackButton"; k: root.k; text: root.words.black
                            selected: root.view.blank === "black"; onActivated: root.talk.toggleBlank("black") }
            ConsoleButton { objectName: "whiteButton"; k: root.k; text: root.words.white
                            selected: root.view.blank === "white"; onActivated: root.talk.toggleBlank("white") }
            ConsoleButton { objectName: "freezeButton"; k: root.k; text: root.words.freeze
                            selected: root.view.frozen; onActivated: root.talk.toggleFreeze() }
            ConsoleButton { objectName: "swapButton"; k: root.k; visible: root.view.twoScreens
                            text: root.words.swap; onActivated: root.talk.swap() }
            ConsoleButton { objectName: "hideButton"; k: root.k; visible: !root.view.twoScreens
                            text: root.words.hide; onActivated: root.talk.hide() }
            ConsoleButton { objectName: "talksButton"; k: root.k; visible: root.view.canChoose
                            text: root.words.talks; selected: root.view.choosing
                            onActivated: root.talk.toggleChooser() }
            // the audience's text size and colours, for the room (the kiosk's "Aa", Contrast)
            ConsoleButton { objectName: "textSizeButton"; k: root.k
                            text: root.words.text_size.replace("{percent}", String(root.kiosk.appearance.textPercent))
                            selected: root.kiosk.appearance.textScale > 1
                            onActivated: root.kiosk.appearance.stepTextSize() }
            ConsoleButton { objectName: "contrastButton"; k: root.k; text: root.words.contrast
                            selected: root.kiosk.appearance.highContrast
                            onActivated: root.kiosk.appearance.toggleContrast() }
            // the language row wraps as one: its label never ends a line without its buttons
            LanguageRow { label: root.words.audience_language; name: "audienceLanguage_"
                          chosen: root.kiosk.language.code; onChoose: (code) => root.kiosk.language.choose(code) }
        }
        component LanguageRow: Row {
            id: languageRow
            required property string label
            required property string name  // each button's objectName, before its code
            required property string chosen
            signal choose(code: string)
            spacing: root.gap / 2
            Text {
                text: "  " + languageRow.label + ":"
                textFormat: Text.PlainText
                color: "#9aa3ad"
                font.pixelSize: 17 * root.k
                height: 40 * root.k
                verticalAlignment: Text.AlignVCenter
            }
            Repeater {
                model: root.view.languages
                ConsoleButton {
                    required property string modelData
                    objectName: languageRow.name + modelData
                    k: root.k
                    text: modelData
                    selected: languageRow.chosen === modelData
                    onActivated: languageRow.choose(modelData)
                }
            }
        }
        Text {
            id: hint
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: root.gap }
            text: root.words.keys
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: "#7d8590"
            font.pixelSize: 15 * root.k
        }

        // T: the talks to give instead; G: every page, to show one off the talk. On the
        // console only, never the audience's screen
        ConsoleChoices {
            objectName: "talkChooser"
            anchors.fill: parent
            visible: root.view.choosing
            k: root.k
            heading: root.words.choose_talk
            rows: root.view.choices
            rowName: "choice_"
            keys: root.words.choose_keys
            // talk files with errors: named, so a talk missing above is no mystery
            notesLabel: root.words.talks_left_out
            notes: root.view.talksLeftOut
            noteName: "talkLeftOut"
            typed: root.view.choiceTyped
            onChosen: (index) => root.talk.choose(index)
            onDismissed: root.talk.closeChooser()
        }
        ConsoleChoices {
            objectName: "pageChooser"
            anchors.fill: parent
            visible: root.view.pagesOpen
            k: root.k
            heading: root.words.choose_page
            rows: root.view.pageChoices
            rowName: "page_"
            typed: root.view.pageTyped
            keys: root.words.choose_page_keys
            onChosen: (index) => root.talk.choosePage(index)
            onDismissed: root.talk.closeChooser()
        }

        // Esc with nothing else to leave, F1: on the console, never the audience's screen
        Rectangle {
            objectName: "consoleQuestion"
            anchors.fill: parent
            visible: root.kiosk.presenter.askingToQuit || root.kiosk.presenter.helpVisible
            color: "#f5101215"
            TapHandler { onTapped: { root.kiosk.presenter.hideHelp(); root.kiosk.presenter.cancelQuit() } }
            Column {
                anchors.centerIn: parent
                width: parent.width * 0.8
                spacing: root.gap / 2
                Text {
                    visible: root.kiosk.presenter.askingToQuit
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: root.words.quit + "\n" + root.words.quit_keys
                    textFormat: Text.PlainText
                    color: "white"
                    font.pixelSize: 34 * root.k
                }
                Repeater {
                    model: root.kiosk.presenter.helpVisible ? root.view.keys : []
                    Text {
                        required property var modelData
                        width: parent.width
                        text: modelData.keys + "  —  " + modelData.action
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: "white"
                        font.pixelSize: 19 * root.k
                    }
                }
            }
        }
    }
}
