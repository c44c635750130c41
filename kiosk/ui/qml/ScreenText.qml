import QtQuick

// Text on screen that a screen reader reads too: Qt Quick leaves a plain Text out of
// the accessibility tree, so Orca would hear the buttons and nothing else. Its name is
// the text as shown, in the visitor's language; a heading sets its role to Heading.
Text {
    textFormat: Text.PlainText
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    Accessible.ignored: text === "" || !visible
}
