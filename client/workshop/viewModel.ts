import { formatRemaining, remainingMs, type WorkshopState, type WorkshopTimer } from '../../shared/workshop/index.ts';

/** What the timer shows at one instant. */
export interface TimerView {
  remainingMs: number;
  /** mm:ss, rounded up so that 0:00 means done. */
  text: string;
  running: boolean;
  /** Ran down to zero (running or not). */
  done: boolean;
  /** 0..1 of the duration still left (for a progress bar). */
  fraction: number;
}

/**
 * The timer as shown at local time `localNow`, given `serverOffset = serverNow − Date.now()`.
 * The timer's `startedAt` is server time, so every browser shows the same remaining time
 * whatever its own clock says.
 */
export function timerView(timer: WorkshopTimer, localNow: number, serverOffset: number): TimerView {
  const left = remainingMs(timer, localNow + serverOffset);
  return {
    remainingMs: left,
    text: formatRemaining(left),
    running: timer.startedAt !== null && left > 0,
    done: left <= 0,
    fraction: timer.durationMs > 0 ? Math.min(1, left / timer.durationMs) : 0,
  };
}

/**
 * True when the end signal should sound: the timer was running, had time left at the last
 * tick, and has none now. A timer reset to zero, or a page opened after the end, stays quiet.
 */
export function timerJustEnded(previous: TimerView | undefined, current: TimerView, timer: WorkshopTimer): boolean {
  return previous !== undefined && previous.remainingMs > 0 && current.remainingMs <= 0 && timer.startedAt !== null;
}

/** The clock offset from one `GET /api/time` sample, assuming the server read its clock halfway through. */
export function offsetFromSample(sample: { sentAt: number; serverNow: number; receivedAt: number }): number {
  return sample.serverNow - (sample.sentAt + sample.receivedAt) / 2;
}

/** The best offset of a few samples: the one with the shortest round trip has the least error. */
export function bestOffset(samples: readonly { sentAt: number; serverNow: number; receivedAt: number }[]): number {
  let best: (typeof samples)[number] | undefined;
  for (const s of samples) if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s;
  return best ? offsetFromSample(best) : 0;
}

/** The phase bar: the current phase's name and position. */
export interface PhaseView {
  name: string;
  index: number;
  count: number;
  hasPrev: boolean;
  hasNext: boolean;
}

/** The current phase of a state, with the index clamped to the list. */
export function phaseView(state: Pick<WorkshopState, 'phases' | 'phaseIndex'>): PhaseView {
  const count = state.phases.length;
  const index = clampPhase(state.phaseIndex, count);
  return { name: state.phases[index] ?? '', index, count, hasPrev: index > 0, hasNext: index < count - 1 };
}

function clampPhase(index: number, count: number): number {
  if (count === 0 || !Number.isFinite(index)) return 0;
  return Math.min(count - 1, Math.max(0, Math.trunc(index)));
}

/** The phase index one step back or forward, staying inside the list. */
export function stepPhase(state: Pick<WorkshopState, 'phases' | 'phaseIndex'>, step: -1 | 1): number {
  return clampPhase(clampPhase(state.phaseIndex, state.phases.length) + step, state.phases.length);
}

/** The phase list as typed in a textarea: one per line, trimmed, empty lines dropped, at most 20 of 60 characters. */
export function parsePhaseList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().slice(0, 60))
    .filter(Boolean)
    .slice(0, 20);
}

/**
 * The state patch that replaces the phase list, keeping the current phase when its name
 * is still in the list (else the same position, clamped).
 */
export function replacePhases(state: Pick<WorkshopState, 'phases' | 'phaseIndex'>, phases: string[]): Pick<WorkshopState, 'phases' | 'phaseIndex'> {
  const current = phaseView(state).name;
  const same = phases.indexOf(current);
  return { phases, phaseIndex: same >= 0 ? same : clampPhase(state.phaseIndex, phases.length) };
}

/** The group names as typed, one per line; empty means the defaults. */
export function parseGroupNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** How long ago something happened, as a text key and number ("3分前"). */
export type RelativeTime = { key: 'justNow' } | { key: 'secondsAgo' | 'minutesAgo' | 'hoursAgo'; n: number } | { key: 'noChangeYet' };

/** How long before `now` the time `at` was (both server time, ms); null means never. */
export function relativeTime(at: number | null, now: number): RelativeTime {
  if (at === null) return { key: 'noChangeYet' };
  const s = Math.max(0, Math.floor((now - at) / 1000));
  if (s < 10) return { key: 'justNow' };
  if (s < 60) return { key: 'secondsAgo', n: s };
  if (s < 3600) return { key: 'minutesAgo', n: Math.floor(s / 60) };
  return { key: 'hoursAgo', n: Math.floor(s / 3600) };
}

/** Minutes typed for the timer, or undefined when out of 1..180. */
export function parseMinutes(text: string): number | undefined {
  const n = Number(text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return Number.isFinite(n) && n >= 1 && n <= 180 ? n : undefined;
}
