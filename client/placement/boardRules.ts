import type { Editor, TLEventInfo, TLFrameShape, TLShape, TLShapeId } from 'tldraw';
import { fitToFrame } from '../../shared/placement/frameEdge.ts';
import { laneAt, laneSystemOf } from '../../shared/placement/frames.ts';
import type { SystemId } from '../../shared/domain/systems.ts';
import { SERVICE_CARD_TYPE, type ServiceCardShape } from '../../shared/shapes/index.ts';

/** A shape's box in its parent's coordinates. */
function localBox(editor: Editor, s: TLShape): { x: number; y: number; w: number; h: number } {
  const b = editor.getShapeGeometry(s).bounds;
  return { x: s.x + b.x, y: s.y + b.y, w: b.w, h: b.h };
}

/** The 現在のサービス column (lane) under the middle of `box`, among the lanes of `parentId`. */
function laneUnder(editor: Editor, parentId: TLShape['parentId'], box: { x: number; y: number; w: number; h: number }): SystemId | undefined {
  const lanes = editor
    .getSortedChildIdsForParent(parentId)
    .map((id) => ({ id, system: laneSystemOf(id) }))
    .filter((l): l is { id: TLShapeId; system: SystemId } => l.system !== undefined)
    .map((l) => ({ system: l.system, box: localBox(editor, editor.getShape(l.id)!) }));
  return laneAt(lanes, { x: box.x + box.w / 2, y: box.y + box.h / 2 });
}

/** The system column a service card sits in now, if it sits in one. */
export function laneOfCard(editor: Editor, id: TLShapeId): SystemId | undefined {
  const card = editor.getShape(id);
  return card?.type === SERVICE_CARD_TYPE ? laneUnder(editor, card.parentId, localBox(editor, card)) : undefined;
}

/**
 * A frame's children left across its edge (dragged, resized or drawn there) would be cut off
 * by it: each is moved fully inside when it mostly is, else taken out onto the frame's parent.
 */
export function settleAtFrameEdges(editor: Editor, ids: readonly TLShapeId[]): void {
  if (editor.getIsReadonly()) return;
  editor.run(() => {
    for (const id of ids) {
      const s = editor.getShape(id);
      const frame = s && editor.getShape(s.parentId as TLShapeId);
      if (!s || frame?.type !== 'frame' || s.type === 'arrow') continue;
      const f = frame as TLFrameShape;
      const fit = fitToFrame(localBox(editor, s), { x: 0, y: 0, w: f.props.w, h: f.props.h }, EDGE_MARGIN);
      if (fit.kind === 'move-in') editor.updateShape({ id: s.id, type: s.type, x: s.x + fit.dx, y: s.y + fit.dy });
      else if (fit.kind === 'take-out') editor.reparentShapes([s.id], f.parentId);
    }
  });
}

/** Space kept between a shape moved in and the frame's edge it crossed. */
const EDGE_MARGIN = 16;

/**
 * The board's placement rules for what people do by hand: a new blank service card drawn in
 * a system's column takes that system, and shapes are never left cut off by a frame's edge
 * (after a drag, a resize, drawing, a paste or a duplicate).
 * Returns a function that stops them.
 */
export function registerPlacementRules(editor: Editor): () => void {
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== SERVICE_CARD_TYPE) return shape;
    const card = shape as ServiceCardShape;
    if (card.props.service.trim() !== '') return shape; // a copy keeps its system; the panel offers the column's
    const lane = laneUnder(editor, card.parentId, { x: card.x, y: card.y, w: card.props.w, h: card.props.h });
    return lane && lane !== card.props.system ? { ...card, props: { ...card.props, system: lane } } : shape;
  });
  // A gesture (drag, resize, drawing) ends with the pointer going up; the editor has handled
  // it (a drop into a frame included) before telling listeners. Not a `react` on the editor's
  // state: an effect kept on its signals makes the editor too deep for the browser tests'
  // `page.evaluate` to return it.
  const onEvent = (info: TLEventInfo) => {
    if (info.type !== 'pointer' || info.name !== 'pointer_up') return;
    const ids = [...editor.getSelectedShapeIds()];
    if (ids.length > 0) queueMicrotask(() => settleAtFrameEdges(editor, ids));
  };
  editor.on('event', onEvent);
  // Shapes created without a gesture (pasted, duplicated) get the same rule once the editor has
  // put them in place; a shape being drawn is settled when its gesture ends, above.
  let created: TLShapeId[] = [];
  const stopAfterCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || editor.inputs.getIsPointing()) return;
    if (created.length === 0) {
      queueMicrotask(() => {
        const ids = created;
        created = [];
        settleAtFrameEdges(editor, ids.filter((id) => editor.getShape(id)));
      });
    }
    created.push(shape.id);
  });
  return () => {
    stopCreate();
    stopAfterCreate();
    editor.off('event', onEvent);
  };
}
