// The English switch reaches a workshop's default names (issue 13): the dashboard of a new
// workshop shows "Group 1", "Group 2" and the default phases in English, not 「グループ1」 or
// 「個人ワーク」; the names stay stored as written (a facilitator's own names show as they are).
import { describe, expect, it } from 'vitest';
import { Paths, type CreateWorkshopResponse } from '../../shared/protocol/index.ts';
import { DEFAULT_PHASES } from '../../shared/workshop/state.ts';
import { screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('a workshop in English', () => {
  it('shows the default group and phase names in English on the dashboard', async () => {
    const res = await fetch(`${e2e.server.baseUrl}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Course day 1', template: 'exercise-1', groups: 2 }),
    });
    expect(res.status).toBe(201);
    const ws = (await res.json()) as CreateWorkshopResponse;
    expect(ws.groups.map((g) => g.name)).toEqual(['グループ1', 'グループ2']);

    const p = await e2e.participant();
    await p.page.addInitScript(() => localStorage.setItem('renkei.locale', 'en'));
    await p.page.goto(`${e2e.server.baseUrl}${Paths.workshop(ws.id, ws.tokens.facilitator)}`);
    const phases = p.page.getByTestId('ws-phase-panel');
    await phases.waitFor();
    expect(await phases.locator('li').allInnerTexts()).toEqual(['Individual work', 'Group work', 'Presentations', 'Sharing with everyone', 'Reflection'].slice(0, DEFAULT_PHASES.length));
    await expect.poll(() => p.page.getByTestId('ws-group-0').innerText()).toContain('Group 1');
    expect(await p.page.getByTestId('ws-group-1').innerText()).toContain('Group 2');
    const seen = await p.page.evaluate(() => document.body.innerText);
    for (const ja of ['グループ1', 'グループ2', '個人ワーク', 'グループワーク', '振り返り']) expect(seen, ja).not.toContain(ja);
    await screenshot(p.page, 'workshop-english/01-dashboard');
  });
});
