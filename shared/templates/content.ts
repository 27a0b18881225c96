import type { RoleId } from '../domain/roles.ts';
import type { SystemId } from '../domain/systems.ts';
import type { BasicInfoProps, Gender, PersonKind, PLAN_SHEET_FIELDS, PlanItemProps, PlanState, ServiceStatus, TieDirection, TieKind, VoiceSource } from '../shapes/index.ts';
import type { FrameKey } from './frames.ts';

// What a case-conference template says, as data: the exercise and meeting templates are
// values of this type, and one builder (caseBoard.ts) lays any of them out on the frames.

/** A titled block of the 事例概要. */
export interface SummarySection {
  title: string;
  body: string;
}

/** One 本人の言葉 card: the words (or signs) and who recorded them, how. */
export interface VoiceSpec {
  text: string;
  recordedBy: string;
  source: VoiceSource;
}

/** A family member's words: a plain sticky note, never a 本人の言葉 card. */
export interface FamilyWordSpec {
  who: string;
  text: string;
}

export interface LifeEventSpec {
  date: string;
  text: string;
}

export interface ServiceSpec {
  /** Unique within the template; becomes part of the shape id. */
  key: string;
  system: SystemId;
  /** The catalogue name (or free text, then `serviceId` stays null). */
  service: string;
  provider: string;
  amount: string;
  status: ServiceStatus;
  note: string;
}

export interface PlanSpec {
  key: string;
  need: string;
  priority: number | null;
  goal: string;
  support: string;
  owner: RoleId | '';
  due: string;
  state: PlanState;
  /** The plan-sheet fields (長期目標, 頻度, 事業所…); unset ones start empty. */
  sheet?: Partial<Pick<PlanItemProps, (typeof PLAN_SHEET_FIELDS)[number]>>;
}

/** The seven columns of 第3表, Monday first. */
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** A service in the week: on `days`, from `from` to `to` o'clock (e.g. 9.5 = 9:30). */
export interface WeeklyEntrySpec {
  days: readonly WeekDay[];
  from: number;
  to: number;
  label: string;
  system: SystemId;
  /** Drawn inset on the right, over a longer service at the same time (a visit during a shift). */
  inset?: boolean;
}

export interface EcomapPersonSpec {
  key: string;
  name: string;
  kind: PersonKind;
  gender: Gender;
  system: SystemId | null;
  note: string;
  /** Where around the person: degrees clockwise from the right (90 = below). */
  angle: number;
  deceased?: boolean;
}

/** A tie from one person to another ('self' is the person in the centre). */
export interface EcomapTieSpec {
  from: string;
  to: string;
  kind: TieKind;
  /** `forward`: support flows from `from` to `to`. */
  direction: TieDirection;
  label: string;
}

export interface CaseBoardContent {
  pageName: string;
  /** The 基本情報 card: the fictional person's structured facts (absent on a blank meeting board). */
  basicInfo?: Partial<Omit<BasicInfoProps, 'w' | 'h'>>;
  /** The page heading and the line beneath it. */
  heading: string;
  subheading: string;
  /** How to use the board (the exercise's steps, or the meeting's flow). */
  howTo: string;
  guides?: Partial<Record<FrameKey, string>>;
  summary: { left: readonly SummarySection[]; right: readonly SummarySection[] };
  voices: readonly VoiceSpec[];
  family: readonly FamilyWordSpec[];
  /** The life band; events are dated 'YYYY-MM-DD' and shown with the age at the time. */
  life: { birthDate: string; specifiedDisease: boolean; events: readonly LifeEventSpec[] };
  services: readonly ServiceSpec[];
  proposals: { services: readonly ServiceSpec[]; plans: readonly PlanSpec[] };
  weekly: {
    entries: readonly WeeklyEntrySpec[];
    /** 主な日常生活上の活動, by time band id. */
    activities: Partial<Record<string, string>>;
    /** 週単位以外のサービス. */
    nonWeekly: string;
  };
  ecomap: { self: { name: string; gender: Gender; note: string }; persons: readonly EcomapPersonSpec[]; ties: readonly EcomapTieSpec[] };
  /** Open questions, each naming whom to ask. */
  questions: readonly string[];
  /** Show the 新高額障害福祉サービス等給付費 conditions as checks to make. */
  refundChecks: boolean;
}
