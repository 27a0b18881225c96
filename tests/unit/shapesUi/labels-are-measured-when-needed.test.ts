// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { Geometry2dFilters, TextManager, Vec, createShapeId, toRichText, type Group2d, type TLCreateShapePartial, type TLShapeId, type TLStoreSnapshot } from 'tldraw';
import { boardShapeUtils } from '../../../client/board/shapeUtils.ts';
import { useLabelEditors } from './labelHarness.ts';

const { editorOver } = useLabelEditors();

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

// Generous time limit: hundreds of real editors' geometry on a shared 2-core box.
describe('labels are measured when first needed', { timeout: 120_000 }, () => {
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
