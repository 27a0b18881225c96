import { describe, expect, it } from 'vitest';
import { openBoard, screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('the participants panel', () => {
  // tldraw's pointer record starts with lastActivityTimestamp 0, so a participant who has
  // not moved yet looked idle (離席中) from the moment they joined.
  it('does not show a participant who just joined as idle', async () => {
    const board = await e2e.server.createBoard({ title: '参加者の表示' });
    const a = await e2e.participant();
    const b = await e2e.participant();
    await openBoard(a.page, board.links.owner, { name: '山田 太郎', role: 'soudan' });
    await openBoard(b.page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });
    const row = a.page.getByTestId('participants').getByRole('listitem').filter({ hasText: '佐藤 花子' });
    await row.waitFor();
    await screenshot(a.page, 'pending/newcomer-not-idle');
    await expect(row.textContent()).resolves.not.toContain('離席中');
  });
});
