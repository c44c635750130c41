import QtQuick

// One exhibit: hero, title, summary, sections, fact cards and a gallery strip.
Rectangle {
    id: page
    required property var kiosk
    required property var ui
    readonly property var content: kiosk.page
    readonly property real columnWidth: Math.min(width - 2 * ui.margin, ui.measure)
    color: ui.background
    objectName: "exhibitPage"

    function resetView() { flick.contentY = 0 }

    Flickable {
        id: flick
        objectName: "exhibitFlick"
        anchors.fill: parent
        contentHeight: body.height + page.ui.margin * 2
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        flickDeceleration: 2500
        maximumFlickVelocity: 6000

        Column {
            id: body
            width: flick.width
            spacing: page.ui.gap * 1.5

            RenditionImage {
                objectName: "hero"
                width: parent.width
                height: Math.round(Math.min(page.height * (page.ui.portrait ? 0.3 : 0.42), width / 1.5))
                kiosk: page.kiosk
                ui: page.ui
                key: page.content.hero ? page.content.hero.key : ""
                alt: page.content.hero ? page.content.hero.alt : ""
                Text {
                    anchors { right: parent.right; bottom: parent.bottom; margins: page.ui.gap / 2 }
                    text: page.content.hero ? page.content.hero.credit : ""
                    textFormat: Text.PlainText
                    font.pixelSize: page.ui.caption
                    color: "white"
                    style: Text.Outline
                    styleColor: Qt.rgba(0, 0, 0, 0.5)
                }
            }

            Column {
                x: (parent.width - width) / 2
                width: page.columnWidth
                spacing: page.ui.gap

                Text {
                    objectName: "pageTitle"
                    width: parent.width
                    text: page.content.title || ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.title
                    font.weight: Font.Bold
                    color: page.ui.ink
                }
                Text {
                    objectName: "pageSubtitle"
                    width: parent.width
                    text: page.content.subtitle || ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.heading * 0.85
                    color: page.ui.accent
                }
                TextBlocks {
                    objectName: "summary"
                    width: parent.width
                    ui: page.ui
                    blocks: page.content.summary || []
                    fontSize: page.ui.body * 1.08
                }

                Repeater {
                    model: page.content.sections || []
                    Column {
                        id: section
                        required property var modelData
                        width: parent.width
                        spacing: page.ui.gap
                        topPadding: page.ui.gap
                        Text {
                            objectName: "sectionHeading"
                            width: parent.width
                            text: section.modelData.heading
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                            font.pixelSize: page.ui.heading
                            font.weight: Font.Bold
                            color: page.ui.ink
                        }
                        TextBlocks { width: parent.width; ui: page.ui; blocks: section.modelData.blocks }
                        Column {
                            visible: !!section.modelData.image
                            width: parent.width
                            spacing: page.ui.gap / 3
                            RenditionImage {
                                width: parent.width
                                height: section.modelData.image ? Math.round(width / Math.max(1.2, section.modelData.image.aspect)) : 0
                                visible: !!section.modelData.image
                                kiosk: page.kiosk
                                ui: page.ui
                                key: section.modelData.image ? section.modelData.image.key : ""
                                alt: section.modelData.image ? section.modelData.image.alt : ""
                                fillMode: Image.PreserveAspectFit
                            }
                            Text {
                                width: parent.width
                                text: section.modelData.image ? [section.modelData.image.caption, section.modelData.image.credit].filter(t => t !== "").join(" · ") : ""
                                textFormat: Text.PlainText
                                wrapMode: Text.Wrap
                                font.pixelSize: page.ui.caption
                                color: page.ui.muted
                            }
                        }
                    }
                }

                Text {
                    objectName: "factsHeading"
                    visible: (page.content.facts || []).length > 0
                    topPadding: page.ui.gap
                    width: parent.width
                    text: page.kiosk.strings.facts || ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.heading
                    font.weight: Font.Bold
                    color: page.ui.ink
                }
                Flow {
                    id: facts
                    width: parent.width
                    spacing: page.ui.gap
                    readonly property int columns: width > 900 * page.ui.k ? 3 : 2
                    Repeater {
                        model: page.content.facts || []
                        FactCard {
                            required property var modelData
                            width: (facts.width - (facts.columns - 1) * facts.spacing) / facts.columns
                            ui: page.ui
                            label: modelData.label
                            value: modelData.value
                        }
                    }
                }

                Text {
                    objectName: "galleryHeading"
                    visible: (page.content.gallery || []).length > 0
                    topPadding: page.ui.gap
                    width: parent.width
                    text: page.kiosk.strings.gallery || ""
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: page.ui.heading
                    font.weight: Font.Bold
                    color: page.ui.ink
                }
            }

            ListView {
                id: strip
                objectName: "galleryStrip"
                visible: count > 0
                x: Math.max(0, (parent.width - page.columnWidth) / 2)
                width: parent.width - x
                height: Math.round(260 * page.ui.k)
                orientation: ListView.Horizontal
                spacing: page.ui.gap
                rightMargin: page.ui.margin
                boundsBehavior: Flickable.StopAtBounds
                model: page.content.gallery || []
                delegate: Rectangle {
                    id: thumb
                    required property var modelData
                    required property int index
                    objectName: "galleryThumb_" + index
                    width: Math.round(strip.height * 1.5)
                    height: strip.height
                    radius: page.ui.radius
                    color: page.ui.surface
                    clip: true
                    opacity: thumbTap.pressed ? 0.8 : 1
                    Accessible.role: Accessible.Button
                    Accessible.name: modelData.alt
                    RenditionImage {
                        anchors.fill: parent
                        kiosk: page.kiosk
                        ui: page.ui
                        key: thumb.modelData.thumb
                        alt: thumb.modelData.alt
                    }
                    TapHandler {
                        id: thumbTap
                        gesturePolicy: TapHandler.ReleaseWithinBounds
                        onTapped: page.kiosk.nav.openGallery(thumb.index)
                    }
                }
            }
        }
    }
}
