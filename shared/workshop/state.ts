import type * as Y from 'yjs';
import { WorkshopDocKeys } from '../doc/index.ts';

/** The default phases of a case exercise (the seed's 演習 notes). */
export const DEFAULT_PHASES = ['個人ワーク', 'グループワーク', '発表', '全体共有', '振り返り'] as const;

/**
 * The facilitator's timer, computed from a start time and a duration so that late joiners
 * and reconnects show the right remaining time. `startedAt` is server time (ms since epoch).
 */
export interface WorkshopTimer {
  durationMs: number;
  /** When it was (re)started, or null while paused or reset. */
  startedAt: number | null;
  /** What was left when it was started or paused. */
  remainingAtStartMs: number;
}

/** A short message the facilitator broadcast to every group. */
export interface WorkshopMessage {
  id: string;
  text: string;
  at: number;
}

/**
 * 「全員をここへ」 (issue 15): the facilitator brings every participant of some groups (or all) to
 * one place of their own group's board — a shape (a template frame) or the whole page — and,
 * with `hold`, keeps their view there until released; `message` says why.
 */
export interface WorkshopSummon {
  id: string;
  /** Group indexes, or null: every group. */
  groups: number[] | null;
  /** A shape id of the group boards (e.g. `shape:frame-voices`), or null: the whole page. */
  target: string | null;
  /** Or a place on the page (the facilitator's own view of a group board); before `target`. */
  bounds?: { x: number; y: number; w: number; h: number } | null;
  hold: boolean;
  message: string;
  /** Who summons (the facilitator's name as they gave it). */
  by: string;
  at: number;
}

/** The workshop's shared state (one Y.Map of plain JSON values). */
export interface WorkshopState {
  phases: string[];
  phaseIndex: number;
  timer: WorkshopTimer;
  message: WorkshopMessage | null;
  /** The group whose board everyone watches, or null. */
  presenting: { groupIndex: number; followUserId: string | null } | null;
  /** The current summon, or null when nobody is summoned. */
  summon: WorkshopSummon | null;
}

/** The state of a new workshop: first phase, a 15-minute timer not yet started. */
export function initialWorkshopState(): WorkshopState {
  const durationMs = 15 * 60_000;
  return { phases: [...DEFAULT_PHASES], phaseIndex: 0, timer: { durationMs, startedAt: null, remainingAtStartMs: durationMs }, message: null, presenting: null, summon: null };
}

/** Milliseconds left on a timer at `now` (server time), never below zero. */
export function remainingMs(timer: WorkshopTimer, now: number): number {
  if (timer.startedAt === null) return Math.max(0, timer.remainingAtStartMs);
  return Math.max(0, timer.remainingAtStartMs - (now - timer.startedAt));
}

/** A running timer started at `now` (keeping what was left). */
export function startTimer(timer: WorkshopTimer, now: number): WorkshopTimer {
  if (timer.startedAt !== null) return timer;
  return { ...timer, startedAt: now };
}

/** The timer paused at `now`. */
export function pauseTimer(timer: WorkshopTimer, now: number): WorkshopTimer {
  if (timer.startedAt === null) return timer;
  return { ...timer, startedAt: null, remainingAtStartMs: remainingMs(timer, now) };
}

/** A timer set to `durationMs`, not running. */
export function resetTimer(durationMs: number): WorkshopTimer {
  return { durationMs, startedAt: null, remainingAtStartMs: durationMs };
}

/** mm:ss for a number of milliseconds (rounded up, so 0:00 means done). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

const KEYS = ['phases', 'phaseIndex', 'timer', 'message', 'presenting', 'summon'] as const;

/** The workshop state map of a document. */
export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(WorkshopDocKeys.state);
}

/** Read the state from a workshop document, with defaults for anything missing. */
export function readWorkshopState(doc: Y.Doc): WorkshopState {
  const m = workshopMap(doc);
  const d = initialWorkshopState();
  const get = <K extends (typeof KEYS)[number]>(k: K): WorkshopState[K] => (m.has(k) ? (m.get(k) as WorkshopState[K]) : d[k]);
  return { phases: get('phases'), phaseIndex: get('phaseIndex'), timer: get('timer'), message: get('message'), presenting: get('presenting'), summon: get('summon') };
}

/** Write (part of) the state into a workshop document in one transaction. */
export function writeWorkshopState(doc: Y.Doc, patch: Partial<WorkshopState>): void {
  const m = workshopMap(doc);
  doc.transact(() => {
    for (const k of KEYS) if (k in patch) m.set(k, patch[k] as unknown);
  });
}

/** The summon that concerns a member of `group`, if any. */
export function summonFor(summon: WorkshopSummon | null, group: number): WorkshopSummon | null {
  return summon && (summon.groups === null || summon.groups.includes(group)) ? summon : null;
}
