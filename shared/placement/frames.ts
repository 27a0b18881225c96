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
