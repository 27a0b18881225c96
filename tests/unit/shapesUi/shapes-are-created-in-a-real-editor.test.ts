// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createShapeId, type Editor, type TLShapeId } from 'tldraw';
import { createAtViewportCenter } from '../../../client/shapes/index.ts';
import { CUSTOM_SHAPE_TYPES, type EcomapTieShape } from '../../../shared/shapes/index.ts';
import { makeEditor } from './editorHarness.ts';

let editor: Editor;
beforeEach(() => {
  editor = makeEditor();
});
afterEach(() => {
  editor.dispose();
});

describe('our shapes in a real tldraw Editor', () => {
  it.each(CUSTOM_SHAPE_TYPES)('creates a %s with its defaults, and the editor can measure it', (type) => {
    const id = createShapeId();
    editor.createShape({ id, type, x: 10, y: 20 });
    const shape = editor.getShape(id)!;
    expect(shape.type).toBe(type);
    expect(shape.props).toEqual(editor.getShapeUtil(type).getDefaultProps());
    const bounds = editor.getShapePageBounds(id)!;
    expect(bounds.x).toBeCloseTo(10);
    expect(bounds.w).toBeGreaterThan(0);
  });

  it('refuses a prop the shared validator forbids', () => {
    expect(() => editor.createShape({ type: 'rb-service', props: { status: 'maybe' as never } })).toThrow();
  });

  // The 会議の要点 is a form of twenty-odd fields: it is edited in its side panel (and the save dialog), not in place.
  const IN_PLACE = CUSTOM_SHAPE_TYPES.filter((type) => type !== 'rb-meeting');

  it.each(IN_PLACE)('a %s can be edited in place, but not on a read-only board', (type) => {
    const id = createShapeId();
    editor.createShape({ id, type });
    editor.select(id);
    editor.setEditingShape(id);
    expect(editor.getEditingShapeId()).toBe(id);
    editor.setEditingShape(null);
    editor.updateInstanceState({ isReadonly: true });
    editor.setEditingShape(id);
    expect(editor.getEditingShapeId()).toBe(null);
  });

  it('the ケース会議 buttons place a shape in the middle of the view and select it', () => {
    const id = createAtViewportCenter(editor, 'rb-service')!;
    const center = editor.getViewportPageBounds().center;
    const bounds = editor.getShapePageBounds(id)!;
    expect(Math.abs(bounds.center.x - center.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(bounds.center.y - center.y)).toBeLessThanOrEqual(1);
    expect(editor.getSelectedShapeIds()).toEqual([id]);
  });

  it('nothing is placed on a read-only board', () => {
    editor.updateInstanceState({ isReadonly: true });
    expect(createAtViewportCenter(editor, 'rb-plan')).toBeUndefined();
    expect(editor.getCurrentPageShapes()).toHaveLength(0);
  });

  it('a tie has a start and an end handle; dragging them moves the end, or the origin', () => {
    const id: TLShapeId = createShapeId();
    editor.createShape<EcomapTieShape>({ id, type: 'rb-tie', x: 100, y: 100, props: { end: { x: 200, y: 0 } } });
    const util = editor.getShapeUtil('rb-tie');
    const shape = editor.getShape<EcomapTieShape>(id)!;
    const handles = util.getHandles!(shape);
    expect(handles.map((h) => [h.id, h.x, h.y])).toEqual([
      ['start', 0, 0],
      ['end', 200, 0],
    ]);
    const endMoved = util.onHandleDrag!(shape, { handle: { ...handles[1]!, x: 150, y: 80 }, isPrecise: false, isCreatingShape: false });
    expect(endMoved).toMatchObject({ x: 100, y: 100, props: { end: { x: 150, y: 80 } } });
    const startMoved = util.onHandleDrag!(shape, { handle: { ...handles[0]!, x: 50, y: -20 }, isPrecise: false, isCreatingShape: false });
    expect(startMoved).toMatchObject({ x: 150, y: 80, props: { end: { x: 150, y: 20 } } });
  });

  it('the tie tool draws a tie from where the pointer goes down to where it comes up', () => {
    editor.setCurrentTool('rb-tie');
    editor.dispatch({ type: 'pointer', name: 'pointer_down', point: { x: 100, y: 100, z: 0.5 }, target: 'canvas', pointerId: 1, button: 0, isPen: false, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, accelKey: false });
    editor.dispatch({ type: 'pointer', name: 'pointer_move', point: { x: 260, y: 180, z: 0.5 }, target: 'canvas', pointerId: 1, button: 0, isPen: false, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, accelKey: false });
    editor.dispatch({ type: 'pointer', name: 'pointer_up', point: { x: 260, y: 180, z: 0.5 }, target: 'canvas', pointerId: 1, button: 0, isPen: false, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, accelKey: false });
    editor.emit('tick', 16);
    const ties = editor.getCurrentPageShapes().filter((s) => s.type === 'rb-tie') as EcomapTieShape[];
    expect(ties).toHaveLength(1);
    const origin = editor.screenToPage({ x: 100, y: 100 });
    const to = editor.screenToPage({ x: 260, y: 180 });
    expect(ties[0]!.x).toBeCloseTo(origin.x);
    expect(ties[0]!.props.end.x).toBeCloseTo(to.x - origin.x);
    expect(ties[0]!.props.end.y).toBeCloseTo(to.y - origin.y);
    expect(editor.getCurrentToolId()).toBe('select');
  });
});
