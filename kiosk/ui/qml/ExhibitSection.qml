import QtQuick

// One section of an exhibit page: heading, text, and an optional image with its caption.
Column {
    id: section
    required property var kiosk
    required property var ui
    required property var modelData
    spacing: ui.gap
    topPadding: ui.gap

    SectionHeading {
        objectName: "sectionHeading"
        ui: section.ui
        text: section.modelData.heading
    }
    TextBlocks { width: parent.width; ui: section.ui; blocks: section.modelData.blocks }
    Column {
        visible: !!section.modelData.image
        width: parent.width
        spacing: section.ui.gap / 3
        RenditionImage {
            width: parent.width
            height: section.modelData.image ? Math.round(width / Math.max(1.2, section.modelData.image.aspect)) : 0
            visible: !!section.modelData.image
            kiosk: section.kiosk
            ui: section.ui
            key: section.modelData.image ? section.modelData.image.key : ""
            alt: section.modelData.image ? section.modelData.image.alt : ""
            fillMode: Image.PreserveAspectFit
        }
        ScreenText {
            width: parent.width
            text: section.modelData.image ? [section.modelData.image.caption, section.modelData.image.credit].filter(t => t !== "").join(" · ") : ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: section.ui.caption
            color: section.ui.muted
        }
    }
}
