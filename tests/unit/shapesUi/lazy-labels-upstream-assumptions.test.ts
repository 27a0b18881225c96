// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import {
  GeoShapeUtil,
  Geometry2dFilters,
  NoteShapeUtil,
  TextManager,
  Vec,
  createShapeId,
  toRichText,
  type Editor,
  type Group2d,
  type TLShapeId,
  type TLShapePartial,
} from 'tldraw';
import { boardShapeUtils } from '../../../client/board/shapeUtils.ts';
import { useLabelEditors } from './labelHarness.ts';

/*
 * client/board/lazyLabels.ts builds a geo or note shape's geometry with tldraw's private
 * label-size method answering a stand-in, and reads the real label rectangle later. These
 * tests pin what that relies on — by behaviour, so a tldraw that keeps the names but changes
 * their meaning fails here:
 *  - the method is the only way getGeometry measures, its answer has the assumed shape, and it
 *    moves only the label rectangle (the outline does not depend on it);
 *  - after label edits, font, size, alignment and scale changes, the patched utils still give
 *    exactly tldraw's geometry and tldraw's props (growY, fontSizeAdjustment).
 */

const { editorOver } = useLabelEditors();

type Util = Record<string, unknown>;

/** Runs `fn` with `util[method]` answering `value` (an own property over the prototype's). */
function stubbed<T>(util: object, method: string, value: unknown, fn: () => T): T {
  const target = util as Util;
  target[method] = () => value;
  try {
    return fn();
  } finally {
    delete target[method];
  }
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

function labelOf(g: Group2d) {
  const labels = g.children.filter((c) => c.isLabel);
  expect(labels).toHaveLength(1);
  return labels[0]!;
}

const LABEL = '本人の思い：家で暮らしたい';

describe('the tldraw internals lazyLabels relies on', { timeout: 120_000 }, () => {
  it.each([
    ['geo', 'getUnscaledLabelSize', { w: 0, h: 0 }, { w: 180, h: 120 }],
    ['note', 'getLabelSize', { labelHeight: 0, labelWidth: 0, fontSizeAdjustment: 1 }, { labelHeight: 150, labelWidth: 170, fontSizeAdjustment: 1 }],
  ] as const)('%s: %s is how getGeometry measures, and it moves only the label', (type, method, zero, big) => {
    const editor = editorOver(undefined, []);
    const id = createShapeId('probe');
    editor.createShape(type === 'geo' ? { id, type, props: { w: 240, h: 160, richText: toRichText(LABEL) } } : { id, type, props: { richText: toRichText(LABEL) } });
    const util = editor.getShapeUtil(type);
    expect(util).toBeInstanceOf(type === 'geo' ? GeoShapeUtil : NoteShapeUtil);
    // A prototype method, not an own property: what lazyLabels' stand-in shadows and removes.
    expect(typeof (util as unknown as Util)[method]).toBe('function');
    expect(Object.prototype.hasOwnProperty.call(util, method)).toBe(false);

    // A shape object tldraw has never measured (its caches are keyed by the object).
    const fresh = structuredClone(editor.getShape(id)!) as never;
    const measure = vi.spyOn(TextManager.prototype, 'measureHtml');
    const outlineOnly = stubbed(util, method, zero, () => util.getGeometry(fresh) as Group2d);
    expect(measure).not.toHaveBeenCalled();
    const real = util.getGeometry(fresh) as Group2d;
    expect(measure).toHaveBeenCalled();
    measure.mockRestore();
    const larger = stubbed(util, method, big, () => util.getGeometry(fresh) as Group2d);

    for (const g of [outlineOnly, real, larger]) {
      expect(g.children.map((c) => c.isLabel)).toEqual(real.children.map((c) => c.isLabel));
      expect(g.ignoredChildren).toHaveLength(0);
      // The label never counts in the bounds: culling and the spatial index never read it.
      expect(labelOf(g).excludeFromShapeBounds).toBe(true);
      expect(g.bounds.toJson()).toEqual(real.bounds.toJson());
      const outlines = g.children.filter((c) => !c.isLabel);
      expect(json(outlines.map((c) => c.getVertices(Geometry2dFilters.INCLUDE_ALL)))).toEqual(json(real.children.filter((c) => !c.isLabel).map((c) => c.getVertices(Geometry2dFilters.INCLUDE_ALL))));
    }
    // The answer's fields are the ones the stand-in names: a bigger answer, a bigger label.
    expect(labelOf(larger).bounds.w).toBeGreaterThan(labelOf(outlineOnly).bounds.w);
    expect(labelOf(larger).bounds.h).toBeGreaterThan(labelOf(outlineOnly).bounds.h);
    expect(Number.isFinite(labelOf(larger).bounds.w)).toBe(true);
  });

  it('the patched utils give tldraw geometry and props after label edits, font, size, alignment and scale changes', () => {
    const stock = editorOver(undefined, []);
    const board = editorOver(undefined, boardShapeUtils);
    const geo = createShapeId('geo');
    const note = createShapeId('note');
    for (const editor of [stock, board]) {
      editor.createShapes([
        { id: geo, type: 'geo', x: 0, y: 0, props: { w: 220, h: 140, richText: toRichText('支援') } },
        { id: note, type: 'note', x: 400, y: 0, props: { richText: toRichText('家族') } },
      ]);
    }
    expectSame(stock, board, [geo, note], 'created');

    const steps: Array<[string, TLShapePartial[]]> = [
      ['label edit', [{ id: geo, type: 'geo', props: { richText: toRichText('相談支援専門員と介護支援専門員の引き継ぎ、サービス等利用計画の見直し') } }, { id: note, type: 'note', props: { richText: toRichText('長い長い長い長い長い長い長い長い長い長い長い長い長い長い長い') } }]],
      ['font', [{ id: geo, type: 'geo', props: { font: 'serif' } }, { id: note, type: 'note', props: { font: 'mono' } }]],
      ['size', [{ id: geo, type: 'geo', props: { size: 'xl' } }, { id: note, type: 'note', props: { size: 's' } }]],
      ['alignment', [{ id: geo, type: 'geo', props: { align: 'end', verticalAlign: 'start' } }, { id: note, type: 'note', props: { align: 'start', verticalAlign: 'end' } }]],
      ['scale', [{ id: geo, type: 'geo', props: { scale: 2.5 } }, { id: note, type: 'note', props: { scale: 0.5 } }]],
      ['second label edit', [{ id: geo, type: 'geo', props: { richText: toRichText('短い') } }, { id: note, type: 'note', props: { richText: toRichText('面談') } }]],
      ['label emptied', [{ id: geo, type: 'geo', props: { richText: toRichText('') } }, { id: note, type: 'note', props: { richText: toRichText('') } }]],
    ];
    for (const [name, updates] of steps) {
      for (const editor of [stock, board]) editor.updateShapes(updates);
      expectSame(stock, board, [geo, note], name);
    }
  });
});

/** The same shapes in both editors: same props, same geometry, label included. */
function expectSame(stock: Editor, board: Editor, ids: TLShapeId[], step: string): void {
  for (const id of ids) {
    const at = `${step}: ${id}`;
    expect(board.getShape(id)!.props, at).toEqual(stock.getShape(id)!.props);
    const a = stock.getShapeGeometry(id) as Group2d;
    const b = board.getShapeGeometry(id) as Group2d;
    expect(b.bounds.toJson(), at).toEqual(a.bounds.toJson());
    expect(b.children.length, at).toBe(a.children.length);
    for (const [i, child] of b.children.entries()) {
      const other = a.children[i]!;
      expect(child.isLabel, at).toBe(other.isLabel);
      expect(child.bounds.toJson(), `${at} child ${i}`).toEqual(other.bounds.toJson());
    }
    const box = a.bounds;
    for (const [fx, fy] of [[0.5, 0.5], [0.1, 0.1], [0.9, 0.8]] as const) {
      const p = new Vec(box.x + box.w * fx, box.y + box.h * fy);
      expect(b.hitTestPoint(p, 0, true), `${at} hit`).toBe(a.hitTestPoint(p, 0, true));
      expect(b.distanceToPoint(p, true, Geometry2dFilters.INCLUDE_ALL), `${at} distance`).toBeCloseTo(a.distanceToPoint(p, true, Geometry2dFilters.INCLUDE_ALL), 9);
    }
  }
}
