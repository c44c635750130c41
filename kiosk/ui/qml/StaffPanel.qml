import QtQuick

// Staff only, in English: the PIN pad, then content status, today's numbers and three
// actions. It covers the whole window and lets no touch or key through to the visitor views.
Rectangle {
    id: panel
    required property var staff
    required property var ui
    objectName: "staffPanel"
    color: colors.background
    // a screen reader hears a dialog named by its title; the pad or the panel has the focus
    Accessible.role: Accessible.Dialog
    Accessible.name: staffTitle.text

    readonly property StaffColors colors: StaffColors {}

    readonly property var status: staff.status
    readonly property var today: status.today || ({})
    readonly property bool wide: width > height
    property bool confirmQuit: false
    property Item previousFocus: null

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
            ScreenText {
                id: staffTitle
                objectName: "staffTitle"
                Accessible.role: Accessible.Heading
                width: parent.width
                text: panel.staff.unlocked ? "Staff panel" : "Staff"
                textFormat: Text.PlainText
                elide: Text.ElideRight
                font.pixelSize: panel.ui.title
                font.weight: Font.Bold
                color: panel.colors.text
            }
            ScreenText {
                objectName: "trialNote"
                visible: panel.staff.trialMode
                width: parent.width
                text: panel.staff.noPinNote
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: panel.ui.caption
                color: panel.colors.warning
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
        colors: panel.colors
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
            // a line of its own, kept when empty: a message never pushes the buttons
            id: panelMessage
            objectName: "panelMessageLine"
            anchors { left: parent.left; right: parent.right; top: parent.top }
            height: Math.ceil(messageText.font.pixelSize * 1.5) + panel.ui.gap / 2
            ScreenText {
                id: messageText
                objectName: "panelMessage"
                width: parent.width
                text: panel.staff.unlocked ? panel.staff.message : ""
                textFormat: Text.PlainText
                maximumLineCount: 1
                elide: Text.ElideRight
                font.pixelSize: panel.ui.body
                font.weight: Font.DemiBold
                color: panel.colors.warning
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

                StaffHeading { ui: panel.ui; colors: panel.colors; text: "Content"; topPadding: 0 }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "statusVersion"
                    text: "Version: " + (panel.status.contentVersion || "unknown")
                }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "statusLoadedAt"
                    text: "Loaded: " + (panel.status.loadedAt || "unknown")
                }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "statusPending"
                    visible: (panel.status.pending || "") !== ""
                    text: "Waiting to swap in at the attract loop: " + (panel.status.pending || "")
                    color: panel.colors.warning
                }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "statusMode"
                    visible: (panel.status.mode || "") !== ""
                    text: "Mode: " + (panel.status.mode || "")
                }

                StaffHeading { ui: panel.ui; colors: panel.colors; text: "Last reload" }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "statusClean"
                    visible: (panel.status.errors || []).length === 0 && (panel.status.warnings || []).length === 0
                    text: "No errors or warnings"
                    color: panel.colors.muted
                }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "errorCount"
                    visible: (panel.status.errors || []).length > 0
                    text: (panel.status.errors || []).length === 1 ? "1 error: the last good content stays on screen"
                        : (panel.status.errors || []).length + " errors: the last good content stays on screen"
                    color: panel.colors.error
                }
                Repeater {
                    model: panel.status.errors || []
                    delegate: StaffProblem {
                        ui: panel.ui
                        required property string modelData
                        objectName: "statusError"
                        text: modelData
                        color: panel.colors.error
                    }
                }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "warningCount"
                    visible: (panel.status.warnings || []).length > 0
                    text: (panel.status.warnings || []).length === 1 ? "1 warning"
                        : (panel.status.warnings || []).length + " warnings"
                    color: panel.colors.warning
                }
                Repeater {
                    model: panel.status.warnings || []
                    delegate: StaffProblem {
                        ui: panel.ui
                        required property string modelData
                        objectName: "statusWarning"
                        text: modelData
                        color: panel.colors.warning
                    }
                }

                StaffHeading { ui: panel.ui; colors: panel.colors; text: "Images" }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "statusCache"
                    text: panel.status.cache || "unknown"
                }
                StaffLine {
                    ui: panel.ui; colors: panel.colors
                    objectName: "statusSpeech"
                    visible: text !== ""
                    text: panel.status.speech || ""
                }

                StaffHeading { ui: panel.ui; colors: panel.colors; text: "Languages" }
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
                            color: panel.colors.text
                        }
                        Rectangle {
                            id: track
                            anchors { left: languageName.right; right: percent.left; verticalCenter: parent.verticalCenter; leftMargin: panel.ui.gap; rightMargin: panel.ui.gap }
                            height: Math.round(14 * panel.ui.k)
                            radius: height / 2
                            color: panel.colors.card
                            Rectangle {
                                width: parent.width * languageRow.modelData.complete / 100
                                height: parent.height
                                radius: parent.radius
                                color: languageRow.modelData.complete >= 100 ? panel.ui.accent2 : panel.colors.warning
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
                            color: panel.colors.text
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
                    StaffHeading { ui: panel.ui; colors: panel.colors; text: "Today" }
                    StaffLine {
                        ui: panel.ui; colors: panel.colors
                        objectName: "statusSessions"
                        text: panel.today.sessions === 1 ? "1 visitor session" : (panel.today.sessions || 0) + " visitor sessions"
                    }
                    StaffLine {
                        ui: panel.ui; colors: panel.colors
                        visible: (panel.today.topExhibits || []).length > 0
                        text: "Most viewed:"
                        color: panel.colors.muted
                    }
                    Repeater {
                        model: panel.today.topExhibits || []
                        delegate: StaffLine {
                            ui: panel.ui; colors: panel.colors
                            required property string modelData
                            required property int index
                            objectName: "topExhibit"
                            leftPadding: panel.ui.gap
                            text: (index + 1) + ". " + modelData
                        }
                    }
                    StaffLine {
                        ui: panel.ui; colors: panel.colors
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
                    onActivated: { panel.confirmSecondsLeft = panel.confirmSeconds; panel.confirmQuit = true; confirmTimeout.restart() }
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
                        fill: panel.colors.danger  // destructive: a warning colour, not the teal
                        text: "Really quit (" + panel.confirmSecondsLeft + ")"
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

    // the confirmation counts down on the button, then gives way to Quit again
    property int confirmSeconds: 8
    property int confirmSecondsLeft: confirmSeconds
    property int confirmTickMs: 1000  // tests shorten the second
    Timer {
        id: confirmTimeout
        interval: panel.confirmTickMs
        repeat: true
        running: panel.confirmQuit
        onTriggered: {
            panel.confirmSecondsLeft -= 1
            if (panel.confirmSecondsLeft <= 0) panel.confirmQuit = false
        }
    }
}
