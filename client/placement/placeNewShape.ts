import { createShapeId, type Editor, type TLFrameShape, type TLParentId, type TLShape, type TLShapeId, type TLShapePartial } from 'tldraw';
import { findFreeSpot, type Box } from '../../shared/placement/freeSpot.ts';
import { HOME_COLUMN, HOME_FRAME, columnOf, frameNameIs, laneFor, laneSystemOf } from '../../shared/placement/frames.ts';
import type { SystemId } from '../../shared/domain/systems.ts';

export interface PlaceRequest {
  /** The new shape's type (chooses its home frame). */
  kind: string;
  w: number;
  h: number;
  /**
   * A frame the caller knows the shape belongs in (the one under the pointer, or a source's),
   * or a column of 現在のサービス (`shape:lane-kaigo`): a service card put there takes its system.
   */
  preferredFrameId?: TLShapeId;
  /** For a service card: its system, which chooses the column of 現在のサービス. */
  system?: SystemId;
  /** Shapes to leave out of the occupied space (the ones being placed). */
  exclude?: readonly TLShapeId[];
}

/** A shape grown to make room (a frame or a 現在のサービス column). */
export interface Resize {
  id: TLShapeId;
  h: number;
}

export interface Placement {
  parentId: TLParentId;
  /** In the parent's coordinates. */
  x: number;
  y: number;
  resizes: Resize[];
  /** The system of the column the card landed in, when it landed in one. */
  system?: SystemId;
}

const GAP = 16;
/** Space around shapes placed in a frame, as the transition helper has always kept it. */
const FRAME_SPACING = 24;

function frameOf(editor: Editor, id: TLShapeId | undefined): TLFrameShape | undefined {
  const s = id ? editor.getShape(id) : undefined;
  return s?.type === 'frame' ? (s as TLFrameShape) : undefined;
}

/** The shape's box in its parent's coordinates. */
function localBox(editor: Editor, s: TLShape): Box {
  const b = editor.getShapeGeometry(s).bounds;
  return { x: s.x + b.x, y: s.y + b.y, w: b.w, h: b.h };
}

/** The frame to use: the caller's, else the selected frame, else the frame of the kind's home on this page. */
function chooseFrame(editor: Editor, req: PlaceRequest): TLFrameShape | undefined {
  const lane = req.preferredFrameId && laneSystemOf(req.preferredFrameId) ? editor.getShape(req.preferredFrameId) : undefined;
  const preferred = frameOf(editor, lane ? (lane.parentId as TLShapeId) : req.preferredFrameId);
  if (preferred) return preferred;
  const selected = editor.getSelectedShapes();
  if (selected.length === 1 && selected[0]!.type === 'frame') return selected[0] as TLFrameShape;
  const key = HOME_FRAME[req.kind];
  if (!key) return undefined;
  return editor.getCurrentPageShapes().find((s): s is TLFrameShape => s.type === 'frame' && frameNameIs((s as TLFrameShape).props.name, key));
}

function inFrame(editor: Editor, frame: TLFrameShape, req: PlaceRequest): Placement {
  const children = editor
    .getSortedChildIdsForParent(frame.id)
    .filter((id) => !req.exclude?.includes(id))
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => s !== undefined && s.type !== 'arrow');
  const lanes = children.map((s) => ({ s, system: laneSystemOf(s.id) })).filter((l): l is { s: TLShape; system: SystemId } => l.system !== undefined);
  const chosen = req.preferredFrameId ? laneSystemOf(req.preferredFrameId) : undefined;
  const wanted = req.kind === 'rb-service' ? (chosen ?? laneFor(req.system ?? 'shogai')) : undefined;
  const lane = wanted ? lanes.find((l) => l.system === wanted) : undefined;
  if (lane) {
    const box = localBox(editor, lane.s);
    const spot = findFreeSpot(box, children.filter((c) => c.id !== lane.s.id).map((c) => localBox(editor, c)), req, { gap: GAP, padding: 12 });
    const resizes: Resize[] = [];
    if (spot.containerH > box.h) {
      resizes.push({ id: lane.s.id, h: spot.containerH });
      const need = box.y + spot.containerH + 20;
      if (need > frame.props.h) resizes.push({ id: frame.id, h: need });
    }
    return { parentId: frame.id, x: spot.x, y: spot.y, resizes, system: lane.system };
  }
  const column = inColumn(editor, frame, children, req);
  if (column) return column;
  const box = { x: 0, y: 0, w: frame.props.w, h: frame.props.h };
  // Columns are guides for service cards; other shapes in the frame avoid what is drawn inside them.
  const occupied = children.filter((c) => laneSystemOf(c.id) === undefined).map((c) => localBox(editor, c));
  const spot = findFreeSpot(box, occupied, req, { gap: FRAME_SPACING, padding: FRAME_SPACING });
  const resizes = spot.containerH > frame.props.h ? [{ id: frame.id, h: spot.containerH }] : [];
  return { parentId: frame.id, x: spot.x, y: spot.y, resizes };
}

/**
 * In the frame's column for this kind (本人の言葉 beside 家族の思い, サービスの提案 beside
 * 支援の提案), below its header bar, when the frame has that column; the frame grows when the
 * column is full.
 */
function inColumn(editor: Editor, frame: TLFrameShape, children: readonly TLShape[], req: PlaceRequest): Placement | undefined {
  const want = HOME_COLUMN[req.kind];
  const head = want ? children.find((c) => columnOf(c) === want) : undefined;
  if (!head) return undefined;
  const bar = localBox(editor, head);
  const top = bar.y + bar.h + GAP;
  const column = { x: bar.x, y: top, w: bar.w, h: Math.max(frame.props.h - FRAME_SPACING - top, 0) };
  const occupied = children.filter((c) => c.id !== head.id && laneSystemOf(c.id) === undefined).map((c) => localBox(editor, c));
  // No side padding: cards line up with the header bar's edges, as the template's do.
  const spot = findFreeSpot(column, occupied, req, { gap: GAP, padding: 0 });
  const need = top + spot.containerH + FRAME_SPACING;
  return { parentId: frame.id, x: spot.x, y: spot.y, resizes: need > frame.props.h ? [{ id: frame.id, h: need }] : [] };
}

/** Near the view's centre: centred when that spot is free, else the first free spot in view. */
function nearCentre(editor: Editor, req: PlaceRequest): Placement {
  const view = editor.getViewportPageBounds();
  const occupied = editor
    .getCurrentPageShapes()
    .filter((s) => s.parentId === editor.getCurrentPageId() && s.type !== 'arrow')
    .map((s) => editor.getShapePageBounds(s))
    .filter((b) => b !== undefined)
    .map((b) => ({ x: b.x, y: b.y, w: b.w, h: b.h }));
  const centred = { x: Math.round(view.center.x - req.w / 2), y: Math.round(view.center.y - req.h / 2) };
  const clear = !occupied.some((o) => centred.x < o.x + o.w + GAP && o.x < centred.x + req.w + GAP && centred.y < o.y + o.h + GAP && o.y < centred.y + req.h + GAP);
  const spot = clear ? centred : findFreeSpot({ x: view.x, y: view.y, w: view.w, h: view.h }, occupied, req, { gap: GAP, padding: GAP });
  return { parentId: editor.getCurrentPageId(), x: Math.round(spot.x), y: Math.round(spot.y), resizes: [] };
}

/**
 * Where a new shape of `kind` lands: in the caller's frame or the selected frame, else in its
 * home frame on this page (a service card in its system's column of 現在のサービス), else near
 * the view's centre — always in a free spot, growing the frame when it is full.
 */
export function placeNewShape(editor: Editor, req: PlaceRequest): Placement {
  const frame = chooseFrame(editor, req);
  return frame ? inFrame(editor, frame, req) : nearCentre(editor, req);
}

/**
 * Applies a placement's resizes; the template's columns are locked guides, so the lock is
 * passed over. A frame that grows pushes the shapes of its page below it down as far, so it
 * never runs into the frame underneath.
 */
export function applyResizes(editor: Editor, resizes: readonly Resize[]): void {
  editor.run(() => {
    for (const r of resizes) {
      const s = editor.getShape(r.id);
      if (!s) continue;
      const before = editor.getShapePageBounds(s);
      editor.updateShape({ id: s.id, type: s.type, props: { h: r.h } } as TLShapePartial);
      if (s.type === 'frame' && before && s.parentId === editor.getCurrentPageId()) pushDownBelow(editor, s.id, before, r.h - before.h);
    }
  }, { ignoreShapeLock: true });
}

function pushDownBelow(editor: Editor, frameId: TLShapeId, was: { minX: number; maxX: number; maxY: number }, by: number): void {
  if (by <= 0) return;
  for (const other of editor.getCurrentPageShapes()) {
    if (other.id === frameId || other.parentId !== editor.getCurrentPageId() || other.type === 'arrow') continue;
    const b = editor.getShapePageBounds(other);
    if (b && b.minY >= was.maxY && b.minX < was.maxX && was.minX < b.maxX) editor.updateShape({ id: other.id, type: other.type, y: other.y + by });
  }
}

/** The size a new shape of `props` takes: its box, or the span of a line from its origin. */
function sizeOf(props: object): { w: number; h: number } {
  const p = props as { w?: unknown; h?: unknown; end?: { x: number; y: number } };
  if (typeof p.w === 'number' && typeof p.h === 'number') return { w: p.w, h: p.h };
  if (p.end) return { w: Math.abs(p.end.x), h: Math.abs(p.end.y) };
  return { w: 0, h: 0 };
}

/**
 * Creates a shape of `type` where {@link placeNewShape} says and selects it (one undo step);
 * a service card landing in a column takes that column's system. `undefined` when read-only.
 */
export function addPlacedShape(editor: Editor, type: TLShape['type'], props: object = {}, options: { preferredFrameId?: TLShapeId } = {}): TLShapeId | undefined {
  if (editor.getIsReadonly()) return undefined;
  const id = createShapeId();
  const defaults = editor.getShapeUtil(type).getDefaultProps() as object;
  const full = { ...defaults, ...props } as { system?: SystemId };
  const at = placeNewShape(editor, { kind: type, ...sizeOf(full), system: full.system ?? undefined, ...options });
  const finalProps = at.system && type === 'rb-service' && laneFor(full.system ?? 'shogai') !== at.system ? { ...props, system: at.system } : props;
  editor.run(() => {
    applyResizes(editor, at.resizes);
    editor.createShape({ id, type, parentId: at.parentId, x: at.x, y: at.y, props: finalProps } as TLShapePartial);
    editor.select(id);
  });
  bringIntoView(editor, id);
  return id;
}

/** Pans (zoom kept) so that a shape placed out of sight can be seen. */
export function bringIntoView(editor: Editor, id: TLShapeId): void {
  const b = editor.getShapePageBounds(id);
  if (b && !editor.getViewportPageBounds().contains(b)) editor.centerOnPoint(b.center);
}
