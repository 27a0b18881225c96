import { describe, expect, it } from 'vitest';
import { EventLoopMonitor } from '../../../server/http/eventLoopMonitor.ts';
import { waitUntil } from '../../helpers/wait.ts';

// Health reports how long the server's event loop was held up: a stall there delays every
// board's messages (issue 15's relay target), so an operator must be able to see one.
describe('the event-loop monitor', () => {
  it('reports a stall of the loop as its maximum delay, and the loop as busy', async () => {
    const monitor = new EventLoopMonitor(60_000, 10);
    monitor.start();
    try {
      // The histogram records the time between two of its ticks: let it tick before the stall.
      await waitUntil(() => monitor.figures().delayP99Ms > 0, { what: 'the monitor to tick', timeoutMs: 2000 });
      const until = performance.now() + 120;
      while (performance.now() < until) {
        // hold the loop, as a long synchronous task on the server would
      }
      await waitUntil(() => monitor.figures().delayMaxMs >= 120, { what: 'the stall to be recorded', timeoutMs: 3000, intervalMs: 20 });
      const f = monitor.figures();
      expect(f.delayMaxMs).toBeGreaterThanOrEqual(120);
      expect(f.delayP99Ms).toBeGreaterThan(0);
      expect(f.utilization).toBeGreaterThan(0);
      expect(f.utilization).toBeLessThanOrEqual(1);
    } finally {
      monitor.stop();
    }
  });
});
