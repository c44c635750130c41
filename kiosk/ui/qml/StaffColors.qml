import QtQuick

// The staff screens' own dark palette (panel and PIN pad), apart from the visitor theme.
QtObject {
    readonly property color background: "#15191F"
    readonly property color text: "#F4F5F7"
    readonly property color muted: "#AEB6C2"
    readonly property color card: "#363E4A"
    readonly property color key: "#2A313C"
    readonly property color error: "#FF9C9C"
    readonly property color warning: "#F5C451"
    readonly property color locked: "#FFB4B4"
    readonly property color danger: "#C62828"  // white on it: 5.6:1, for destructive actions
}
