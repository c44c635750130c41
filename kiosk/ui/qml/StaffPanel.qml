pragma ComponentBehavior: Bound
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
    readonly property bool wide: width > height
    // today's numbers go beside the actions only when they fit there whole (measured at
    // that column's width, so the choice cannot flip back and forth)
    readonly property real sideWidth: Math.round(560 * ui.k)
    readonly property bool todayBeside: wide
        && actions.buttonsHeight + actions.spacing + todayMeasure.implicitHeight <= side.height
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
                font.variableAxes: { "wght": Font.Bold }
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
        busy: panel.staff.checking
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
                font.variableAxes: { "wght": Font.DemiBold }
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

                StaffRows { ui: panel.ui; colors: panel.colors; rows: panel.status.rows }
                Repeater {
                    model: panel.status.languages
                    delegate: StaffLanguageRow {
                        ui: panel.ui; colors: panel.colors
                        width: statusColumn.width
                    }
                }

                // at a glance: under the action buttons when wide, at the end of the list when tall
                StaffRows {
                    id: todaySection
                    objectName: "todaySection"
                    parent: panel.todayBeside ? actions : statusColumn
                    followsRows: !panel.todayBeside  // after the languages' bars
                    ui: panel.ui; colors: panel.colors; rows: panel.status.today
                }
            }
        }

        StaffRows {
            id: todayMeasure
            visible: false
            width: panel.sideWidth
            named: false
            ui: panel.ui; colors: panel.colors; rows: panel.status.today
        }
        StaffMoreCue { ui: panel.ui; colors: panel.colors; flick: flick; z: 1 }
        StaffMoreCue { ui: panel.ui; colors: panel.colors; flick: side; z: 1 }

        // the actions (and, when wide, today's numbers); scrolls only if a small window needs it
        Flickable {
            id: side
            objectName: "sideFlick"
            x: parent.width - width
            y: panel.wide ? panelMessage.height : parent.height - height
            width: panel.wide ? panel.sideWidth : parent.width
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
                readonly property real buttonsHeight: 3 * buttonHeight + 2 * spacing

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
                    visible: !panel.staff.quitAsking
                    width: parent.width
                    implicitHeight: actions.buttonHeight
                    ui: panel.ui
                    text: "Quit kiosk"
                    onActivated: panel.staff.askQuit()
                }
                Row {
                    // the confirmation takes the Quit button's place for a few seconds
                    objectName: "quitConfirmRow"
                    visible: panel.staff.quitAsking
                    width: parent.width
                    spacing: panel.ui.gap
                    NavButton {
                        objectName: "quitConfirmButton"
                        width: (parent.width - parent.spacing) / 2
                        implicitHeight: actions.buttonHeight
                        ui: panel.ui
                        primary: true
                        fill: panel.colors.danger  // destructive: a warning colour, not the teal
                        text: panel.staff.quitLabel
                        onActivated: panel.staff.confirmQuit()
                    }
                    NavButton {
                        objectName: "quitCancelButton"
                        width: (parent.width - parent.spacing) / 2
                        implicitHeight: actions.buttonHeight
                        ui: panel.ui
                        text: "Cancel"
                        onActivated: panel.staff.cancelQuit()
                    }
                }
            }
        }
    }
}
