import { createBindingId, createShapeId, type Editor, type TLArrowBinding, type TLShapeId } from 'tldraw';
import { SERVICE_CARD_TYPE, type ServiceCardShape } from '../../shared/shapes/index.ts';
import { findAfterMoveFrame, pageRect } from './boardQueries.ts';
import { applyResizes, placeNewShape } from '../placement/placeNewShape.ts';
import { besideSource } from './placement.ts';
import { proposalProps, transitionViewFor } from './transitionView.ts';

export interface AddProposalOptions {
  /** Which counterpart to add (defaults to the first). */
  counterpart?: string;
  /** Keep the provider under 共生型 when the table allows it (default true). */
  keepProvider?: boolean;
}

export type AddProposalResult =
  | { ok: true; cardId: TLShapeId; arrowId: TLShapeId; inFrame: TLShapeId | null }
  | { ok: false; error: 'readonly' | 'not-a-card' | 'no-counterpart' };

function arrowBinding(arrowId: TLShapeId, toId: TLShapeId, terminal: 'start' | 'end') {
  return {
    id: createBindingId(),
    type: 'arrow' as const,
    fromId: arrowId,
    toId,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' as const },
  } satisfies Partial<TLArrowBinding> & Pick<TLArrowBinding, 'type' | 'fromId' | 'toId'>;
}

/**
 * 移行後の案を追加: adds the 介護保険 (or 共生型) counterpart of a 障害福祉 card as a 提案 card —
 * in the next free slot of the 移行後 frame, or to the right of the source when there is
 * none — and joins the two with an arrow bound at both ends. One undo step.
 */
export function addTransitionProposal(editor: Editor, sourceId: TLShapeId, options: AddProposalOptions = {}): AddProposalResult {
  if (editor.getIsReadonly()) return { ok: false, error: 'readonly' };
  const source = editor.getShape(sourceId);
  if (source?.type !== SERVICE_CARD_TYPE) return { ok: false, error: 'not-a-card' };
  const view = transitionViewFor(source.props);
  if (view.kind !== 'detail') return { ok: false, error: 'no-counterpart' };
  const counterpart = options.counterpart ?? view.detail.counterparts[0];
  if (!counterpart || !view.detail.counterparts.includes(counterpart)) return { ok: false, error: 'no-counterpart' };

  const props = proposalProps(source.props, view.detail, counterpart, options.keepProvider ?? true);
  const card = { w: props.w, h: props.h };
  const cardId = createShapeId();
  const arrowId = createShapeId();
  const frame = findAfterMoveFrame(editor, source);

  editor.run(() => {
    if (frame) {
      const at = placeNewShape(editor, { kind: SERVICE_CARD_TYPE, w: card.w, h: card.h, preferredFrameId: frame.id });
      applyResizes(editor, at.resizes);
      editor.createShape<ServiceCardShape>({ id: cardId, type: SERVICE_CARD_TYPE, parentId: at.parentId, x: at.x, y: at.y, props });
    } else {
      const from = pageRect(editor, source) ?? { x: source.x, y: source.y, w: source.props.w, h: source.props.h };
      const pageId = editor.getAncestorPageId(source) ?? editor.getCurrentPageId();
      const others = [...editor.getPageShapeIds(pageId)]
        .map((id) => editor.getShape(id))
        .filter((s) => s !== undefined && s.type !== 'arrow' && s.type !== 'frame' && s.id !== source.id)
        .map((s) => pageRect(editor, s!.id))
        .filter((r) => r !== undefined);
      const at = besideSource(from, card, others);
      editor.createShape<ServiceCardShape>({ id: cardId, type: SERVICE_CARD_TYPE, parentId: pageId, x: at.x, y: at.y, props });
    }

    const a = pageRect(editor, source.id);
    const b = pageRect(editor, cardId);
    const start = a ? { x: a.x + a.w / 2, y: a.y + a.h / 2 } : { x: source.x, y: source.y };
    const end = b ? { x: b.x + b.w / 2, y: b.y + b.h / 2 } : start;
    editor.createShape({
      id: arrowId,
      type: 'arrow',
      parentId: editor.getAncestorPageId(source) ?? editor.getCurrentPageId(),
      x: start.x,
      y: start.y,
      props: { start: { x: 0, y: 0 }, end: { x: end.x - start.x, y: end.y - start.y }, dash: 'dashed', color: 'violet' },
    });
    editor.createBindings([arrowBinding(arrowId, source.id, 'start'), arrowBinding(arrowId, cardId, 'end')]);
    editor.select(cardId);
  });
  return { ok: true, cardId, arrowId, inFrame: frame?.id ?? null };
}
