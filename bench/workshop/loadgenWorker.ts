/**
 * A load-generator worker of the training day (trainingDay.ts starts BENCH_LOADGEN_WORKERS of
 * them): it hosts whole groups, every member's group board provider and state-document watcher,
 * so a delivery's send and receive times are on this thread's clock, and this thread's GC pauses
 * and bursts delay only its own groups. It writes at the participants' pace, keeps its ledger,
 * watches its own event loop and CPU over the measured window, and sends all of it once, after its
 * drain (loadgenMessages.ts declares the messages).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { GcWatch } from '../lib/gcWatch.ts';
import { currentThreadCpuMs } from '../lib/proc.ts';
import { StallWatch } from '../lib/stalls.ts';
import { SampleBuffer } from '../lib/stats.ts';
import { delay, mapLimit, pollUntil, withTimeout } from '../lib/time.ts';
import type { LoadgenWorkerData, MainToWorker, WorkerToMain } from './loadgenMessages.ts';
import { GroupLedger, GroupMember, StateWatcher } from './participants.ts';

if (!parentPort) throw new Error('loadgenWorker.js runs as a worker thread of trainingDay.js');
const port = parentPort;
const data = workerData as LoadgenWorkerData;
const send = (msg: WorkerToMain, transfer: ArrayBuffer[] = []) => port.postMessage(msg, transfer);

// Each stock provider in Node adds an exit listener; dozens of them are expected here.
process.setMaxListeners(0);

const pace = data.pace;
const ledger = new GroupLedger();
const stateLatencies = new SampleBuffer();
const groupSizeOf = new Map<number, number>();
for (const s of data.seats) groupSizeOf.set(s.groupIndex, (groupSizeOf.get(s.groupIndex) ?? 0) + 1);

/** The measured window on this thread's clock; open-ended until the main thread closes it. */
let windowFrom = Number.POSITIVE_INFINITY;
let windowUntil = Number.POSITIVE_INFINITY;

// Commands may arrive while connecting; they are handled in order, each after the one before.
let queue: Promise<void> = Promise.resolve();
port.on('message', (msg: MainToWorker) => {
  queue = queue.then(() => handle(msg));
});

const t0 = performance.now();
const members = data.seats.map((s) => new GroupMember({ serverUrl: data.serverUrl, boardId: s.boardId, token: s.token, index: s.index, groupIndex: s.groupIndex, shapesOwned: pace.shapesOwned, ledger }));
await mapLimit(members, data.connectLimit, (m) => withTimeout(m.synced, 60_000, `member ${m.opts.index} sync`));
const watchers = data.seats.map((s) => new StateWatcher(data.serverUrl, data.workshopId, s.token, stateLatencies));
await mapLimit(watchers, data.connectLimit, (w) => withTimeout(w.synced, 60_000, 'state sync'));
send({ type: 'ready', worker: data.worker, timeOrigin: performance.timeOrigin, connections: members.length + watchers.length, connectMs: performance.now() - t0 });

// Participants at work: a write every 2–3 s, sometimes a drag (a burst), a cursor in awareness.
let writing = false;
let moving = false;
let loops: Promise<void>[] = [];
let presenceTimers: NodeJS.Timeout[] = [];

function startParticipants(): void {
  writing = true;
  moving = true;
  loops = members.map(async (m) => {
    await delay(Math.random() * pace.writeMaxMs);
    while (writing) {
      const receivers = (groupSizeOf.get(m.opts.groupIndex) ?? 1) - 1;
      if (Math.random() < pace.burstProbability) {
        for (let b = 0; b < pace.burstWrites && writing; b++) {
          m.write(receivers);
          await delay(pace.burstGapMs);
        }
      } else {
        m.write(receivers);
      }
      await delay(pace.writeMinMs + Math.random() * (pace.writeMaxMs - pace.writeMinMs));
    }
  });
  presenceTimers = pace.presenceHz > 0 ? members.map((m, i) => {
    let n = i;
    return setInterval(() => moving && m.movePointer(n++), 1000 / pace.presenceHz);
  }) : [];
}

// This thread's event loop and CPU over the measured window.
const eld = monitorEventLoopDelay({ resolution: 10 });
const stalls = new StallWatch();
const gcs = new GcWatch();
let elu0: EventLoopUtilization | undefined;
let cpu0 = 0;
let openedAt = 0;

async function handle(msg: MainToWorker): Promise<void> {
  switch (msg.type) {
    case 'start':
      startParticipants();
      return;
    case 'window-start':
      windowFrom = msg.atEpochMs - performance.timeOrigin;
      openedAt = performance.now();
      eld.enable();
      stalls.start();
      gcs.start();
      elu0 = performance.eventLoopUtilization();
      cpu0 = currentThreadCpuMs(data.ticksPerSecond);
      return;
    case 'progress':
      send({ type: 'progress', worker: data.worker, ...ledger.counts(windowFrom, windowUntil) });
      return;
    case 'window-end': {
      windowUntil = msg.atEpochMs - performance.timeOrigin;
      const closedAt = performance.now();
      const cpuMs = currentThreadCpuMs(data.ticksPerSecond) - cpu0;
      const elu = performance.eventLoopUtilization(elu0);
      eld.disable();
      stalls.stop();
      gcs.stop();
      writing = false;
      await Promise.all(loops);
      const drain0 = performance.now();
      const expected = ledger.counts(windowFrom, windowUntil).expected;
      await pollUntil(() => ledger.counts(windowFrom, windowUntil).received >= expected && stateLatencies.length >= msg.broadcasts * watchers.length, msg.drainMs, 50);
      const drainMs = performance.now() - drain0;
      moving = false;
      for (const timer of presenceTimers) clearInterval(timer);
      const counts = ledger.counts(windowFrom, windowUntil);
      const { latencies, sendTimes } = ledger.window(windowFrom, windowUntil);
      const states = stateLatencies.values().slice();
      send(
        {
          type: 'ledger',
          worker: data.worker,
          timeOrigin: performance.timeOrigin,
          groups: groupSizeOf.size,
          connections: members.length + watchers.length,
          ...counts,
          duplicates: ledger.duplicates,
          latencies,
          sendTimes,
          stateLatencies: states,
          stateWatchers: watchers.length,
          drainMs,
          cpuMs,
          windowMs: closedAt - openedAt,
          eventLoopUtilization: elu.utilization,
          eventLoopDelayP99Ms: eld.percentile(99) / 1e6,
          eventLoopDelayMaxMs: eld.max / 1e6,
          stalls: stalls.stalls,
          gcs: gcs.spans,
          windowFrom: openedAt,
          windowTo: closedAt,
        },
        [latencies.buffer as ArrayBuffer, sendTimes.buffer as ArrayBuffer, states.buffer as ArrayBuffer],
      );
      return;
    }
    case 'touch': {
      const firsts = new Map<number, GroupMember>();
      for (const m of members) if (!firsts.has(m.opts.groupIndex)) firsts.set(m.opts.groupIndex, m);
      for (const m of firsts.values()) m.write(0);
      send({ type: 'touched', worker: data.worker });
      return;
    }
    case 'stop': {
      moving = false;
      writing = false;
      for (const timer of presenceTimers) clearInterval(timer);
      for (const m of members) m.destroy();
      for (const w of watchers) w.destroy();
      send({ type: 'stopped', worker: data.worker, unexpectedCloses: members.reduce((n, m) => n + m.unexpectedCloses, 0) });
      port.close();
      return;
    }
  }
}
