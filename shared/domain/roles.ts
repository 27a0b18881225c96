/**
 * Participant roles of a case conference (display roles, shown on cursors, in the
 * attendee list and in the minutes). Not the capability roles of a link (owner/edit/view):
 * see shared/protocol/roles.ts.
 */

import type { SystemId } from './systems.ts';

// A plain tuple rather than a zod enum so that the domain module stays dependency-free;
// shared/protocol can wrap it with z.enum(ROLE_IDS).
export const ROLE_IDS = [
  'soudan',
  'caremanager',
  'client',
  'family',
  'municipality',
  'nurse',
  'provider',
  'facilitator',
  'observer',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export interface RoleInfo {
  readonly id: RoleId;
  readonly label: string;
  readonly labelEn: string;
  /** Who this is, in Japanese, for the role picker. */
  readonly description: string;
  /** Cursor and attendee colour: ≥ 3:1 on white, distinct across roles. */
  readonly color: string;
  /** Joins read-only unless someone gives them more. */
  readonly defaultViewOnly: boolean;
  /** The system this role mostly speaks for, if any (its notes take that colour). */
  readonly system: SystemId | null;
}

export const ROLES = {
  soudan: {
    id: 'soudan',
    label: '相談支援専門員',
    labelEn: 'Disability support planner',
    description: 'サービス等利用計画を作る（年齢を問わない）',
    color: '#3377DD',
    defaultViewOnly: false,
    system: 'shogai',
  },
  caremanager: {
    id: 'caremanager',
    label: '介護支援専門員',
    labelEn: 'Care manager (LTC insurance)',
    description: '居宅サービス計画を作る（65歳以上、40〜64歳は特定疾病のある人）',
    color: '#C45F0A',
    defaultViewOnly: false,
    system: 'kaigo',
  },
  client: {
    id: 'client',
    label: '本人',
    labelEn: 'The person',
    description: '支援を受ける本人。原則として会議に参加する',
    color: '#C2185B',
    defaultViewOnly: false,
    system: null,
  },
  family: {
    id: 'family',
    label: '家族',
    labelEn: 'Family',
    description: '家族・親族',
    color: '#8C6D1F',
    defaultViewOnly: false,
    system: 'informal',
  },
  municipality: {
    id: 'municipality',
    label: '行政',
    labelEn: 'Municipality',
    description: '障害福祉課・介護保険課など（窓口が二つに分かれることが多い）',
    color: '#455A64',
    defaultViewOnly: false,
    system: null,
  },
  nurse: {
    id: 'nurse',
    label: '保健師・看護師',
    labelEn: 'Public health nurse / nurse',
    description: '特に難病（ALSなど）で関わる保健師、訪問看護師',
    color: '#00897B',
    defaultViewOnly: false,
    system: 'iryo',
  },
  provider: {
    id: 'provider',
    label: 'サービス事業所',
    labelEn: 'Service provider',
    description: '障害福祉・介護保険のサービス事業所',
    color: '#5E35B1',
    defaultViewOnly: false,
    system: null,
  },
  facilitator: {
    id: 'facilitator',
    label: 'ファシリテーター・講師',
    labelEn: 'Facilitator / trainer',
    description: '研修の進行役（研修でのみ使う）',
    color: '#6D4C41',
    defaultViewOnly: false,
    system: null,
  },
  observer: {
    id: 'observer',
    label: '見学者',
    labelEn: 'Observer',
    description: '見学者（既定では閲覧のみ）',
    color: '#757575',
    defaultViewOnly: true,
    system: null,
  },
} as const satisfies { readonly [K in RoleId]: RoleInfo & { readonly id: K } };

/** True when `value` is a participant role id. */
export function isRoleId(value: unknown): value is RoleId {
  return typeof value === 'string' && (ROLE_IDS as readonly string[]).includes(value);
}

/** The role record for an id. */
export function roleInfo(id: RoleId): RoleInfo {
  return ROLES[id];
}

// Awareness states and imported files may carry the id or either label.
/** The role id for an id, Japanese label or English label; `undefined` when it names no role. */
export function roleIdFrom(value: string): RoleId | undefined {
  const v = value.normalize('NFKC').trim();
  if (isRoleId(v)) return v;
  const lower = v.toLowerCase();
  return ROLE_IDS.find((id) => ROLES[id].label.normalize('NFKC') === v || ROLES[id].labelEn.toLowerCase() === lower);
}
