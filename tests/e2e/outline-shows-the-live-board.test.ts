import { describe, expect, it } from 'vitest';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';
import { caseShapes, outlineLink } from './outline.ts';

const e2e = useE2E();

describe('the outline (よみやすい画面) shows the live board', () => {
  it('holds every service, plan item and 本人の言葉 of 事例演習1 in reading order, with roles and names, and announces others’ edits', async () => {
    const board = await e2e.server.createBoard({ template: 'exercise-1' });
    const a = await e2e.participant();
    const b = await e2e.participant();
    await openBoard(a.page, outlineLink(board.links.edit), { name: '本田 一郎', role: 'client' });
    const outline = a.page.getByRole('main', { name: 'よみやすい画面' });
    await outline.waitFor();

    // Everything of the case on the document is in the outline, with its full text.
    const shapes = (await caseShapes(a.page)).filter((s) => !s.guide);
    const voices = shapes.filter((s) => s.type === 'rb-voice');
    const plans = shapes.filter((s) => s.type === 'rb-plan');
    const services = shapes.filter((s) => s.type === 'rb-service');
    expect(voices.length).toBeGreaterThan(0);
    expect(plans.length).toBeGreaterThan(0);
    expect(services.length).toBeGreaterThan(0);
    const texts = async (testId: string) => (await a.page.getByTestId(testId).allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
    const voiceTexts = await texts('outline-voice');
    expect(voiceTexts).toHaveLength(voices.length);
    for (const v of voices) expect(voiceTexts.some((t) => t.includes(String(v.props.text).replace(/\s+/g, '')))).toBe(true);
    const planTexts = await texts('outline-plan');
    expect(planTexts).toHaveLength(plans.length);
    for (const p of plans) expect(planTexts.some((t) => t.includes(String(p.props.need).replace(/\s+/g, '')))).toBe(true);
    const serviceTexts = await texts('outline-service');
    expect(serviceTexts).toHaveLength(services.length);
    for (const s of services) expect(serviceTexts.some((t) => t.includes(String(s.props.service).replace(/\s+/g, '')))).toBe(true);

    // What changes at 65, in plain words for the person (no 凡例, 相当 or 支給限度基準額).
    const transition = await a.page.getByTestId('outline-transition').allInnerTexts();
    expect(transition.length).toBeGreaterThan(0);
    expect(transition.some((t) => t.includes('65歳から、介護保険の「'))).toBe(true);
    for (const t of transition) expect(t).not.toMatch(/凡例|相当|支給限度基準額/);

    // The accessibility tree: a named main landmark, the sections as level-2 headings in reading
    // order (本人の言葉 first), lists of items.
    const snapshot = await outline.ariaSnapshot();
    const headings = [...snapshot.matchAll(/heading "([^"]+)" \[level=2\]/g)].map((m) => m[1]);
    expect(headings).toEqual(['本人の言葉', '本人の思い・家族の思い', '年齢と大事な日', 'いま使っているサービス', '65歳で変わること', '支援の計画', 'まだ決まっていないこと・確かめること']);
    expect(snapshot).toMatch(/heading "障害福祉サービス" \[level=3\]/);
    expect(snapshot).toMatch(/status "ボードの変更のお知らせ"/);
    expect(snapshot).toMatch(/group "見やすさと読み上げ"/);
    expect(snapshot).toMatch(/combobox "状態"/);
    expect(snapshot).toMatch(/button "本人の言葉を足す"/);
    expect(snapshot).toMatch(/listitem/);
    await a.page.getByRole('region', { name: 'ボードの図' }).waitFor();
    await screenshot(a.page, 'outline/01-exercise-1');
    for (const section of ['life', 'services', 'transition', 'plans', 'questions']) {
      await a.page.getByTestId(`outline-section-${section}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(a.page, `outline/01-exercise-1-${section}`);
    }

    // An edit on the canvas in another browser is announced in the live region within 2 s
    // (the bound), with who made it.
    await openBoard(b.page, board.links.edit, { name: '佐藤 花子', role: 'caremanager' });
    const need = '買い物に一緒に行ってくれる人を探す';
    const made = Date.now();
    await b.page.evaluate((text) => {
      const editor = (window as BoardWindow).editor!;
      editor.createShape({ type: 'rb-plan', x: 4000, y: 4000, props: { need: text } });
    }, need);
    const live = a.page.getByTestId('outline-live');
    await live.filter({ hasText: `介護支援専門員の佐藤 花子さんが計画項目を追加しました：${need}` }).waitFor({ timeout: 2000 });
    console.info(`announced ${Date.now() - made} ms after the edit`);
    await a.page.getByTestId('outline-plan').filter({ hasText: need }).waitFor();
    await screenshot(a.page, 'outline/02-announced');

    // Cursor moves are not announced: B moves its pointer over the canvas, A sees the cursor,
    // then B changes a 本人の言葉 — the next announcement speaks of that change alone.
    const box = (await b.page.getByTestId('board-canvas').boundingBox())!;
    await b.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await b.page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 });
    await a.page.waitForFunction(() => (window as BoardWindow).editor!.getCollaborators().some((c) => c.userName === '佐藤 花子' && c.cursor !== null));
    const voice = voices[0]!;
    await b.page.evaluate((id) => {
      const editor = (window as BoardWindow).editor!;
      editor.updateShape({ id: id as never, type: 'rb-voice', props: { text: '家で母と暮らしたい。' } });
    }, voice.id);
    await live.filter({ hasText: '本人の言葉を変えました' }).waitFor();
    expect(await live.innerText()).toBe('介護支援専門員の佐藤 花子さんが本人の言葉を変えました：家で母と暮らしたい。');
    await a.page.getByTestId('outline-voice').filter({ hasText: '家で母と暮らしたい。' }).waitFor();
  });

  it('switches with Alt+Shift+O both ways, and 文字を大きく enlarges the outline and zooms the canvas about what the person sees', async () => {
    const board = await e2e.server.createBoard({ template: 'exercise-1' });
    const a = await e2e.participant();
    await openBoard(a.page, board.links.edit, { name: '本田 一郎', role: 'client' });
    await a.page.keyboard.press('Alt+Shift+O');
    await a.page.getByRole('main', { name: 'よみやすい画面' }).waitFor();
    expect(new URL(a.page.url()).pathname).toMatch(/\/outline$/);
    expect(await a.page.evaluate(() => document.activeElement?.id)).toBe('rb-outline');

    const heading = a.page.getByRole('heading', { name: '本人の言葉', level: 2 });
    const before = await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const view = () => a.page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      const c = editor.getViewportPageBounds().center;
      return { z: editor.getZoomLevel(), x: Math.round(c.x), y: Math.round(c.y) };
    });
    // The outline has just narrowed the canvas: read the view once tldraw has measured it (its
    // resize observer runs a moment after the layout), or the centre read is the old one's.
    await a.page.waitForFunction(() => {
      const editor = (window as BoardWindow).editor!;
      const r = editor.getContainer().getBoundingClientRect();
      const s = editor.getViewportScreenBounds();
      return Math.abs(r.width - s.w) < 1 && Math.abs(r.height - s.h) < 1;
    });
    const camera = await view();
    await a.page.getByRole('checkbox', { name: '文字を大きく' }).focus();
    await a.page.keyboard.press('Space');
    await a.page.waitForFunction((z) => (window as BoardWindow).editor!.getZoomLevel() !== z, camera.z);
    expect(await heading.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeCloseTo(before * 1.25, 1);
    const zoomed = await view();
    expect(zoomed.z).toBeCloseTo(camera.z * 1.25, 5);
    expect({ x: zoomed.x, y: zoomed.y }).toEqual({ x: camera.x, y: camera.y });
    await screenshot(a.page, 'outline/06-larger-text');

    await a.page.keyboard.press('Alt+Shift+O');
    await a.page.getByTestId('outline').waitFor({ state: 'detached' });
    expect(new URL(a.page.url()).pathname).not.toMatch(/outline/);
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('switch-layout');
  });
});
