.pragma library

// Where a screenful scrolled by PageDown / PageUp should stop: the screen's top edge
// on the top of a line, never through one. A talk's audience reads each screenful as
// a slide; half a line at its top reads as a broken screen.
//
// ``root``: the page's content to look in (its texts, at any depth); ``content``: the
// flickable's contentItem; ``y``: the top edge asked for, in content coordinates.
// Returns ``y``, or the top of the line it cuts through (at most one line higher).
function lineTop(root, content, y) {
    let best = y
    const stack = [root]
    while (stack.length > 0) {
        const item = stack.pop()
        if (!item.visible)
            continue
        for (let i = 0; i < item.children.length; ++i)
            stack.push(item.children[i])
        if (item.lineCount === undefined || item.lineCount < 1 || item.contentHeight <= 0)
            continue
        const box = item.mapToItem(content, 0, item.topPadding, item.width, item.contentHeight)
        if (box.y >= y || box.y + box.height <= y)
            continue
        const line = box.height / item.lineCount  // a text's lines are one height
        best = Math.min(best, box.y + Math.floor((y - box.y) / line) * line)
    }
    return best
}
