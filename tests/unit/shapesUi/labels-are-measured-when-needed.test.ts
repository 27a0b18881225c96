// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Editor,
  Geometry2dFilters,
  TextManager,
  Vec,
  createShapeId,
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeTools,
  defaultShapeUtils,
  defaultTools,
  tipTapDefaultExtensions,
  toRichText,
  type Group2d,
  type TLAnyShapeUtilConstructor,
  type TLCreateShapePartial,
  type TLShapeId,
  type TLStoreSnapshot,
} from 'tldraw';
import { boardShapeUtils } from '../../../client/board/shapeUtils.ts';

/*
 * jsdom has no layout, so text gets a stand-in one: half the font size per character,
 * wrapped at the element's max-width, 1.35 lines; with `overflow-wrap: normal` the unbroken
 * width shows as scrollWidth (what makes tldraw shrink a note's font). The same element
 * gives the same answer whenever it is measured, as in a browser.
 */
function fakeLayout(el: HTMLElement): { w: number; h: number; scrollWidth: number } {
  const fontSize = parseFloat(el.style.getPropertyValue('font-size')) || 16;
  const maxWidth = parseFloat(el.style.getPropertyValue('max-width')) || Infinity;
  const minWidth = parseFloat(el.style.getPropertyValue('min-width')) || 0;
  const natural = (el.textContent ?? '').length * fontSize * 0.5;
  const w = Math.max(minWidth, Math.min(natural, maxWidth));
  const lines = Math.max(1, Math.ceil(natural / Math.max(1, w)));
  const breaks = el.style.getPropertyValue('overflow-wrap') !== 'normal';
  return { w, h: Math.round(lines * fontSize * 1.35), scrollWidth: breaks ? w : Math.max(w, natural) };
}

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const { w, h } = fakeLayout(this);
    return { x: 0, y: 0, top: 0, left: 0, right: w, bottom: h, width: w, height: h, toJSON: () => ({}) } as DOMRect;
  });
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return fakeLayout(this).scrollWidth;
  });
});

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.dispose();
  vi.restoreAllMocks();
});

/** An editor as <Tldraw> makes one, over a store loaded before it (as the board's is). */
function editorOver(snapshot: TLStoreSnapshot | undefined, utils: readonly TLAnyShapeUtilConstructor[]): Editor {
  const shapeUtils = [...defaultShapeUtils.filter((u) => !utils.some((b) => b.type === u.type)), ...utils];
  const container = document.createElement('div');
  document.body.appendChild(container);
  const editor = new Editor({
    store: createTLStore({ shapeUtils, bindingUtils: defaultBindingUtils, ...(snapshot ? { snapshot } : {}) }),
    shapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools],
    getContainer: () => container,
    // Entering the select tool builds the spatial index: every shape's geometry.
    initialState: 'select',
    options: { text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } } },
  });
  editors.push(editor);
  return editor;
}

const GEO_KINDS = ['rectangle', 'ellipse', 'cloud', 'star', 'diamond', 'heart'] as const;

/** Labelled rectangles (and other geo kinds) and notes, some empty, some long, some rotated. */
function boardSnapshot(count: number): { snapshot: TLStoreSnapshot; ids: TLShapeId[] } {
  const seeder = editorOver(undefined, []);
  const ids: TLShapeId[] = [];
  const shapes: TLCreateShapePartial[] = [];
  for (let i = 0; i < count; i++) {
    const id = createShapeId(`s${i}`);
    ids.push(id);
    // Every seventh label is one long word (a note shrinks its font for it), every eleventh empty.
    const text = i % 7 === 0 ? `長い長い長い長い長い長い長い長い長い長い長い長い${i}` : i % 11 === 0 ? '' : `付箋 ${i}：本人の思い`;
    const base = { id, x: (i % 10) * 240, y: Math.floor(i / 10) * 180, rotation: i % 13 === 0 ? 0.3 : 0 };
    shapes.push(
      i % 2 === 0
        ? { ...base, type: 'geo', props: { geo: GEO_KINDS[(i / 2) % GEO_KINDS.length], w: 200, h: 140, richText: toRichText(text), ...(i % 5 === 0 ? { align: 'start', verticalAlign: 'end' } : {}) } }
        : { ...base, type: 'note', props: { richText: toRichText(text), ...(i % 9 === 0 ? { size: 's' } : {}) } },
    );
  }
  seeder.createShapes(shapes);
  return { snapshot: seeder.store.getStoreSnapshot(), ids };
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('labels are measured when first needed', () => {
  it('opens a board without measuring its labels, where tldraw measures every one', () => {
    const { snapshot } = boardSnapshot(120);
    const measure = vi.spyOn(TextManager.prototype, 'measureHtml');
    editorOver(snapshot, []);
    expect(measure.mock.calls.length).toBeGreaterThan(100);
    measure.mockClear();
    editorOver(snapshot, boardShapeUtils);
    // At most the shapes under the pointer, for the hover check entering the select tool.
    expect(measure.mock.calls.length).toBeLessThan(5);
  });

  it('gives every shape exactly the geometry tldraw gives it, label included', () => {
    const { snapshot, ids } = boardSnapshot(120);
    const stock = editorOver(snapshot, []);
    const board = editorOver(snapshot, boardShapeUtils);
    const filters = [undefined, Geometry2dFilters.EXCLUDE_LABELS, Geometry2dFilters.INCLUDE_ALL];
    for (const id of ids) {
      const a = stock.getShapeGeometry(id) as Group2d;
      const b = board.getShapeGeometry(id) as Group2d;
      // What bounds, culling and the spatial index read: before any label is measured.
      expect(b.bounds.toJson(), id).toEqual(a.bounds.toJson());
      expect(json(b.boundsVertices), id).toEqual(json(a.boundsVertices));
      expect(json(b.vertices), id).toEqual(json(a.vertices));
      expect(b.children.map((c) => c.isLabel), id).toEqual(a.children.map((c) => c.isLabel));
      // And what reads the label: the same as tldraw's.
      for (const [i, child] of b.children.entries()) {
        const other = a.children[i]!;
        expect(child.bounds.toJson(), `${id} child ${i}`).toEqual(other.bounds.toJson());
        expect(json(child.getVertices(Geometry2dFilters.INCLUDE_ALL)), `${id} child ${i}`).toEqual(json(other.getVertices(Geometry2dFilters.INCLUDE_ALL)));
        expect(child.isEmptyLabel).toBe(other.isEmptyLabel);
      }
      const box = a.bounds;
      for (const [fx, fy] of [[0.5, 0.5], [0.1, 0.9], [0.95, 0.2], [1.3, 0.5], [0.5, -0.2]] as const) {
        const p = new Vec(box.x + box.w * fx, box.y + box.h * fy);
        for (const f of filters) {
          expect(b.hitTestPoint(p, 4, true, f), `${id} hit ${fx},${fy}`).toBe(a.hitTestPoint(p, 4, true, f));
          expect(b.distanceToPoint(p, true, f), `${id} distance ${fx},${fy}`).toBeCloseTo(a.distanceToPoint(p, true, f), 9);
          expect(json(b.nearestPoint(p, f)), `${id} nearest ${fx},${fy}`).toEqual(json(a.nearestPoint(p, f)));
        }
      }
      const from = new Vec(box.x - 10, box.y + box.h / 3);
      const to = new Vec(box.maxX + 10, box.y + (2 * box.h) / 3);
      for (const f of filters) expect(json(b.intersectLineSegment(from, to, f)), `${id} intersect`).toEqual(json(a.intersectLineSegment(from, to, f)));
      expect(board.getShape(id)!.props, id).toEqual(stock.getShape(id)!.props);
    }
  });

  it('finds the same shapes at a point, labels included, as tldraw', () => {
    const { snapshot } = boardSnapshot(60);
    const stock = editorOver(snapshot, []);
    const board = editorOver(snapshot, boardShapeUtils);
    for (let x = -20; x < 2400; x += 37) {
      for (let y = -20; y < 1100; y += 29) {
        const p = new Vec(x, y);
        for (const opts of [{ hitLabels: true }, { hitLabels: true, hitInside: true, margin: 8 }, {}]) {
          expect(board.getShapeAtPoint(p, opts)?.id, `${x},${y} ${JSON.stringify(opts)}`).toBe(stock.getShapeAtPoint(p, opts)?.id);
        }
      }
    }
  });

  it('measures a label the first time it is read, once', () => {
    const { snapshot, ids } = boardSnapshot(20);
    const board = editorOver(snapshot, boardShapeUtils);
    const note = ids.find((id) => board.getShape(id)!.type === 'note' && !id.endsWith('s11'))!;
    const measure = vi.spyOn(TextManager.prototype, 'measureHtml');
    const label = (board.getShapeGeometry(note) as Group2d).children.find((c) => c.isLabel)!;
    expect(label.bounds.w).toBeGreaterThan(0);
    const first = measure.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    expect(label.bounds.h).toBeGreaterThan(0);
    expect(label.vertices.length).toBe(4);
    expect(measure.mock.calls.length).toBe(first);
  });
});
