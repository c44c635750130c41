import QtQuick

// As many rows as ``wanted``, for a Repeater or a list whose delegates read their data
// by index: grown and shrunk at the end, so when the number changes (an exhibit with
// another number of sections, paragraphs, facts or pictures than the last) the
// delegates already made stay and only the difference is made or dropped. A number as
// the model would make every delegate anew at each change.
ListModel {
    property int wanted: 0
    onWantedChanged: follow()
    Component.onCompleted: follow()
    function follow() {
        if (count > wanted) remove(wanted, count - wanted)
        const more = []
        for (let i = count; i < wanted; i++) more.push({})
        if (more.length > 0) append(more)
    }
}
