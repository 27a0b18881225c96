import { describe, expect, it } from 'vitest';
import { openBoard } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

/** y-websocket message type of an awareness frame (first byte). */
const MESSAGE_AWARENESS = 1;

describe('a participant alone on a board', () => {
  // The stock y-websocket provider closes a socket that has heard nothing for 30 s. Alone on a
  // board (tldraw publishes no cursor without collaborators), its own awareness renewals every
  // 15 s are all it could hear, so the server must relay awareness to the sender too, as
  // y-websocket-server does; otherwise the participant reconnects every ~33 s.
  it('hears its own awareness state back from the server', async () => {
    const board = await e2e.server.createBoard({ title: 'ひとり' });
    const { page } = await e2e.participant();
    let heard = 0;
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        const bytes = typeof f.payload === 'string' ? Buffer.from(f.payload) : f.payload;
        if (bytes[0] === MESSAGE_AWARENESS) heard++;
      }),
    );
    await openBoard(page, board.links.owner, { name: '山田 太郎' });
    await expect.poll(() => heard, { timeout: 5000 }).toBeGreaterThan(0);
  });
});
