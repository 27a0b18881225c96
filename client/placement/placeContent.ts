import type { Editor, TLFrameShape, TLShapeId } from 'tldraw';
import { applyResizes, placeNewShape } from './placeNewShape.ts';

/** The frame (top level, unrotated) whose page box holds `point`, the topmost first. */
function frameAt(editor: Editor, point: { x: number; y: number }): TLFrameShape | undefined {
  const frames = editor.getCurrentPageShapesSorted().filter((s): s is TLFrameShape => s.type === 'frame' && s.parentId === editor.getCurrentPageId());
  return frames.reverse().find((f) => editor.getShapePageBounds(f)?.containsPoint(point));
}

/**
 * Shapes just pasted (a shared private note): when they landed on a frame — as its children or
 * over it — they move, together, into a free spot fully inside that frame (which grows when
 * full), so nothing is clipped by its edge or covers another shape. Off any frame, they stay.
 */
export function settleIntoFrame(editor: Editor, ids: readonly TLShapeId[]): void {
  if (ids.length === 0 || editor.getIsReadonly()) return;
  const union = editor.getShapesPageBounds([...ids]);
  if (!union) return;
  const parents = new Set(ids.map((id) => editor.getShape(id)?.parentId));
  const [only] = [...parents];
  const parent = parents.size === 1 && only ? editor.getShape(only as TLShapeId) : undefined;
  const frame = parent?.type === 'frame' ? (parent as TLFrameShape) : frameAt(editor, union.center);
  if (!frame || frame.parentId !== editor.getCurrentPageId()) return;
  const at = placeNewShape(editor, { kind: 'note', w: union.w, h: union.h, preferredFrameId: frame.id, exclude: ids });
  editor.run(() => {
    applyResizes(editor, at.resizes);
    editor.reparentShapes([...ids], frame.id);
    // Frames here sit on the page unrotated, so a page offset is a local one.
    const dx = frame.x + at.x - union.x;
    const dy = frame.y + at.y - union.y;
    for (const id of ids) {
      const s = editor.getShape(id);
      if (s) editor.updateShape({ id: s.id, type: s.type, x: s.x + dx, y: s.y + dy });
    }
  });
  // The sharer sees where the note went (it may be below the frame's last shape).
  const moved = editor.getShapesPageBounds([...ids]);
  if (moved && !editor.getViewportPageBounds().contains(moved)) editor.centerOnPoint(moved.center);
}
