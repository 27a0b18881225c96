import type { Editor, TLArrowBinding, TLFrameShape, TLShape, TLShapeId } from 'tldraw';
import { SERVICE_CARD_TYPE, type ServiceCardShape } from '../../shared/shapes/index.ts';
import { isAfterMoveFrameName, type Rect } from './placement.ts';
import type { CardLink, SummaryCard } from './summaryView.ts';

/** Every service card of the board, on every page. */
export function allServiceCards(editor: Editor): ServiceCardShape[] {
  const out: ServiceCardShape[] = [];
  for (const page of editor.getPages()) {
    for (const id of editor.getPageShapeIds(page.id)) {
      const shape = editor.getShape(id);
      if (shape?.type === SERVICE_CARD_TYPE) out.push(shape);
    }
  }
  return out;
}

/** The cards an arrow leads between (start-bound shape → end-bound shape), on every page. */
export function arrowLinks(editor: Editor): CardLink[] {
  const out: CardLink[] = [];
  for (const page of editor.getPages()) {
    for (const id of editor.getPageShapeIds(page.id)) {
      const shape = editor.getShape(id);
      if (shape?.type !== 'arrow') continue;
      const bindings = editor.getBindingsFromShape<TLArrowBinding>(shape, 'arrow');
      const start = bindings.find((b) => b.props.terminal === 'start');
      const end = bindings.find((b) => b.props.terminal === 'end');
      if (start && end) out.push({ from: start.toId, to: end.toId });
    }
  }
  return out;
}

/** The summary's input: the cards and the arrows between them. */
export function summaryInput(editor: Editor): { cards: SummaryCard[]; links: CardLink[] } {
  const cards = allServiceCards(editor).map((c) => ({ id: c.id, system: c.props.system, service: c.props.service, serviceId: c.props.serviceId, status: c.props.status }));
  return { cards, links: arrowLinks(editor) };
}

/** The 移行後・提案 frame on the page of `shape` (a frame whose name starts with 移行後), if any. */
export function findAfterMoveFrame(editor: Editor, near: TLShape): TLFrameShape | undefined {
  const pageId = editor.getAncestorPageId(near);
  if (!pageId) return undefined;
  for (const id of editor.getPageShapeIds(pageId)) {
    const shape = editor.getShape(id);
    if (shape?.type === 'frame' && isAfterMoveFrameName(shape.props.name)) return shape;
  }
  return undefined;
}

/** A shape's box in its parent's coordinates (rotation ignored: cards are upright). */
export function localRect(editor: Editor, shape: TLShape): Rect {
  const b = editor.getShapeGeometry(shape).bounds;
  return { x: shape.x + b.x, y: shape.y + b.y, w: b.w, h: b.h };
}

/** A shape's box on the page. */
export function pageRect(editor: Editor, shape: TLShape | TLShapeId): Rect | undefined {
  const b = editor.getShapePageBounds(shape);
  return b ? { x: b.x, y: b.y, w: b.w, h: b.h } : undefined;
}

/** Selects shapes (switching page if needed) and brings them into view. */
export function showShapes(editor: Editor, ids: readonly string[]): void {
  const shapes = ids.map((id) => editor.getShape(id as TLShapeId)).filter((s): s is TLShape => s !== undefined);
  const first = shapes[0];
  if (!first) return;
  const pageId = editor.getAncestorPageId(first);
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId);
  editor.select(...shapes.map((s) => s.id));
  const bounds = editor.getSelectionPageBounds();
  if (bounds) editor.zoomToBounds(bounds, { inset: 120, animation: { duration: 200 } });
}
