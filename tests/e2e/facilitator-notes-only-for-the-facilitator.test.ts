// 講師メモ in the browser (issue 14): the owner of an exercise board opens the facilitator notes,
// rewrites them and sees them kept; a participant with the edit link sees no such panel, and
// nothing of the notes appears anywhere on their page.
import { describe, expect, it } from 'vitest';
import { FACILITATOR_NOTES } from '../../shared/templates/facilitatorNotes.ts';
import { openBoard, screenshot } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

describe('facilitator notes', () => {
  it('are shown to the facilitator, kept when edited, and never shown to a participant', async () => {
    const board = await e2e.server.createBoard({ template: 'exercise-1' });
    const facilitator = await e2e.participant();
    const participant = await e2e.participant();
    await openBoard(facilitator.page, board.links.owner, { name: '講師 木村', role: 'soudan' });
    await openBoard(participant.page, board.links.edit, { name: '受講者 佐藤', role: 'caremanager' });

    const panel = facilitator.page.getByTestId('facilitator-notes');
    await panel.getByTestId('facilitator-notes-toggle').click();
    const body = panel.getByTestId('facilitator-notes-body');
    await expect.poll(() => body.innerText()).toContain('【想定される論点】');
    expect(await body.innerText()).toContain(FACILITATOR_NOTES['exercise-1']!.points[1]);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(facilitator.page, 'facilitator-notes/01-facilitator-opens-the-notes');

    const own = '【この回の段取り】\n・3班は発表を最初にする';
    await panel.getByTestId('facilitator-notes-edit').click();
    await panel.getByTestId('facilitator-notes-input').fill(own);
    await panel.getByTestId('facilitator-notes-save').click();
    await expect.poll(() => body.innerText()).toBe(own);
    await screenshot(facilitator.page, 'facilitator-notes/02-facilitator-saved-own-notes');

    // After a reload the saved notes come back from the server.
    await facilitator.page.reload();
    await facilitator.page.getByTestId('facilitator-notes-toggle').click();
    await expect.poll(() => facilitator.page.getByTestId('facilitator-notes-body').innerText()).toBe(own);

    // The participant: no panel, and no trace of either text on the page.
    await participant.page.getByTestId('records-panel').waitFor();
    expect(await participant.page.getByTestId('facilitator-notes').count()).toBe(0);
    const seen = await participant.page.evaluate(() => document.body.innerText);
    expect(seen).not.toContain('3班は発表を最初にする');
    expect(seen).not.toContain(FACILITATOR_NOTES['exercise-1']!.points[1]);
    await screenshot(participant.page, 'facilitator-notes/03-participant-sees-no-notes');
  });
});
