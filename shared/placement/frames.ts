import { FRAME_NAMES, type FrameKey } from '../templates/frames.ts';
import type { SystemId } from '../domain/systems.ts';

/** Which template frame a new shape of each kind belongs in (shape type → frame key). */
export const HOME_FRAME: Readonly<Record<string, FrameKey>> = {
  'rb-service': 'services',
  'rb-plan': 'proposals',
  'rb-voice': 'voices',
  'rb-lifeline': 'life',
  'rb-person': 'ecomap',
  'rb-tie': 'ecomap',
  'rb-basic-info': 'summary',
  'rb-meeting': 'summary',
};

/** True when a frame's name marks it as the template frame `key` (names are prefixes; people may add to them). */
export function frameNameIs(name: string, key: FrameKey): boolean {
  const n = name.normalize('NFKC').trim();
  // 移行後・提案 is found by 「移行後」 alone, as the transition helper always has.
  const prefix = key === 'proposals' ? '移行後' : FRAME_NAMES[key].normalize('NFKC');
  return n.startsWith(prefix);
}

/** The system columns of 現在のサービス: a template's lane guide has the id `shape:lane-<system>`. */
const LANE_ID = /^shape:lane-(shogai|kaigo|iryo|informal)$/;

/** The system a 現在のサービス lane stands for, from its id; undefined for anything else. */
export function laneSystemOf(id: string): SystemId | undefined {
  const m = LANE_ID.exec(id);
  return m ? (m[1] as SystemId) : undefined;
}

/** The lane a card of `system` sits in (a 共生型 provider's card sits with 障害福祉, as the templates do). */
export function laneFor(system: SystemId): SystemId {
  return system === 'kyoseigata' ? 'shogai' : system;
}

/**
 * The columns of a frame other than 現在のサービス's lanes: 本人の思い has 本人の言葉 and
 * 家族の思い side by side, 移行後・提案 has サービスの提案 and 支援の提案. A template tags the
 * header bar at the top of each column (`meta.rbColumn`); the column runs from that bar down
 * to the frame's bottom, as wide as the bar.
 */
export const COLUMN_IDS = ['voices-self', 'voices-family', 'proposal-services', 'proposal-plans'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
export const COLUMN_META_KEY = 'rbColumn';

/** The meta that tags a header bar as the top of a column. */
export function columnMeta(column: ColumnId): Record<string, string> {
  return { [COLUMN_META_KEY]: column };
}

// Boards made before the tag: the templates' header bars had these ids from the start.
const COLUMN_OF_HEADER_ID: Readonly<Record<string, ColumnId>> = {
  'shape:voices-header': 'voices-self',
  'shape:family-header': 'voices-family',
  'shape:proposals-services-header': 'proposal-services',
  'shape:proposals-plans-header': 'proposal-plans',
};

/** The column a shape heads (its tag, or a template header's id), undefined for anything else. */
export function columnOf(shape: { id: string; meta?: unknown }): ColumnId | undefined {
  const tag = shape.meta && typeof shape.meta === 'object' ? (shape.meta as Record<string, unknown>)[COLUMN_META_KEY] : undefined;
  if (typeof tag === 'string' && (COLUMN_IDS as readonly string[]).includes(tag)) return tag as ColumnId;
  return Object.hasOwn(COLUMN_OF_HEADER_ID, shape.id) ? COLUMN_OF_HEADER_ID[shape.id] : undefined;
}

/** Which column a new shape of each kind goes in, when its frame has that column. */
export const HOME_COLUMN: Readonly<Record<string, ColumnId>> = {
  'rb-voice': 'voices-self',
  note: 'voices-family',
  'rb-service': 'proposal-services',
  'rb-plan': 'proposal-plans',
};

/** The lane (system column) whose box holds `point`, of those given; undefined when none does. */
export function laneAt(lanes: readonly { system: SystemId; box: { x: number; y: number; w: number; h: number } }[], point: { x: number; y: number }): SystemId | undefined {
  return lanes.find(({ box: b }) => point.x >= b.x && point.x <= b.x + b.w && point.y >= b.y && point.y <= b.y + b.h)?.system;
}
