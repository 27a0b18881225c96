import { addPlacedShape } from '../../placement/placeNewShape.ts';
import { type Editor, type TLShape, type TLShapeId, type TLShapePartial } from 'tldraw';

/** Writes some props of a shape, unless the board is read-only. */
export function updateShapeProps<S extends TLShape>(editor: Editor, shape: S, props: Partial<S['props']>): void {
  if (editor.getIsReadonly()) return;
  editor.updateShape({ id: shape.id, type: shape.type, props } as TLShapePartial<S>);
}

/** The top-left corner that centres a box of `size` on `center`. */
export function centeredOrigin(center: { x: number; y: number }, size: { w: number; h: number }): { x: number; y: number } {
  return { x: Math.round(center.x - size.w / 2), y: Math.round(center.y - size.h / 2) };
}

/** The size a new shape of `props` takes: its box, or the span of a line from its origin. */
export function sizeOfProps(props: object): { w: number; h: number } {
  const p = props as { w?: unknown; h?: unknown; end?: { x: number; y: number } };
  if (typeof p.w === 'number' && typeof p.h === 'number') return { w: p.w, h: p.h };
  if (p.end) return { w: p.end.x, h: p.end.y };
  return { w: 0, h: 0 };
}

/**
 * Creates a shape of `type` where it fits (its frame on the board, else near the view's
 * centre; see client/placement) and selects it, one undo step; `undefined` when read-only.
 */
export function createAtViewportCenter(editor: Editor, type: TLShape['type'], props: object = {}): TLShapeId | undefined {
  return addPlacedShape(editor, type, props);
}

/** A rounded-rectangle indicator path. */
export function roundedRectPath(w: number, h: number, r: number): Path2D {
  const path = new Path2D();
  path.roundRect(0, 0, w, h, r);
  return path;
}
