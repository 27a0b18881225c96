import { describe, expect, it } from 'vitest';
import { openBoard, screenshot, waitForShape, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

// Issue 13: the owner link opened in a browser that did not create the board shows working
// edit and view links (derived from the owner token), without rotating anything.
describe('the owner opens the owner link in a fresh browser', () => {
  it('copies edit and view links that work in two other browsers', async () => {
    const board = await e2e.server.createBoard({ title: '別のPCで開いた管理者' });
    const owner = await e2e.participant();
    await openBoard(owner.page, board.links.owner, { name: '相談 花子', role: 'soudan' });
    await owner.page.getByTestId('share-button').click();
    await owner.page.getByRole('dialog').waitFor();
    const editLink = owner.page.getByTestId('share-edit');
    const viewLink = owner.page.getByTestId('share-view');
    await editLink.waitFor();
    await viewLink.waitFor();
    await screenshot(owner.page, 'owner-links/01-share-dialog-in-a-fresh-browser');
    const edit = await editLink.inputValue();
    const view = await viewLink.inputValue();
    // The very links the board was created with: nothing was rotated.
    expect(edit).toBe(board.links.edit);
    expect(view).toBe(board.links.view);
    await owner.page.keyboard.press('Escape');

    const seed = await owner.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'geo', x: 120, y: 120, props: { w: 160, h: 90 } });
      return editor.getCurrentPageShapes()[0]!.id as string;
    });

    const editor = await e2e.participant();
    await openBoard(editor.page, edit, { name: '介護 次郎', role: 'caremanager' });
    await waitForShape(editor.page, seed);
    expect(await editor.page.getByTestId('readonly-note').count()).toBe(0);
    const newId = 'shape:from-the-edit-link';
    await editor.page.evaluate((id) => {
      (window as BoardWindow).editor!.createShape({ id: id as never, type: 'geo', x: 400, y: 120, props: { w: 160, h: 90 } });
    }, newId);
    await waitForShape(owner.page, newId);

    const viewer = await e2e.participant();
    await openBoard(viewer.page, view, { name: '見学 さん', role: 'observer' });
    await waitForShape(viewer.page, newId);
    await viewer.page.getByTestId('readonly-note').waitFor();
    await screenshot(viewer.page, 'owner-links/02-view-link-opened');
  });
});
