import WebSocket from 'ws';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/** V8 heap numbers of a child, as `process.memoryUsage()` reports them (bytes). */
export interface ChildMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/**
 * A minimal Chrome DevTools Protocol client for a child started with `--inspect`, so the
 * bench can force a full GC and read heap figures in a server it does not modify.
 */
export class Inspector {
  private readonly ws: WebSocket;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('inspector closed'));
      this.pending.clear();
    });
  }

  /** Connect to the `ws://…` URL the child printed ("Debugger listening on …"). */
  static connect(url: string): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(new Inspector(ws)));
      ws.once('error', reject);
    });
  }

  /** Call one protocol method. */
  call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Force full garbage collections in the child. */
  async collectGarbage(times = 2): Promise<void> {
    for (let i = 0; i < times; i++) await this.call('HeapProfiler.collectGarbage');
  }

  /** The child's `process.memoryUsage()`. */
  async memoryUsage(): Promise<ChildMemory> {
    const r = await this.call<{ result: { value: string } }>('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    return JSON.parse(r.result.value) as ChildMemory;
  }

  /** Start V8's CPU profiler in the child, sampling every `intervalUs`. */
  async startProfiling(intervalUs = 500): Promise<void> {
    await this.call('Profiler.enable');
    await this.call('Profiler.setSamplingInterval', { interval: intervalUs });
    await this.call('Profiler.start');
  }

  /** Stop the profiler; the profile in `.cpuprofile` JSON form. */
  async stopProfiling(): Promise<unknown> {
    const r = await this.call<{ profile: unknown }>('Profiler.stop');
    return r.profile;
  }

  /**
   * Start V8's sampling heap profiler: one sample per `intervalBytes` allocated, keeping the
   * samples of objects that garbage collections freed, so the profile shows what is allocated
   * (what drives GC), not only what survives.
   */
  async startHeapSampling(intervalBytes = 8192): Promise<void> {
    await this.call('HeapProfiler.enable');
    await this.call('HeapProfiler.startSampling', {
      samplingInterval: intervalBytes,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }

  /** Stop heap sampling; the profile in `.heapprofile` JSON form. */
  async stopHeapSampling(): Promise<unknown> {
    const r = await this.call<{ profile: unknown }>('HeapProfiler.stopSampling');
    return r.profile;
  }

  /** Close the protocol connection. */
  close(): void {
    this.ws.close();
  }
}
