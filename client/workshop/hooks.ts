import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { initialWorkshopState, type WorkshopState } from '../../shared/workshop/index.ts';
import { workshopApi } from '../lib/api.ts';
import { bestOffset } from './viewModel.ts';
import { WorkshopStateConnection, type StateStatus } from './WorkshopStateConnection.ts';

const NOT_CONNECTED: WorkshopState = initialWorkshopState();

/**
 * The workshop state document, live: the connection (null until the effect made it; used for
 * writes), the state and the status. The connection lives in an effect, so React's strict
 * mode (mount, unmount, mount) gets a fresh one instead of a destroyed one.
 */
export function useWorkshopState(workshopId: string, token: string): { connection: WorkshopStateConnection | null; state: WorkshopState; status: StateStatus } {
  const [connection, setConnection] = useState<WorkshopStateConnection | null>(null);
  useEffect(() => {
    const c = new WorkshopStateConnection({ workshopId, token });
    setConnection(c);
    return () => {
      setConnection(null);
      c.destroy();
    };
  }, [workshopId, token]);
  const subscribe = useCallback((cb: () => void) => connection?.subscribe(cb) ?? (() => undefined), [connection]);
  const state = useSyncExternalStore(subscribe, () => connection?.state ?? NOT_CONNECTED);
  const status = useSyncExternalStore(subscribe, () => connection?.status ?? 'connecting');
  return { connection, state, status };
}

/**
 * `serverNow − Date.now()`, measured once per page from `GET /api/time` (three quick samples,
 * the shortest round trip wins; the server is taken to read its clock at the midpoint).
 * 0 until measured or when the server cannot be reached.
 */
export function useServerOffset(): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const samples: { sentAt: number; serverNow: number; receivedAt: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const sentAt = Date.now();
        const r = await workshopApi.time();
        const receivedAt = Date.now();
        if (r.ok) samples.push({ sentAt, serverNow: r.value.now, receivedAt });
      }
      if (live && samples.length > 0) setOffset(bestOffset(samples));
    })();
    return () => {
      live = false;
    };
  }, []);
  return offset;
}

/** `Date.now()`, re-read every `intervalMs` (a quarter second keeps a mm:ss display exact to the second). */
export function useNow(intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Whether the page is visible (`document.visibilityState`). */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    (cb) => {
      document.addEventListener('visibilitychange', cb);
      return () => document.removeEventListener('visibilitychange', cb);
    },
    () => document.visibilityState === 'visible',
  );
}
