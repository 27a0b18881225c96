import http from 'node:http';
import zlib from 'node:zlib';
import { SampleBuffer } from '../lib/stats.ts';
import type { ServerUnderTest } from '../lib/servers.ts';

/** One `GET /overview` as the bench saw it. */
export interface OverviewSample {
  /** Round trip including reading the body (ms). */
  rttMs: number;
  /** Server CPU used between just before and just after the call (ms, /proc tick resolution). */
  cpuMs: number;
  bytes: number;
  groups: number;
  ok: boolean;
}

/** Call the facilitator's overview once, timing the round trip and the server's CPU around it. */
export async function overviewOnce(server: ServerUnderTest, workshopId: string, token: string): Promise<OverviewSample> {
  const cpu0 = server.cpuMs();
  const t0 = performance.now();
  let ok = false;
  let bytes = 0;
  let groups = 0;
  try {
    const res = await fetch(`${server.baseUrl}/api/workshops/${workshopId}/overview`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    bytes = text.length;
    ok = res.ok;
    // Counted without parsing: a 1–2 MB JSON.parse would stall the load generator's event loop.
    if (ok) groups = text.split('"boardId"').length - 1;
  } catch {
    ok = false;
  }
  const rttMs = performance.now() - t0;
  return { rttMs, cpuMs: server.cpuMs() - cpu0, bytes, groups, ok };
}

/**
 * The facilitator's dashboard: `GET /overview` every `everyMs` (never two in flight, as the
 * client does), collecting round trips and the server CPU spent around each call beyond the
 * background rate measured before the dashboard opened.
 */
export class DashboardPoller {
  readonly rtt = new SampleBuffer();
  readonly excessCpu = new SampleBuffer();
  readonly samples: OverviewSample[] = [];
  /** When each measured call was in flight (bench clock), to split relay latency by it. */
  readonly windows: { from: number; to: number }[] = [];
  failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;

  constructor(private readonly opts: { server: ServerUnderTest; workshopId: string; token: string; everyMs: number; baselineCpuPerMs: () => number; measuring: () => boolean }) {}

  start(): void {
    const tick = async () => {
      if (this.inFlight) return;
      this.inFlight = true;
      const from = performance.now();
      const s = await overviewOnce(this.opts.server, this.opts.workshopId, this.opts.token);
      this.inFlight = false;
      if (!this.opts.measuring()) return;
      this.windows.push({ from, to: performance.now() });
      this.samples.push(s);
      if (!s.ok) this.failures++;
      this.rtt.push(s.rttMs);
      this.excessCpu.push(Math.max(0, s.cpuMs - this.opts.baselineCpuPerMs() * s.rttMs));
    };
    void tick();
    this.timer = setInterval(() => void tick(), this.opts.everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Split delivery latencies into those whose journey (send to arrival) overlapped a dashboard
 * call and the others: if the overview blocks the server, the first set shows it.
 */
export function splitByWindows(latencies: Float64Array, sendTimes: Float64Array, windows: readonly { from: number; to: number }[]): { during: Float64Array; outside: Float64Array } {
  const sorted = [...windows].sort((a, b) => a.from - b.from);
  const during: number[] = [];
  const outside: number[] = [];
  for (let i = 0; i < latencies.length; i++) {
    const sent = sendTimes[i] as number;
    const arrived = sent + (latencies[i] as number);
    // Binary search for the last window starting before the arrival.
    let lo = 0;
    let hi = sorted.length - 1;
    let hit = false;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as { from: number }).from <= arrived) lo = mid + 1;
      else hi = mid - 1;
    }
    for (let k = hi; k >= 0 && k >= hi - 1; k--) if ((sorted[k] as { to: number }).to >= sent) hit = true;
    (hit ? during : outside).push(latencies[i] as number);
  }
  return { during: Float64Array.from(during), outside: Float64Array.from(outside) };
}

/**
 * The facilitator's dashboard as the client now has it (issue 15): one server-sent event
 * stream, gzipped, read with a raw HTTP request so the bytes on the wire are counted as well
 * as the decoded events.
 */
export class DashboardStream {
  /** Bytes received on the wire (compressed) and decoded, and events, while measuring. */
  wireBytes = 0;
  decodedBytes = 0;
  events = 0;
  groupEvents = 0;
  thumbnails = 0;
  /** Time from the request to the whole picture (ms). */
  firstPictureMs = Number.NaN;
  firstPictureBytes = 0;
  failures = 0;
  private req: http.ClientRequest | undefined;
  private stopped = false;

  constructor(private readonly opts: { server: ServerUnderTest; workshopId: string; token: string; measuring: () => boolean }) {}

  start(): void {
    const url = new URL(`${this.opts.server.baseUrl}/api/workshops/${this.opts.workshopId}/overview/stream`);
    const t0 = performance.now();
    this.req = http.get(url, { headers: { authorization: `Bearer ${this.opts.token}`, 'accept-encoding': 'gzip' } }, (res) => {
      if (res.statusCode !== 200) {
        this.failures++;
        res.resume();
        return;
      }
      const gunzip = res.headers['content-encoding'] === 'gzip' ? zlib.createGunzip() : undefined;
      res.on('data', (chunk: Buffer) => {
        if (this.opts.measuring()) this.wireBytes += chunk.length;
      });
      let buffer = '';
      const onText = (chunk: Buffer) => {
        if (this.opts.measuring()) this.decodedBytes += chunk.length;
        buffer += chunk.toString('utf8');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith('data:')) continue;
          if (Number.isNaN(this.firstPictureMs)) {
            this.firstPictureMs = performance.now() - t0;
            this.firstPictureBytes = block.length;
            continue;
          }
          if (!this.opts.measuring()) continue;
          this.events++;
          if (block.includes('"type":"group"')) this.groupEvents++;
          if (block.includes('"svg"')) this.thumbnails++;
        }
      };
      if (gunzip) {
        res.pipe(gunzip);
        gunzip.on('data', onText);
        gunzip.on('error', () => this.failed());
      } else res.on('data', onText);
      res.on('error', () => this.failed());
    });
    this.req.on('error', () => this.failed());
  }

  /** A broken stream counts, not the one `stop` closed. */
  private failed(): void {
    if (!this.stopped) this.failures++;
  }

  stop(): void {
    this.stopped = true;
    this.req?.destroy();
  }
}
