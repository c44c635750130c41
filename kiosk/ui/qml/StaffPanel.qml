import QtQuick

// Placeholder until the staff panel lands: a PIN pad and status for staff.
Rectangle {
    id: panel
    required property var staff
    required property var ui
    objectName: "staffPanel"
    color: Qt.rgba(0, 0, 0, 0.8)
    TapHandler { onTapped: panel.staff.close() }
}
