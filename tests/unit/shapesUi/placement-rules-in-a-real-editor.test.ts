// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Editor, TLRecord, TLShapeId } from 'tldraw';
import { laneOfCard, registerPlacementRules, settleAtFrameEdges } from '../../../client/placement/boardRules.ts';
import { findTemplate } from '../../../shared/templates/index.ts';
import { makeEditor } from './editorHarness.ts';

let editor: Editor;
let stopRules: () => void;
beforeEach(() => {
  editor = makeEditor();
  const records = findTemplate('exercise-1')!.build() as unknown as TLRecord[];
  editor.store.put(records.filter((r) => r.typeName === 'page' || r.typeName === 'shape'));
  editor.setCurrentPage('page:main' as never);
  stopRules = registerPlacementRules(editor);
});
afterEach(() => {
  stopRules();
  editor.dispose();
});

const page = (id: string) => editor.getShapePageBounds(id as TLShapeId)!;

// Placing into the template's columns measures its text guides, which jsdom cannot: that is
// the browser test's (cards-land-in-place). These are the rules that need no text measured.
describe('the board’s placement rules in a real editor', () => {
  it('a blank service card drawn in the 介護保険 column is 介護保険; a filled one keeps its system and is offered the column’s', () => {
    const lane = editor.getShape('shape:lane-kaigo' as TLShapeId)!;
    editor.createShape({ id: 'shape:blank' as TLShapeId, type: 'rb-service', parentId: 'shape:frame-services' as TLShapeId, x: lane.x + 10, y: lane.y + 900 });
    expect((editor.getShape('shape:blank' as TLShapeId)!.props as { system: string }).system).toBe('kaigo');
    editor.createShape({ id: 'shape:filled' as TLShapeId, type: 'rb-service', parentId: 'shape:frame-services' as TLShapeId, x: lane.x + 10, y: lane.y + 1100, props: { service: '居宅介護', system: 'shogai' } });
    expect((editor.getShape('shape:filled' as TLShapeId)!.props as { system: string }).system).toBe('shogai');
    expect(laneOfCard(editor, 'shape:filled' as TLShapeId)).toBe('kaigo');
  });

  it('a shape left across a frame’s edge is moved in when mostly inside, taken out when mostly outside', () => {
    const frame = editor.getShape('shape:frame-questions' as TLShapeId)! as unknown as { props: { w: number; h: number } };
    editor.createShape({ id: 'shape:in' as TLShapeId, type: 'geo', parentId: 'shape:frame-questions' as TLShapeId, x: frame.props.w - 150, y: 300, props: { w: 200, h: 100 } });
    editor.createShape({ id: 'shape:out' as TLShapeId, type: 'geo', parentId: 'shape:frame-questions' as TLShapeId, x: frame.props.w - 40, y: 600, props: { w: 200, h: 100 } });
    settleAtFrameEdges(editor, ['shape:in' as TLShapeId, 'shape:out' as TLShapeId]);
    const f = page('shape:frame-questions');
    expect(editor.getShape('shape:in' as TLShapeId)!.parentId).toBe('shape:frame-questions');
    expect(f.contains(page('shape:in'))).toBe(true);
    expect(editor.getShape('shape:out' as TLShapeId)!.parentId).toBe('page:main');
  });
});
