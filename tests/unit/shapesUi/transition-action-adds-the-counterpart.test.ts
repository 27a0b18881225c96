// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShapeId, type Editor, type TLArrowBinding, type TLShapeId } from 'tldraw';
import { addTransitionProposal, summaryInput, summaryView } from '../../../client/transition/index.ts';
import type { ServiceCardShape } from '../../../shared/shapes/index.ts';
import { makeEditor } from './editorHarness.ts';

let editor: Editor;
beforeEach(() => {
  editor = makeEditor();
});
afterEach(() => editor.dispose());

function card(props: Partial<ServiceCardShape['props']>, at = { x: 0, y: 0 }, parentId?: TLShapeId): TLShapeId {
  const id = createShapeId();
  editor.createShape<ServiceCardShape>({ id, type: 'rb-service', x: at.x, y: at.y, ...(parentId ? { parentId } : {}), props });
  return id;
}

function frame(name: string, at: { x: number; y: number }, size = { w: 600, h: 220 }): TLShapeId {
  const id = createShapeId();
  editor.createShape({ id, type: 'frame', x: at.x, y: at.y, props: { name, ...size } });
  return id;
}

function bindingsOf(arrowId: TLShapeId): TLArrowBinding[] {
  return editor.getBindingsFromShape<TLArrowBinding>(arrowId, 'arrow');
}

describe('移行後の案を追加', () => {
  it('puts the 訪問介護 proposal in the 移行後 frame, as its child in the first free slot, joined by a bound arrow', () => {
    const source = card({ system: 'shogai', service: '居宅介護', serviceId: 'kyotaku-kaigo', provider: 'ひまわり事業所', amount: '週3回' });
    const after = frame('移行後・提案', { x: 800, y: 0 });
    // A card already sits in the first slot.
    card({ system: 'kaigo', service: '訪問看護' }, { x: 24, y: 24 }, after);

    const result = addTransitionProposal(editor, source);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const added = editor.getShape<ServiceCardShape>(result.cardId)!;
    expect(added.parentId).toBe(after);
    expect({ x: added.x, y: added.y }).toEqual({ x: 24 + 240 + 24, y: 24 });
    expect(added.props).toMatchObject({
      service: '訪問介護',
      serviceId: 'houmon-kaigo',
      status: 'proposed',
      // 居宅介護 is in the 共生型 table: the same provider can continue.
      system: 'kyoseigata',
      provider: 'ひまわり事業所',
    });
    expect(added.props.note).toContain('居宅介護（週3回）');

    const arrow = editor.getShape(result.arrowId)!;
    expect(arrow.type).toBe('arrow');
    const bindings = bindingsOf(result.arrowId);
    expect(bindings.map((b) => [b.props.terminal, b.toId]).sort()).toEqual([
      ['end', result.cardId],
      ['start', source],
    ]);
    expect(editor.getSelectedShapeIds()).toEqual([result.cardId]);
  });

  it('is one undo step', () => {
    const source = card({ system: 'shogai', service: '居宅介護' });
    editor.markHistoryStoppingPoint('before');
    const result = addTransitionProposal(editor, source);
    expect(result.ok).toBe(true);
    editor.undo();
    expect(editor.getCurrentPageShapes().map((s) => s.id)).toEqual([source]);
  });

  it('without 共生型 it proposes a 介護保険 card with no provider yet', () => {
    const source = card({ system: 'shogai', service: '居宅介護', provider: 'ひまわり事業所' });
    const result = addTransitionProposal(editor, source, { keepProvider: false });
    if (!result.ok) throw new Error(result.error);
    expect(editor.getShape<ServiceCardShape>(result.cardId)!.props).toMatchObject({ system: 'kaigo', provider: '' });
  });

  it('with no 移行後 frame, places the card to the right of its source, past what is already there', () => {
    const source = card({ system: 'shogai', service: '生活介護' }, { x: 100, y: 100 });
    card({ system: 'informal', service: '家族' }, { x: 100 + 240 + 80, y: 100 });
    const result = addTransitionProposal(editor, source, { counterpart: '地域密着型通所介護' });
    if (!result.ok) throw new Error(result.error);
    const added = editor.getShape<ServiceCardShape>(result.cardId)!;
    expect(added.parentId).toBe(editor.getCurrentPageId());
    expect(added.x).toBe(100 + 240 + 80);
    expect(added.y).toBe(100 + 150 + 24);
    expect(added.props.service).toBe('地域密着型通所介護');
  });

  it('grows the frame when it is full', () => {
    const source = card({ system: 'shogai', service: '短期入所' });
    const after = frame('移行後', { x: 800, y: 0 }, { w: 300, h: 200 });
    card({ system: 'kaigo', service: '訪問看護' }, { x: 24, y: 24 }, after);
    const result = addTransitionProposal(editor, source);
    if (!result.ok) throw new Error(result.error);
    const added = editor.getShape(result.cardId)!;
    expect(added.y).toBe(24 + 150 + 24);
    expect(editor.getShape(after)!.props).toMatchObject({ h: 24 + 150 + 24 + 150 + 24 });
  });

  it('does nothing for a service that has no counterpart, or on a read-only board', () => {
    const dokou = card({ system: 'shogai', service: '同行援護' });
    expect(addTransitionProposal(editor, dokou)).toEqual({ ok: false, error: 'no-counterpart' });
    const kyotaku = card({ system: 'shogai', service: '居宅介護' });
    editor.updateInstanceState({ isReadonly: true });
    expect(addTransitionProposal(editor, kyotaku)).toEqual({ ok: false, error: 'readonly' });
  });

  it('the summary then lists the proposal under what moves', () => {
    const source = card({ system: 'shogai', service: '居宅介護' });
    card({ system: 'shogai', service: '同行援護' }, { x: 0, y: 300 });
    const before = summaryView(summaryInput(editor).cards, summaryInput(editor).links);
    expect(before.moves[0]).toMatchObject({ cardIds: [source], needsProposal: true });
    const result = addTransitionProposal(editor, source);
    if (!result.ok) throw new Error(result.error);
    const input = summaryInput(editor);
    const after = summaryView(input.cards, input.links);
    expect(after.moves).toHaveLength(1);
    expect(after.moves[0]).toMatchObject({ title: '居宅介護 → 訪問介護', needsProposal: false, proposals: [{ id: result.cardId, service: '訪問介護', status: 'proposed' }] });
    expect(after.continues.map((e) => e.title)).toEqual(['同行援護']);
  });
});
