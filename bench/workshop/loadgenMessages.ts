/**
 * What the training day's main thread and its load-generator workers (loadgenWorker.ts) say to
 * each other, declared once. Every time in a message is on the sender's own clock unless its
 * name says `Epoch`: then it is `performance.timeOrigin + performance.now()`, comparable across
 * threads (each thread's `performance.now()` counts from its own start).
 */
import type { GcSpan } from '../lib/gcWatch.ts';
import type { Stall } from '../lib/stalls.ts';

/** How a simulated participant works: the same for every worker. */
export interface ParticipantPace {
  shapesOwned: number;
  presenceHz: number;
  writeMinMs: number;
  writeMaxMs: number;
  burstProbability: number;
  burstWrites: number;
  burstGapMs: number;
}

/** One participant a worker hosts: its group board seat and its token (also used on the state document). */
export interface Seat {
  boardId: string;
  token: string;
  /** Global index, written into the participant's stamps. */
  index: number;
  groupIndex: number;
}

/** `workerData` of a load-generator worker: whole groups (every member of each) and where to connect. */
export interface LoadgenWorkerData {
  worker: number;
  serverUrl: string;
  workshopId: string;
  seats: Seat[];
  pace: ParticipantPace;
  /** Participants connecting at once in this worker. */
  connectLimit: number;
  ticksPerSecond: number;
}

/** Main thread → worker. */
export type MainToWorker =
  /** Start writing and moving cursors (warm-up begins). */
  | { type: 'start' }
  /** The measured window opens: writes sent from this moment on count. */
  | { type: 'window-start'; atEpochMs: number }
  /** Counts so far, for the progress line. */
  | { type: 'progress' }
  /**
   * The window closes: stop writing, wait (at most `drainMs`) for every delivery of a counted
   * write and for `broadcasts` state broadcasts at each watcher, then send the ledger.
   */
  | { type: 'window-end'; atEpochMs: number; broadcasts: number; drainMs: number }
  /** One write by the first member of each hosted group (the quiet-server overview calls). */
  | { type: 'touch' }
  /** Close every connection and end. */
  | { type: 'stop' };

/** Writes and deliveries of the counted window so far. */
export interface LedgerCounts {
  writes: number;
  expected: number;
  received: number;
}

/** A thread's own event loop and CPU over the measured window. */
export interface ThreadFigures {
  /** CPU of this thread alone (/proc/thread-self, clock-tick resolution), ms. */
  cpuMs: number;
  /** Length of the window as this thread saw it, ms. */
  windowMs: number;
  eventLoopUtilization: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** Stalls of this thread's event loop (StallWatch), on its own clock. */
  stalls: Stall[];
  /** This thread's garbage collections (GcWatch), on its own clock. */
  gcs: GcSpan[];
  /** The window on this thread's clock, to summarise the stalls within it. */
  windowFrom: number;
  windowTo: number;
}

/** Everything a worker measured, sent once after its drain. */
export interface WorkerLedger extends LedgerCounts, ThreadFigures {
  worker: number;
  /** This worker's `performance.timeOrigin`, to put its times on the main thread's clock. */
  timeOrigin: number;
  groups: number;
  connections: number;
  duplicates: number;
  /** Latency of each counted delivery (receive − send, both on this worker's clock), ms. Transferred. */
  latencies: Float64Array;
  /** Send time of each delivery in `latencies` (this worker's clock). Transferred. */
  sendTimes: Float64Array;
  /** Latency of each state broadcast at this worker's watchers (epoch clock on both ends), ms. Transferred. */
  stateLatencies: Float64Array;
  stateWatchers: number;
  /** How long this worker waited for its stragglers after its writers stopped, ms. */
  drainMs: number;
}

/** Worker → main thread. */
export type WorkerToMain =
  | { type: 'ready'; worker: number; timeOrigin: number; connections: number; connectMs: number }
  | ({ type: 'progress'; worker: number } & LedgerCounts)
  | ({ type: 'ledger' } & WorkerLedger)
  | { type: 'touched'; worker: number }
  | { type: 'stopped'; worker: number; unexpectedCloses: number };

/** The message of a given type. */
export type WorkerMessage<T extends WorkerToMain['type']> = Extract<WorkerToMain, { type: T }>;

/** Now on the clock every thread shares (ms since the epoch, sub-millisecond). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
