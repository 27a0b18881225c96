import { GeoShapeUtil, Group2d, NoteShapeUtil, type Geometry2d, type TLGeoShape, type TLNoteShape, type TLShape } from 'tldraw';

/**
 * Labels measured when something needs them, not when the board opens.
 *
 * A geo or note shape's geometry is its outline plus a rectangle for its label, and tldraw
 * measures the label in the browser (its HTML in a hidden element, then a layout) to size
 * that rectangle. A new editor asks for the geometry of every shape on the page to build
 * its spatial index, which only uses the shapes' bounds, and the label rectangle is kept
 * out of the bounds (`excludeFromShapeBounds`). Yet every label was measured then: a board
 * of 2,000 labelled shapes spent over a second measuring labels before anything was drawn.
 *
 * These utils give tldraw's geometry with the label rectangle computed the first time
 * anything reads it (a hit test on the label, arrows, debugging views): the outline comes
 * from tldraw's own `getGeometry` with the measured size stubbed out, and the label
 * rectangle, when asked for, from tldraw's own `getGeometry` with the real measurement.
 * Bounds, culling and the spatial index never read it; drawing a shape does not need it
 * either (a note's font size and a geo shape's growth are stored in its props). So a label
 * is measured when the pointer comes near its shape, or by whatever else asks, and the
 * answer is tldraw's, only later.
 */

/** Flags a geometry is built with: the same for the stand-in and the real label rectangle. */
const FLAGS = new Set<PropertyKey>(['isLabel', 'isEmptyLabel', 'isInternal', 'excludeFromShapeBounds', 'ignore', 'isFilled', 'isClosed', 'debugColor', 'isExcludedByFilter']);
/** Read from the stand-in: its bounds contribution is none, like the real one's. */
const BOUNDS = new Set<PropertyKey>(['getBoundsVertices', 'boundsVertices']);

function labelOf(geometry: Group2d): Geometry2d | undefined {
  const labels = geometry.children.filter((c) => c.isLabel);
  return labels.length === 1 ? labels[0] : undefined;
}

/**
 * `stub` runs tldraw's `getGeometry` with the util's label-size method returning a stand-in;
 * `full` runs it as is. Returns the stub's geometry with its label rectangle replaced by one
 * that is the full geometry's, computed on first use; or the full geometry at once when the
 * stub cannot be made (a tldraw without that method) or has no single label.
 */
function withLazyLabel(stub: () => Group2d | undefined, full: () => Group2d): Group2d {
  const outline = stub();
  const standIn = outline && labelOf(outline);
  if (!outline || !standIn || !standIn.excludeFromShapeBounds) return full();
  let real: Geometry2d | undefined;
  const resolve = (): Geometry2d => {
    if (!real) {
      const label = labelOf(full());
      if (!label) throw new Error('lazyLabels: the full geometry has no label');
      real = label;
    }
    return real;
  };
  const label = new Proxy(standIn, {
    get(target, prop) {
      if (FLAGS.has(prop) || BOUNDS.has(prop)) return Reflect.get(target, prop, target) as unknown;
      const r = resolve();
      const value = Reflect.get(r, prop, r) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(r) : value;
    },
  });
  return new Group2d({ children: [...outline.children.map((c) => (c === standIn ? label : c)), ...outline.ignoredChildren] });
}

/** Runs `fn` with `util[method]` answering `standIn`; undefined if the util has no such method. */
function withStandIn<T>(util: object, method: string, standIn: unknown, fn: () => T): T | undefined {
  const target = util as Record<string, unknown>;
  if (typeof target[method] !== 'function' || Object.prototype.hasOwnProperty.call(target, method)) return undefined;
  target[method] = () => standIn;
  try {
    return fn();
  } finally {
    delete target[method];
  }
}

/** The same test as tldraw's `isEmptyRichText`: no paragraph, or one without content. */
export function hasLabel(shape: TLShape): boolean {
  const content = (shape.props as { richText?: { content?: Array<{ content?: unknown[] }> } }).richText?.content;
  if (!content || content.length === 0) return false;
  return !(content.length === 1 && (!content[0]?.content || content[0].content.length === 0));
}

/** tldraw's geo shape, its label measured when first needed (see above). */
export class BoardGeoShapeUtil extends GeoShapeUtil {
  override getGeometry(shape: TLGeoShape): Group2d {
    if (!hasLabel(shape)) return super.getGeometry(shape);
    return withLazyLabel(
      // tldraw 5.4: GeoShapeUtil.getUnscaledLabelSize(shape): { w, h } (private in its typings).
      () => withStandIn(this, 'getUnscaledLabelSize', { w: 0, h: 0 }, () => super.getGeometry(shape)),
      () => super.getGeometry(shape),
    );
  }
}

/** tldraw's note shape, its label measured when first needed (see above). */
export class BoardNoteShapeUtil extends NoteShapeUtil {
  override getGeometry(shape: TLNoteShape): Group2d {
    if (!hasLabel(shape)) return super.getGeometry(shape);
    return withLazyLabel(
      // tldraw 5.4: NoteShapeUtil.getLabelSize(shape): { labelHeight, labelWidth, fontSizeAdjustment }.
      () => withStandIn(this, 'getLabelSize', { labelHeight: 0, labelWidth: 0, fontSizeAdjustment: 1 }, () => super.getGeometry(shape)),
      () => super.getGeometry(shape),
    );
  }
}
