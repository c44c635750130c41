pragma ComponentBehavior: Bound
import QtQuick

// A large touch target with a pressed state that shows within a frame. A screen reader
// hears it as a button named by its label, in the language on screen; a button that
// shows only a sign gives `spokenName` (its label, else its sign, by default).
Rectangle {
    id: button
    required property var ui
    property string text: ""
    property string glyph: ""
    property bool primary: false
    property bool selected: false
    // every text this button may show (its label in each language): it is as wide as
    // the longest, so it keeps its size and place when the language changes
    property var widthTexts: []
    property string spokenName: text !== "" ? text : glyph
    signal activated()

    property real maxWidth: 100000
    readonly property real labelRoom: {
        metrics.font  // measured again when the text size changes, not only the words
        let widest = label.implicitWidth
        for (const t of widthTexts) widest = Math.max(widest, Math.ceil(metrics.advanceWidth(t)))
        return widest
    }
    readonly property real glyphRoom: glyph !== "" ? glyphText.width + (text !== "" || widthTexts.length > 0 ? row.spacing : 0) : 0
    implicitHeight: Math.max(ui.target, row.implicitHeight + ui.gap)
    implicitWidth: Math.min(maxWidth, Math.max(ui.target, glyphRoom + (text !== "" || widthTexts.length > 0 ? labelRoom : 0) + 2 * ui.gap))
    // none while hidden (the listen button with no voice, a screen's button under
    // another): the software scene graph draws a rounded rectangle from a picture of
    // its corners, 2r x 2r pixels, made even for one that is not shown
    radius: visible ? Math.min(height / 2, ui.target / 2) : 0
    // a button that does nothing here (Back at home) is clearly not one: no edge and no
    // fill, its words in the muted colour, still readable (not faded to near nothing)
    // pressed: darker, or lighter where the fill is near black already (a selected button
    // in high contrast), where darker was the same black and a touch showed nothing
    color: !enabled ? "transparent"
        : !tap.pressed ? base
        : base.hslLightness < 0.2 ? Qt.tint(base, "#40ffffff") : Qt.darker(base, 1.18)
    border.width: primary || selected || !enabled ? 0 : Math.max(1, 2 * ui.k)
    border.color: ui.line
    property color fill: ui.accent  // of a primary button: a warning colour for destructive ones
    readonly property color base: primary || selected ? fill : ui.surface
    Accessible.role: Accessible.Button
    Accessible.name: spokenName
    Accessible.selected: selected
    Accessible.onPressAction: if (button.enabled) button.activated()
    // the keyboard reaches every button (Tab, Shift+Tab) and Enter or Space presses it;
    // the one with the focus wears a ring, outside it, so no label moves
    activeFocusOnTab: enabled
    Keys.onReturnPressed: (event) => { event.accepted = true; button.activated() }
    Keys.onEnterPressed: (event) => { event.accepted = true; button.activated() }
    Keys.onSpacePressed: (event) => { event.accepted = true; button.activated() }
    Rectangle {
        objectName: "focusRing"
        visible: button.activeFocus
        anchors { fill: parent; margins: -Math.max(3, 5 * button.ui.k) }
        radius: visible ? button.radius + Math.max(3, 5 * button.ui.k) : 0
        color: "transparent"
        border.width: Math.max(2, 3 * button.ui.k)
        border.color: button.ui.ink
    }

    Row {
        id: row
        anchors.centerIn: parent
        spacing: button.ui.gap / 2
        Sign {
            id: glyphText
            visible: button.glyph !== ""
            // a fixed slot: "▶" and "■" differ in width, the button must not
            width: Math.max(implicitWidth, button.ui.heading)
            height: implicitHeight
            sign: button.glyph
            size: button.ui.heading
            color: button.primary || button.selected ? "white" : button.enabled ? button.ui.ink : button.ui.muted
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            id: label
            objectName: "buttonLabel"
            visible: button.text !== ""
            width: Math.min(implicitWidth, button.maxWidth - 2 * button.ui.gap - (button.glyph !== "" ? button.ui.heading + row.spacing : 0))
            wrapMode: Text.Wrap
            text: button.text
            textFormat: Text.PlainText
            font.pixelSize: button.ui.body
            font.variableAxes: { "wght": Font.DemiBold }
            color: button.primary || button.selected ? "white" : button.enabled ? button.ui.ink : button.ui.muted
            anchors.verticalCenter: parent.verticalCenter
        }
    }
    FontMetrics { id: metrics; font: label.font }
    TapHandler {
        id: tap
        enabled: button.enabled
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: button.activated()
    }
}
