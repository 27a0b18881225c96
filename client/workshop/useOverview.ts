import { useEffect, useState } from 'react';
import { workshopApi, type WorkshopOverviewInfo } from '../lib/api.ts';
import { usePageVisible } from './hooks.ts';

/** How often the dashboard redraws the groups while it is visible. */
export const OVERVIEW_POLL_MS = 3000;

/**
 * The facilitator's view of every group, refreshed every 3 s while the page is visible and
 * at once when it becomes visible again; never two requests in flight.
 */
export function useOverview(workshopId: string, token: string): { overview: WorkshopOverviewInfo | null; error: string | null; paused: boolean; fetchedAt: number | null } {
  const visible = usePageVisible();
  const [overview, setOverview] = useState<WorkshopOverviewInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    let inFlight = false;
    const poll = async () => {
      if (inFlight) return;
      inFlight = true;
      const r = await workshopApi.overview(workshopId, token);
      inFlight = false;
      if (!live) return;
      if (r.ok) {
        setOverview(r.value);
        setError(null);
        setFetchedAt(Date.now());
      } else {
        setError(r.message);
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), OVERVIEW_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [workshopId, token, visible]);

  return { overview, error, paused: !visible, fetchedAt };
}
