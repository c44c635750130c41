import QtQuick

// Staff only, in English: the PIN pad, then content status, today's numbers and three
// actions. It covers the whole window and lets no touch or key through to the visitor views.
Rectangle {
    id: panel
    required property var staff
    required property var ui
    objectName: "staffPanel"
    color: "#15191F"

    readonly property color text: "#F4F5F7"
    readonly property color muted: "#AEB6C2"
    readonly property color card: "#363E4A"
    readonly property color errorColor: "#FF9C9C"
    readonly property color warningColor: "#F5C451"
    readonly property var status: staff.status
    readonly property var today: status.today || ({})
    readonly property bool wide: width > height
    property bool confirmQuit: false
    property Item previousFocus: null

    component Heading: Text {
        width: parent ? parent.width : 0
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        topPadding: panel.ui.gap
        font.pixelSize: panel.ui.heading
        font.weight: Font.Bold
        color: panel.text
    }
    component Line: Text {
        width: parent ? parent.width : 0
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        font.pixelSize: panel.ui.body
        color: panel.text
    }
    component Problem: Text {
        width: parent ? parent.width : 0
        textFormat: Text.PlainText
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        font.pixelSize: panel.ui.caption
        font.family: "monospace"
    }

    // keys and focus: the pad takes digits, Esc closes, nothing reaches the visitor views
    readonly property bool unlocked: staff.unlocked
    onUnlockedChanged: unlocked ? panel.forceActiveFocus() : pinPad.forceActiveFocus()
    Component.onCompleted: {
        previousFocus = Window.activeFocusItem
        unlocked ? panel.forceActiveFocus() : pinPad.forceActiveFocus()
    }
    Component.onDestruction: if (previousFocus) previousFocus.forceActiveFocus()
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Escape) staff.close()
        event.accepted = true
    }

    MouseArea {
        anchors.fill: parent
        onPressed: panel.staff.activity()
        onWheel: (wheel) => { wheel.accepted = true }
    }

    Item {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: panel.ui.margin }
        height: Math.max(titleColumn.implicitHeight, closeButton.height)

        Column {
            id: titleColumn
            anchors { left: parent.left; right: buttons.left; rightMargin: panel.ui.gap }
            Text {
                objectName: "staffTitle"
                width: parent.width
                text: panel.staff.unlocked ? "Staff panel" : "Staff"
                textFormat: Text.PlainText
                elide: Text.ElideRight
                font.pixelSize: panel.ui.title
                font.weight: Font.Bold
                color: panel.text
            }
            Text {
                objectName: "trialNote"
                visible: panel.staff.trialMode
                width: parent.width
                text: "No PIN (trial mode): anyone can open this panel"
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: panel.ui.caption
                color: panel.warningColor
            }
        }
        Row {
            id: buttons
            anchors { right: parent.right; top: parent.top }
            spacing: panel.ui.gap
            NavButton {
                objectName: "refreshButton"
                visible: panel.staff.unlocked
                ui: panel.ui
                text: "Refresh"
                onActivated: panel.staff.refresh()
            }
            NavButton {
                id: closeButton
                objectName: "closeButton"
                ui: panel.ui
                text: "Close"
                onActivated: panel.staff.close()
            }
        }
    }

    // locked: the pad -------------------------------------------------------------------
    PinPad {
        id: pinPad
        objectName: "pinPad"
        visible: !panel.staff.unlocked
        anchors.centerIn: parent
        anchors.verticalCenterOffset: header.height / 2
        width: Math.min(parent.width - 2 * panel.ui.margin, Math.round(720 * panel.ui.k))
        ui: panel.ui
        message: panel.staff.message
        locked: panel.staff.lockedSeconds > 0
        minDigits: panel.staff.minDigits
        maxDigits: panel.staff.maxDigits
        onSubmitted: (pin) => panel.staff.submitPin(pin)
        onTouched: panel.staff.activity()
    }

    // unlocked: status and actions --------------------------------------------------------
    Item {
        id: body
        objectName: "staffBody"
        visible: panel.staff.unlocked
        anchors {
            left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom
            leftMargin: panel.ui.margin; rightMargin: panel.ui.margin
            topMargin: panel.ui.gap; bottomMargin: panel.ui.margin
        }

        Item {
            id: panelMessage
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: messageText.text === "" ? 0 : messageText.implicitHeight + panel.ui.gap / 2
            Text {
                id: messageText
                objectName: "panelMessage"
                width: parent.width
                text: panel.staff.unlocked ? panel.staff.message : ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: panel.ui.body
                font.weight: Font.DemiBold
                color: panel.warningColor
            }
        }

        Flickable {
            id: flick
            objectName: "statusFlick"
            // side by side when wide, stacked when tall (plain geometry: anchors that
            // switch between set and undefined leave stale widths behind)
            x: 0
            y: panelMessage.height
            width: panel.wide ? side.x - panel.ui.margin : parent.width
            height: (panel.wide ? parent.height : side.y - panel.ui.gap) - y
            clip: true
            contentWidth: width
            contentHeight: statusColumn.implicitHeight + panel.ui.gap
            boundsBehavior: Flickable.StopAtBounds
            onMovementStarted: panel.staff.activity()

            Column {
                id: statusColumn
                width: flick.width
                spacing: Math.round(8 * panel.ui.k)

                Heading { text: "Content"; topPadding: 0 }
                Line {
                    objectName: "statusVersion"
                    text: "Version: " + (panel.status.contentVersion || "unknown")
                }
                Line {
                    objectName: "statusLoadedAt"
                    text: "Loaded: " + (panel.status.loadedAt || "unknown")
                }
                Line {
                    objectName: "statusPending"
                    visible: (panel.status.pending || "") !== ""
                    text: "Waiting to swap in at the attract loop: " + (panel.status.pending || "")
                    color: panel.warningColor
                }
                Line {
                    objectName: "statusMode"
                    visible: (panel.status.mode || "") !== ""
                    text: "Mode: " + (panel.status.mode || "")
                }

                Heading { text: "Last reload" }
                Line {
                    objectName: "statusClean"
                    visible: (panel.status.errors || []).length === 0 && (panel.status.warnings || []).length === 0
                    text: "No errors or warnings"
                    color: panel.muted
                }
                Line {
                    objectName: "errorCount"
                    visible: (panel.status.errors || []).length > 0
                    text: (panel.status.errors || []).length === 1 ? "1 error: the last good content stays on screen"
                        : (panel.status.errors || []).length + " errors: the last good content stays on screen"
                    color: panel.errorColor
                }
                Repeater {
                    model: panel.status.errors || []
                    delegate: Problem {
                        required property string modelData
                        objectName: "statusError"
                        text: modelData
                        color: panel.errorColor
                    }
                }
                Line {
                    objectName: "warningCount"
                    visible: (panel.status.warnings || []).length > 0
                    text: (panel.status.warnings || []).length === 1 ? "1 warning"
                        : (panel.status.warnings || []).length + " warnings"
                    color: panel.warningColor
                }
                Repeater {
                    model: panel.status.warnings || []
                    delegate: Problem {
                        required property string modelData
                        objectName: "statusWarning"
                        text: modelData
                        color: panel.warningColor
                    }
                }

                Heading { text: "Images" }
                Line {
                    objectName: "statusCache"
                    text: panel.status.cache || "unknown"
                }
                Line { objectName: "statusSpeech"; visible: text !== ""; text: panel.status.speech || "" }

                Heading { text: "Languages" }
                Repeater {
                    model: panel.status.languages || []
                    delegate: Item {
                        id: languageRow
                        required property var modelData
                        objectName: "languageRow"
                        width: statusColumn.width
                        height: Math.max(languageName.implicitHeight, panel.ui.body * 1.4)
                        Text {
                            id: languageName
                            anchors { left: parent.left; verticalCenter: parent.verticalCenter }
                            width: Math.round(parent.width * 0.4)
                            text: languageRow.modelData.name + " (" + languageRow.modelData.code + ")"
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            font.pixelSize: panel.ui.body
                            color: panel.text
                        }
                        Rectangle {
                            id: track
                            anchors { left: languageName.right; right: percent.left; verticalCenter: parent.verticalCenter; leftMargin: panel.ui.gap; rightMargin: panel.ui.gap }
                            height: Math.round(14 * panel.ui.k)
                            radius: height / 2
                            color: panel.card
                            Rectangle {
                                width: parent.width * languageRow.modelData.complete / 100
                                height: parent.height
                                radius: parent.radius
                                color: languageRow.modelData.complete >= 100 ? panel.ui.accent2 : panel.warningColor
                            }
                        }
                        Text {
                            id: percent
                            anchors { right: parent.right; verticalCenter: parent.verticalCenter }
                            width: Math.round(90 * panel.ui.k)
                            horizontalAlignment: Text.AlignRight
                            text: languageRow.modelData.complete + " %"
                            textFormat: Text.PlainText
                            font.pixelSize: panel.ui.body
                            color: panel.text
                        }
                    }
                }

                // at a glance: under the action buttons when wide, at the end of the list when tall
                Column {
                    id: todaySection
                    objectName: "todaySection"
                    parent: panel.wide ? actions : statusColumn
                    width: parent ? parent.width : 0
                    spacing: statusColumn.spacing
                    Heading { text: "Today" }
                    Line {
                        objectName: "statusSessions"
                        text: panel.today.sessions === 1 ? "1 visitor session" : (panel.today.sessions || 0) + " visitor sessions"
                    }
                    Line {
                        visible: (panel.today.topExhibits || []).length > 0
                        text: "Most viewed:"
                        color: panel.muted
                    }
                    Repeater {
                        model: panel.today.topExhibits || []
                        delegate: Line {
                            required property string modelData
                            required property int index
                            objectName: "topExhibit"
                            leftPadding: panel.ui.gap
                            text: (index + 1) + ". " + modelData
                        }
                    }
                    Line {
                        objectName: "languageShares"
                        visible: (panel.today.languageShares || []).length > 0
                        text: "Languages: " + (panel.today.languageShares || []).map(s => s.code + " " + s.share + " %").join(",  ")
                    }
                }
            }
        }

        // the actions (and, when wide, today's numbers); scrolls only if a small window needs it
        Flickable {
            id: side
            objectName: "sideFlick"
            x: parent.width - width
            y: panel.wide ? panelMessage.height : parent.height - height
            width: panel.wide ? Math.round(560 * panel.ui.k) : parent.width
            height: panel.wide ? parent.height - y : actions.implicitHeight
            contentWidth: width
            contentHeight: actions.implicitHeight
            interactive: contentHeight > height
            clip: interactive
            boundsBehavior: Flickable.StopAtBounds
            onMovementStarted: panel.staff.activity()

            Column {
                id: actions
                objectName: "staffActions"
                width: side.width
                spacing: panel.ui.gap
                readonly property real buttonHeight: Math.round(1.3 * panel.ui.target)

                NavButton {
                    objectName: "reloadButton"
                    width: parent.width
                    implicitHeight: actions.buttonHeight
                    ui: panel.ui
                    primary: true
                    text: "Reload content now"
                    onActivated: panel.staff.reloadNow()
                }
                NavButton {
                    objectName: "attractButton"
                    width: parent.width
                    implicitHeight: actions.buttonHeight
                    ui: panel.ui
                    text: "Return to attract loop"
                    onActivated: panel.staff.returnToAttract()
                }
                NavButton {
                    objectName: "quitButton"
                    visible: !panel.confirmQuit
                    width: parent.width
                    implicitHeight: actions.buttonHeight
                    ui: panel.ui
                    text: "Quit kiosk"
                    onActivated: { panel.confirmQuit = true; confirmTimeout.restart() }
                }
                Row {
                    // the confirmation takes the Quit button's place for a few seconds
                    objectName: "quitConfirmRow"
                    visible: panel.confirmQuit
                    width: parent.width
                    spacing: panel.ui.gap
                    NavButton {
                        objectName: "quitConfirmButton"
                        width: (parent.width - parent.spacing) / 2
                        implicitHeight: actions.buttonHeight
                        ui: panel.ui
                        primary: true
                        text: "Really quit"
                        onActivated: { panel.confirmQuit = false; panel.staff.quit() }
                    }
                    NavButton {
                        objectName: "quitCancelButton"
                        width: (parent.width - parent.spacing) / 2
                        implicitHeight: actions.buttonHeight
                        ui: panel.ui
                        text: "Cancel"
                        onActivated: panel.confirmQuit = false
                    }
                }
            }
        }
    }

    Timer {
        id: confirmTimeout
        interval: 8000
        onTriggered: panel.confirmQuit = false
    }
}
