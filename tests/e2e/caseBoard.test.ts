import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startProcessServer, type ProcessServer } from '../helpers/processServer.ts';

// The case-conference shapes in a real browser: a board from exercise-1, a service card
// edited in the side panel and in place (with IME composition), the transition helper,
// and the summary. Screenshots of each step go to tests/e2e/artifacts/.

const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface ShapeInfo {
  id: string;
  type: string;
  parentId: string;
  props: Record<string, unknown>;
}

let server: ProcessServer;
let browser: Browser;
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `caseBoard-${name}.png`) });
}

/** The current page's shapes as plain data, read through tldraw's `window.editor` hook. */
async function pageShapes(): Promise<ShapeInfo[]> {
  return page.evaluate(() =>
    window.editor!.getCurrentPageShapes().map((s) => ({ id: s.id, type: s.type, parentId: s.parentId, props: s.props as Record<string, unknown> })),
  );
}

async function shapeProps(id: string): Promise<Record<string, unknown>> {
  return page.evaluate((shapeId) => window.editor!.getShape(shapeId as never)!.props as Record<string, unknown>, id);
}

/** Select one shape and bring it to the middle of the view at 100 %. */
async function selectAndShow(id: string): Promise<void> {
  await page.evaluate((shapeId) => {
    const editor = window.editor!;
    editor.select(shapeId as never);
    editor.zoomToSelection({ animation: { duration: 0 } });
    editor.resetZoom(editor.getViewportScreenCenter(), { animation: { duration: 0 } });
    editor.centerOnPoint(editor.getSelectionPageBounds()!.center, { animation: { duration: 0 } });
  }, id);
}

async function screenCenterOf(id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((shapeId) => {
    const editor = window.editor!;
    const b = editor.getShapePageBounds(shapeId as never)!;
    const p = editor.pageToScreen({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
    return { x: p.x, y: p.y };
  }, id);
}

/** Types Japanese through Chromium's IME: kana compositions first, then the converted text. */
async function imeType(steps: readonly string[], result: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const kana of steps) {
    await cdp.send('Input.imeSetComposition', { text: kana, selectionStart: kana.length, selectionEnd: kana.length });
  }
  await cdp.send('Input.insertText', { text: result });
  await cdp.detach();
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startProcessServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=ja-JP'] });
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'ja-JP' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('case board: service cards and the transition helper', () => {
  let sourceId = '';

  it('opens a board made from exercise-1', async () => {
    const board = await server.createBoard({ title: '山本さん 移行支援会議', template: 'exercise-1' });
    const link = board.links.owner.startsWith('http') ? board.links.owner : `${server.baseUrl}${board.links.owner}`;
    await page.goto(link);
    await page.getByTestId('identity-name').fill('田中 相談員');
    await page.getByTestId('identity-role').selectOption('soudan');
    await page.getByTestId('identity-enter').click();
    await page.getByTestId('case-menu').waitFor();
    await page.waitForFunction(() => window.editor !== undefined);
    await page.evaluate(() => {
      window.editor!.zoomToFit({ animation: { duration: 0 } });
    });
    await shot('01-board');
  });

  it('has (or gets, through the ケース会議 menu) a 居宅介護 card', async () => {
    const isKyotaku = (s: ShapeInfo) =>
      s.type === 'rb-service' && s.props.system === 'shogai' && (s.props.serviceId === 'kyotaku-kaigo' || String(s.props.service).includes('居宅介護'));
    const existing = (await pageShapes()).find(isKyotaku);
    if (existing) {
      sourceId = existing.id;
    } else {
      // The template has no cards yet: make one the way a participant would.
      const before = new Set((await pageShapes()).map((s) => s.id));
      await page.getByTestId('add-rb-service').click();
      const created = (await pageShapes()).find((s) => s.type === 'rb-service' && !before.has(s.id));
      expect(created).toBeDefined();
      sourceId = created!.id;
      await page.getByTestId('service-system').selectOption('shogai');
      await page.getByTestId('service-name').fill('居宅介護');
    }
    await selectAndShow(sourceId);
    await expect.poll(async () => (await shapeProps(sourceId)).serviceId).toBe('kyotaku-kaigo');
    await shot('02-service-card');
  });

  it('edits the card through the side panel', async () => {
    await page.getByTestId('service-provider').fill('ヘルパーステーションあゆみ');
    await page.getByTestId('service-amount').fill('週3回・各2時間（家事援助・身体介護）');
    await page.getByTestId('service-note').fill('本人の指示で買い物と調理');
    await expect
      .poll(() => shapeProps(sourceId))
      .toMatchObject({ provider: 'ヘルパーステーションあゆみ', amount: '週3回・各2時間（家事援助・身体介護）', note: '本人の指示で買い物と調理' });
    await page.getByTestId('rb-service').filter({ hasText: 'ヘルパーステーションあゆみ' }).waitFor({ state: 'visible' });
    await shot('03-side-panel-edit');
  });

  it('edits the card in place, with Japanese typed through the IME', async () => {
    const at = await screenCenterOf(sourceId);
    await page.mouse.dblclick(at.x, at.y);
    const field = page.locator('.rb-service__name.rb-inline-input');
    await field.waitFor();
    await field.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await shapeProps(sourceId)).service).toBe('');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'きょたく', selectionStart: 4, selectionEnd: 4 });
    // Mid-composition the kana stay in the field and do not reach the board.
    await expect.poll(() => field.inputValue()).toBe('きょたく');
    expect((await shapeProps(sourceId)).service).toBe('');
    await shot('04-in-place-composing');
    await cdp.detach();
    await imeType(['きょたくかいご'], '居宅介護');
    await expect.poll(() => field.inputValue()).toBe('居宅介護');
    await expect.poll(() => shapeProps(sourceId)).toMatchObject({ service: '居宅介護', serviceId: 'kyotaku-kaigo' });
    await field.press('Escape');
    await field.waitFor({ state: 'detached' });
    await shot('05-in-place-done');
  });

  it('shows the transition of the selected 居宅介護 card and adds the 訪問介護 proposal with a bound arrow', async () => {
    // The 移行後・提案 area: from the template when it has one, else drawn for this test.
    const frames = (await pageShapes()).filter((s) => s.type === 'frame' && String(s.props.name).startsWith('移行後'));
    let frameId = frames[0]?.id;
    if (!frameId) {
      frameId = await page.evaluate((src) => {
        const editor = window.editor!;
        const b = editor.getShapePageBounds(src as never)!;
        const id = `shape:after-move-${Date.now()}` as never;
        editor.createShape({ id, type: 'frame', x: b.x + b.w + 200, y: b.y - 40, props: { name: '移行後・提案', w: 600, h: 260 } });
        return id as string;
      }, sourceId);
    }
    await selectAndShow(sourceId);
    const panel = page.getByTestId('transition-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await page.getByTestId('transition-counterparts').textContent()).toBe('訪問介護');
    expect(await panel.textContent()).toContain('共生型');
    await shot('06-transition-panel');

    // The template already draws the 訪問介護 proposal: the helper says so and shows it, and
    // offers no button that would add a second one.
    const drawn = (await pageShapes()).find((s) => s.type === 'rb-service' && s.props.status === 'proposed' && s.props.service === '訪問介護');
    if (drawn) {
      await page.getByTestId('proposal-exists').waitFor();
      expect(await page.getByTestId('add-proposal').count()).toBe(0);
      await page.getByTestId('show-proposal').click();
      await expect.poll(() => page.evaluate(() => window.editor!.getSelectedShapeIds())).toEqual([drawn.id]);
      await shot('06b-proposal-already-on-the-board');
      // Taken off the board, the proposal can be added again.
      await page.evaluate((id) => { window.editor!.deleteShapes([id as never]); }, drawn.id);
      await selectAndShow(sourceId);
    }

    const before = new Set((await pageShapes()).map((s) => s.id));
    await page.getByTestId('add-proposal').click();
    const added = (await pageShapes()).filter((s) => !before.has(s.id));
    const card = added.find((s) => s.type === 'rb-service');
    const arrow = added.find((s) => s.type === 'arrow');
    expect(card).toBeDefined();
    expect(arrow).toBeDefined();
    expect(card!.props).toMatchObject({ service: '訪問介護', status: 'proposed', provider: 'ヘルパーステーションあゆみ', system: 'kyoseigata' });
    expect(card!.parentId).toBe(frameId);
    const bindings = await page.evaluate(
      (id) => window.editor!.getBindingsFromShape(id as never, 'arrow').map((b) => ({ toId: b.toId, terminal: (b.props as { terminal: string }).terminal })),
      arrow!.id,
    );
    expect(bindings.sort((a, b) => a.terminal.localeCompare(b.terminal))).toEqual([
      { toId: card!.id, terminal: 'end' },
      { toId: sourceId, terminal: 'start' },
    ]);
    await page.evaluate(() => {
      window.editor!.zoomToFit({ animation: { duration: 0 } });
    });
    await page.getByTestId('rb-service').filter({ hasText: '訪問介護' }).first().waitFor({ state: 'visible' });
    await shot('07-proposal-added');

    // The summary lists the move and its proposal; clicking it selects the new card.
    const summary = page.getByTestId('transition-summary');
    await expect.poll(() => summary.getByTestId('summary-moves').textContent()).toContain('居宅介護 → 訪問介護');
    const proposal = summary.getByTestId('summary-proposal').filter({ hasText: '訪問介護' }).first();
    await proposal.waitFor({ state: 'visible' });
    await proposal.scrollIntoViewIfNeeded();
    await proposal.click();
    await expect.poll(() => page.evaluate(() => window.editor!.getSelectedShapeIds())).toEqual([card!.id]);
    await shot('08-summary');
  });
});

describe('case board: the other shapes', () => {
  it('places each shape from the ケース会議 menu, edits it, and draws it', async () => {
    const newest = async (type: string) => (await pageShapes()).filter((s) => s.type === type).at(-1)!;
    const move = (id: string, x: number, y: number) =>
      page.evaluate(
        ([shapeId, px, py]) => {
          // A shape placed over a frame becomes its child; lay them out on the page itself.
          const editor = window.editor!;
          editor.reparentShapes([shapeId as never], editor.getCurrentPageId());
          editor.updateShape({ id: shapeId as never, type: editor.getShape(shapeId as never)!.type, x: px as number, y: py as number });
        },
        [id, x, y] as const,
      );
    const base = await page.evaluate(() => {
      const b = window.editor!.getCurrentPageBounds();
      return { x: 0, y: (b ? b.maxY : 0) + 400 };
    });

    await page.getByTestId('add-rb-voice').click();
    const voice = await newest('rb-voice');
    await move(voice.id, base.x, base.y);
    await selectAndShow(voice.id);
    const at = await screenCenterOf(voice.id);
    await page.mouse.dblclick(at.x, at.y);
    await page.locator('.rb-voice__text.rb-inline-input').waitFor();
    await imeType(['いえで', 'いえでくらしたい'], '家で暮らしたい。母と一緒に。');
    await page.keyboard.press('Escape');
    await page.getByTestId('voice-panel').waitFor();
    await page.getByLabel('書きとめた人').fill('相談支援専門員 田中');
    await expect.poll(() => shapeProps(voice.id)).toMatchObject({ text: '家で暮らしたい。母と一緒に。', recordedBy: '相談支援専門員 田中' });
    await page.locator(`[data-shape-id="${voice.id}"]`).filter({ hasText: '家で暮らしたい' }).first().waitFor({ state: 'visible' });
    await shot('09-client-voice');

    await page.getByTestId('add-rb-plan').click();
    const plan = await newest('rb-plan');
    await move(plan.id, base.x + 320, base.y);
    await page.getByTestId('plan-need').fill('母の介護が必要になっても、家で暮らし続けたい');
    await page.getByLabel('担当').selectOption('caremanager');

    await page.getByTestId('add-rb-person').click();
    const self = await newest('rb-person');
    await move(self.id, base.x + 700, base.y);
    await page.getByTestId('person-name').fill('山本 和夫さん');
    await page.getByLabel('種類').selectOption('self');
    await page.getByLabel('性別（ジェノグラム）').selectOption('male');
    await page.getByTestId('add-rb-person').click();
    const mother = await newest('rb-person');
    await move(mother.id, base.x + 1000, base.y);
    await page.getByTestId('person-name').fill('母 トシ子さん');
    await page.getByLabel('性別（ジェノグラム）').selectOption('female');
    await page.getByTestId('add-rb-tie').click();
    const tie = await newest('rb-tie');
    await move(tie.id, base.x + 860, base.y + 45);
    await page.getByTestId('tie-kind').selectOption('stress');

    await page.getByTestId('add-rb-lifeline').click();
    const life = await newest('rb-lifeline');
    await move(life.id, base.x, base.y + 260);
    await page.getByTestId('lifeline-birth').fill('1961-06-15');
    await page.getByTestId('lifeline-disease').check();
    await expect.poll(() => shapeProps(life.id)).toMatchObject({ birthDate: '1961-06-15', specifiedDisease: true });
    const band = page.locator(`[data-shape-id="${life.id}"]`).first();
    await band.getByTestId('lifeline-now').waitFor();

    await page.evaluate((ids) => {
      const editor = window.editor!;
      editor.select(...(ids as never[]));
      editor.zoomToSelection({ animation: { duration: 0 } });
      editor.selectNone();
    }, [voice.id, plan.id, self.id, mother.id, tie.id, life.id]);
    await shot('10-other-shapes');
    expect(await band.getByTestId('lifeline-overlap').count()).toBe(1);
  });
});
