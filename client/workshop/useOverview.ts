import { useEffect, useState } from 'react';
import { OverviewEventSchema, type WorkshopOverviewInfo } from '../../shared/protocol/index.ts';
import { workshopApi } from '../lib/api.ts';
import { readText, sseParser } from '../lib/sse.ts';
import { usePageVisible } from './hooks.ts';
import { applyOverviewEvent } from './overviewState.ts';

/** How long to wait before opening the stream again after it broke (doubling up to the max). */
const RETRY_MS = 1000;
const RETRY_MAX_MS = 15_000;
/** How often relative times ("3分前") move on between pushes. */
const CLOCK_TICK_MS = 15_000;

/**
 * The facilitator's view of every group, pushed by the server (issue 15): the whole picture
 * when the stream opens, then each group's changes as they happen. The stream is read with
 * fetch (the token stays in the Authorization header), closed while the page is hidden and
 * opened again — with the whole picture — when it is visible; a broken stream is retried.
 */
export function useOverview(workshopId: string, token: string): { overview: WorkshopOverviewInfo | null; error: string | null; paused: boolean; fetchedAt: number | null } {
  const visible = usePageVisible();
  const [overview, setOverview] = useState<WorkshopOverviewInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    let retryMs = RETRY_MS;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    let offset = 0;
    const open = async () => {
      controller = new AbortController();
      try {
        const res = await fetch(workshopApi.overviewStreamPath(workshopId), { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal, cache: 'no-store' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        await readText(
          res,
          sseParser((data) => {
            const parsed = OverviewEventSchema.safeParse(JSON.parse(data));
            if (!live || !parsed.success) return;
            offset = parsed.data.now - Date.now();
            retryMs = RETRY_MS;
            setOverview((o) => applyOverviewEvent(o, parsed.data));
            setError(null);
            setFetchedAt(Date.now());
          }),
        );
        if (live) throw new Error('the stream ended');
      } catch (err) {
        if (!live) return;
        setError((err as Error).message);
        retry = setTimeout(() => void open(), retryMs);
        retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
      }
    };
    void open();
    // Relative times move on with the server's clock between pushes.
    const tick = setInterval(() => setOverview((o) => (o ? { ...o, now: Date.now() + offset } : o)), CLOCK_TICK_MS);
    return () => {
      live = false;
      clearTimeout(retry);
      clearInterval(tick);
      controller?.abort();
    };
  }, [workshopId, token, visible]);

  return { overview, error, paused: !visible, fetchedAt };
}
