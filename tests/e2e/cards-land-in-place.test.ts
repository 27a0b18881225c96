import { describe, expect, it } from 'vitest';
import { openBoard, screenshot, type BoardWindow } from '../helpers/browser.ts';
import { useE2E } from './harness.ts';

const e2e = useE2E();

interface Placed {
  id: string;
  type: string;
  parentName: string | null;
  system: string | null;
  box: { x: number; y: number; w: number; h: number };
  frame: { x: number; y: number; w: number; h: number } | null;
  lane: { x: number; y: number; w: number; h: number } | null;
  /** The page box of the header bar tagged with the kind's column, in the same frame. */
  columnHead: { x: number; y: number; w: number; h: number } | null;
  /** Page boxes of the other shapes with the same parent (column guides and arrows left out). */
  siblings: { id: string; x: number; y: number; w: number; h: number }[];
}

const overlap = (a: Placed['box'], b: Placed['box']) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const within = (a: Placed['box'], o: Placed['box']) => a.x >= o.x && a.y >= o.y && a.x + a.w <= o.x + o.w && a.y + a.h <= o.y + o.h;

// Issue 13: every kind of card added from the ケース会議 menu lands in a free spot of the frame
// that fits it (a service card in its system's column of 現在のサービス), never on another shape.
// A frame with columns side by side puts a card under its column's header bar: 本人の言葉 in
// 本人の言葉 (never in 家族の思い), plan items in 支援の提案.
const KINDS: readonly { type: string; frame: string; column?: string }[] = [
  { type: 'rb-service', frame: '現在のサービス' },
  { type: 'rb-plan', frame: '移行後・提案', column: 'proposal-plans' },
  { type: 'rb-voice', frame: '本人の思い', column: 'voices-self' },
  { type: 'rb-lifeline', frame: 'ライフステージ' },
  { type: 'rb-person', frame: 'エコマップ' },
  { type: 'rb-basic-info', frame: '事例概要' },
  { type: 'rb-meeting', frame: '事例概要' },
];

describe('cards land in place', () => {
  it('adding each kind twice puts both in their frame, on nothing else', async () => {
    const board = await e2e.server.createBoard({ title: '山本さん 移行支援会議', template: 'exercise-1' });
    const { page } = await e2e.participant({ viewport: { width: 1400, height: 900 } });
    await openBoard(page, board.links.owner, { name: '田中 相談員', role: 'soudan' });
    await page.getByTestId('case-menu').waitFor();

    for (const kind of KINDS) {
      const added: string[] = [];
      for (let i = 0; i < 2; i++) {
        const before = new Set(await page.evaluate(() => [...(window as BoardWindow).editor!.getCurrentPageShapeIds()] as string[]));
        // Nothing selected: the shape's own frame decides, not a frame picked earlier.
        await page.evaluate(() => void (window as BoardWindow).editor!.selectNone());
        await page.getByTestId(`add-${kind.type}`).click();
        await page.waitForFunction(
          ([t, prev]) => (window as BoardWindow).editor!.getCurrentPageShapes().some((s) => s.type === t && !(prev as string[]).includes(s.id)),
          [kind.type, [...before]] as const,
        );
        const id = await page.evaluate(
          ([t, prev]) => (window as BoardWindow).editor!.getCurrentPageShapes().find((s) => s.type === t && !(prev as string[]).includes(s.id))?.id ?? null,
          [kind.type, [...before]] as const,
        );
        expect(id, `a new ${kind.type}`).not.toBeNull();
        added.push(id!);
      }
      const placed: Placed[] = await page.evaluate(([ids, column]) => {
        const editor = (window as BoardWindow).editor!;
        const box = (id: string) => {
          const b = editor.getShapePageBounds(id as never)!;
          return { x: b.x, y: b.y, w: b.w, h: b.h };
        };
        return ids.map((id) => {
          const s = editor.getShape(id as never)!;
          const parent = editor.getShape(s.parentId as never);
          const system = (s.props as { system?: string }).system ?? null;
          const laneId = system ? `shape:lane-${system === 'kyoseigata' ? 'shogai' : system}` : null;
          const siblings = parent
            ? editor.getSortedChildIdsForParent(parent.id).filter((c) => c !== id && !/^shape:lane-[a-z]+$/.test(c)).filter((c) => editor.getShape(c)?.type !== 'arrow')
            : [];
          return {
            id,
            type: s.type,
            parentName: parent?.type === 'frame' ? (parent.props as { name: string }).name : null,
            system,
            box: box(id),
            frame: parent ? box(parent.id) : null,
            lane: laneId && editor.getShape(laneId as never)?.parentId === parent?.id ? box(laneId) : null,
            columnHead: (() => {
              const head = parent ? editor.getSortedChildIdsForParent(parent.id).find((c) => (editor.getShape(c)?.meta as { rbColumn?: string }).rbColumn === column) : undefined;
              return head ? box(head) : null;
            })(),
            siblings: siblings.map((c) => ({ id: c, ...box(c) })),
          };
        });
      }, [added, kind.column ?? ''] as const);
      for (const p of placed) {
        expect(p.parentName, `${p.type} lands in its frame`).toBe(kind.frame);
        expect(within(p.box, p.frame!), `${p.type} is fully inside ${kind.frame}`).toBe(true);
        const hits = p.siblings.filter((o) => overlap(p.box, o)).map((o) => o.id);
        expect(hits, `${p.type} ${p.id} overlaps nothing`).toEqual([]);
        if (kind.column) {
          const head = p.columnHead;
          expect(head, `${kind.frame} has its ${kind.column} column`).not.toBeNull();
          expect(p.box.x >= head!.x && p.box.x + p.box.w <= head!.x + head!.w, `${p.type} sits in the ${kind.column} column`).toBe(true);
          expect(p.box.y, 'below the column’s header bar').toBeGreaterThanOrEqual(head!.y + head!.h);
        }
        if (p.type === 'rb-service') {
          expect(p.lane, 'a service card sits in its system\'s column').not.toBeNull();
          expect(within(p.box, p.lane!), 'inside the column').toBe(true);
        }
      }
      await page.evaluate((ids) => {
        const editor = (window as BoardWindow).editor!;
        // The whole frame, as a user checking where the cards went would look at it.
        const parent = editor.getShape(editor.getShape(ids[0] as never)!.parentId as never)!;
        editor.selectNone();
        editor.zoomToBounds(editor.getShapePageBounds(parent)!, { animation: { duration: 0 }, inset: 40 });
      }, added);
      await screenshot(page, `cards-land-in-place/${kind.type}`);
    }
  });
});

describe('the transition helper’s proposals land in place', () => {
  it('two proposals for 短期入所 go into サービスの提案 of 移行後・提案, one under the other, on nothing else', async () => {
    const board = await e2e.server.createBoard({ title: '山本さん 移行支援会議', template: 'exercise-1' });
    const { page } = await e2e.participant({ viewport: { width: 1400, height: 900 } });
    await openBoard(page, board.links.owner, { name: '田中 相談員', role: 'soudan' });
    const added: string[] = [];
    for (const counterpart of ['短期入所生活介護', '介護予防短期入所生活介護']) {
      await page.evaluate(() => void (window as BoardWindow).editor!.select('shape:svc-tanki' as never));
      const panel = page.getByTestId('transition-panel');
      await panel.waitFor();
      await panel.locator('select').selectOption(counterpart);
      const before = new Set(await page.evaluate(() => [...(window as BoardWindow).editor!.getCurrentPageShapeIds()] as string[]));
      await page.getByTestId('add-proposal').click();
      const id = await page.evaluate(
        (prev) => (window as BoardWindow).editor!.getCurrentPageShapes().find((s) => s.type === 'rb-service' && !prev.includes(s.id))?.id as string | undefined,
        [...before],
      );
      expect(id, `a ${counterpart} proposal`).toBeDefined();
      added.push(id!);
    }
    const placed = await page.evaluate((ids) => {
      const editor = (window as BoardWindow).editor!;
      const box = (id: string) => {
        const b = editor.getShapePageBounds(id as never)!;
        return { x: b.x, y: b.y, w: b.w, h: b.h };
      };
      return ids.map((id) => {
        const s = editor.getShape(id as never)!;
        const parent = editor.getShape(s.parentId as never)!;
        const head = editor.getSortedChildIdsForParent(parent.id).find((c) => (editor.getShape(c)?.meta as { rbColumn?: string }).rbColumn === 'proposal-services');
        const siblings = editor.getSortedChildIdsForParent(parent.id).filter((c) => c !== id && editor.getShape(c)?.type !== 'arrow');
        return { id, parentName: (parent.props as { name?: string }).name ?? null, box: box(id), frame: box(parent.id), head: head ? box(head) : null, siblings: siblings.map(box) };
      });
    }, added);
    for (const p of placed) {
      expect(p.parentName).toBe('移行後・提案');
      expect(within(p.box, p.frame), 'fully inside the frame').toBe(true);
      expect(p.head, 'the frame has its サービスの提案 column').not.toBeNull();
      expect(p.box.x >= p.head!.x && p.box.x + p.box.w <= p.head!.x + p.head!.w, 'in the サービスの提案 column').toBe(true);
      expect(p.siblings.filter((o) => overlap(p.box, o)), `${p.id} overlaps nothing`).toEqual([]);
    }
    await page.evaluate(() => {
      const editor = (window as BoardWindow).editor!;
      editor.selectNone();
      editor.zoomToBounds(editor.getShapePageBounds('shape:frame-proposals' as never)!, { animation: { duration: 0 }, inset: 40 });
    });
    await screenshot(page, 'cards-land-in-place/transition-proposals');
  });
});
