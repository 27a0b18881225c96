// extractCase: what a board says, read from its records, as the minutes and exports use it.
import { describe, expect, it } from 'vitest';
import { extractCase, plainTextOf, plansByOwner, servicesBySystem } from '../../../shared/records/index.ts';
import { TEMPLATE_ROLE_KEY } from '../../../shared/templates/index.ts';
import { basics, frame, group, note, plan, shape, service, text, voice } from './fixtures.ts';

describe('extractCase', () => {
  it('groups service cards by system, in the systems’ order, with each card once', () => {
    const records = [
      ...basics(),
      service('a', { system: 'kaigo', service: '訪問介護', status: 'proposed' }, { y: 10 }),
      service('b', { system: 'shogai', service: '居宅介護' }, { y: 20 }),
      service('c', { system: 'informal', service: '家族による支援' }, { y: 30 }),
      service('d', { system: 'shogai', service: '生活介護' }, { y: 40 }),
      service('e', { system: 'iryo', service: '外来通院' }, { y: 50 }),
    ];
    const bySystem = servicesBySystem(extractCase(records));
    const names = (id: Parameters<typeof bySystem.get>[0]) => (bySystem.get(id) ?? []).map((s) => s.props.service);
    expect([...bySystem.keys()]).toEqual(['shogai', 'kaigo', 'kyoseigata', 'iryo', 'informal']);
    expect(names('shogai')).toEqual(['居宅介護', '生活介護']);
    expect(names('kaigo')).toEqual(['訪問介護']);
    expect(names('kyoseigata')).toEqual([]);
    expect(names('iryo')).toEqual(['外来通院']);
    expect(names('informal')).toEqual(['家族による支援']);
  });

  it('groups plan items by 担当, with undecided ones under the empty owner', () => {
    const records = [
      ...basics(),
      plan('p1', { need: '工房を続けたい', owner: 'soudan' }, { y: 1 }),
      plan('p2', { need: '家で暮らしたい', owner: 'caremanager' }, { y: 2 }),
      plan('p3', { need: '日中の居場所', owner: 'soudan' }, { y: 3 }),
      plan('p4', { need: 'お金の見通し', owner: '' }, { y: 4 }),
    ];
    const byOwner = plansByOwner(extractCase(records));
    const needs = (owner: string) => (byOwner.get(owner) ?? []).map((p) => p.props.need);
    expect(new Set(byOwner.keys())).toEqual(new Set(['soudan', 'caremanager', '']));
    expect(needs('soudan')).toEqual(['工房を続けたい', '日中の居場所']);
    expect(needs('caremanager')).toEqual(['家で暮らしたい']);
    expect(needs('')).toEqual(['お金の見通し']);
  });

  it('takes 本人の言葉 only from rb-voice cards, never from notes that look like them', () => {
    const records = [
      ...basics(),
      frame('voices', '本人の思い'),
      voice('v1', { text: 'パンを作るのが好き', recordedBy: '田中', source: 'spoken' }, { parent: 'shape:voices', y: 10 }),
      note('n1', '本人の言葉：お母さんと家にいたい', { parent: 'shape:voices', y: 20 }),
      text('t1', '「お金がかかるのは、こまる」', { y: 30 }),
      voice('v2', { text: 'カレンダーに丸をつける', recordedBy: 'ガイドヘルパー', source: 'sign' }, { y: 40 }),
    ];
    const content = extractCase(records);
    expect(content.voices.map((v) => v.props.text)).toEqual(['パンを作るのが好き', 'カレンダーに丸をつける']);
    expect(content.voices.map((v) => v.props.source)).toEqual(['spoken', 'sign']);
    expect(content.voices[0]?.frame).toBe('本人の思い');
    // The look-alikes are ordinary notes.
    expect(content.notes.map((n) => n.props.text)).toEqual(['本人の言葉：お母さんと家にいたい', '「お金がかかるのは、こまる」']);
  });

  it('takes open questions only from a frame whose name starts with 論点, through nested groups', () => {
    const records = [
      ...basics(),
      frame('q', '論点・行政への確認事項', { x: 0, y: 0 }),
      note('q1', '上乗せは認められるか', { parent: 'shape:q', y: 10 }),
      group('g1', { parent: 'shape:q', y: 100 }),
      group('g2', { parent: 'shape:g1', y: 0 }),
      text('q2', '共生型の指定はあるか', { parent: 'shape:g2', y: 5 }),
      shape('q3', 'geo', { geo: 'rectangle', w: 200, h: 80, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '負担割合は' }] }] } }, { parent: 'shape:q', y: 300 }),
      // Not questions: a frame with 論点 elsewhere in its name, a plain frame, the page itself.
      frame('later', '未決の論点', { x: 1000 }),
      note('n1', 'これは論点の外', { parent: 'shape:later' }),
      frame('memo', 'メモ', { x: 2000 }),
      group('g3', { parent: 'shape:memo' }),
      note('n2', 'グループの中のメモ', { parent: 'shape:g3' }),
      note('n3', 'ページに直接', { x: 3000 }),
      // A card inside the 論点 frame stays a card.
      service('s1', { service: '居宅介護' }, { parent: 'shape:q', y: 400 }),
      voice('v1', { text: '家にいたい' }, { parent: 'shape:q', y: 500 }),
    ];
    const content = extractCase(records);
    expect(new Set(content.openQuestions.map((q) => q.props.text))).toEqual(new Set(['上乗せは認められるか', '共生型の指定はあるか', '負担割合は']));
    expect(content.openQuestions.every((q) => q.frame === '論点・行政への確認事項')).toBe(true);
    expect(new Set(content.notes.map((n) => n.props.text))).toEqual(new Set(['これは論点の外', 'グループの中のメモ', 'ページに直接']));
    expect(content.notes.find((n) => n.props.text === 'グループの中のメモ')?.frame).toBe('メモ');
    expect(content.notes.find((n) => n.props.text === 'ページに直接')?.frame).toBeNull();
    expect(content.services.map((s) => s.props.service)).toEqual(['居宅介護']);
    expect(content.voices.map((v) => v.props.text)).toEqual(['家にいたい']);
  });

  // shared/templates/records.ts marks a template's printed scaffolding (headers, instructions)
  // with meta.rbRole = 'guide' "so that minutes and exports can tell a printed form from what
  // people wrote".
  it('does not take a template’s printed guide texts in the 論点 frame for open questions', () => {
    const records = [
      ...basics(),
      frame('q', '論点・行政への確認事項'),
      { ...shape('header', 'geo', { geo: 'rectangle', w: 400, h: 44, richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '確かめること（だれに）' }] }] } }, { parent: 'shape:q', y: 0 }), meta: { [TEMPLATE_ROLE_KEY]: 'guide' } },
      note('q1', '上乗せは認められるか', { parent: 'shape:q', y: 100 }),
    ];
    expect(extractCase(records).openQuestions.map((q) => q.props.text)).toEqual(['上乗せは認められるか']);
  });

  // extract.ts sorts every shape by its own x/y, which are relative to its parent (frame or
  // group), so a note deep in a group at the bottom of a frame can be listed before the top one.
  it('lists open questions in reading order of where they are on the page', () => {
    const records = [
      ...basics(),
      frame('q', '論点', { x: 0, y: 1000 }),
      note('top', '一つ目（上）', { parent: 'shape:q', x: 20, y: 50 }),
      group('g', { parent: 'shape:q', x: 20, y: 400 }),
      note('bottom', '二つ目（下、グループの中）', { parent: 'shape:g', x: 0, y: 0 }),
    ];
    expect(extractCase(records).openQuestions.map((q) => q.props.text)).toEqual(['一つ目（上）', '二つ目（下、グループの中）']);
  });

  it('flattens rich text: paragraphs and hard breaks become lines, marks and nesting disappear', () => {
    const rich = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '確認' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '65歳到達日' }, { type: 'text', marks: [{ type: 'bold' }], text: 'から' }, { type: 'hardBreak' }, { type: 'text', text: '認定まで' }] },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '障害福祉課' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '介護保険課' }] }] },
          ],
        },
      ],
    };
    const flat = plainTextOf(rich);
    expect(flat.split('\n').filter((l) => l !== '')).toEqual(['確認', '65歳到達日から', '認定まで', '障害福祉課', '介護保険課']);
    expect(flat).not.toMatch(/^\s|\s$/);
    expect(plainTextOf('そのまま')).toBe('そのまま');
    expect(plainTextOf(undefined)).toBe('');
    expect(plainTextOf({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');

    const content = extractCase([...basics(), frame('q', '論点'), shape('n', 'note', { richText: rich }, { parent: 'shape:q' })]);
    expect(content.openQuestions.map((q) => q.props.text)).toEqual([flat]);
  });

  it('leaves out empty notes and ignores malformed or unknown records instead of failing', () => {
    const records = [
      ...basics(),
      note('empty', ''),
      { id: 'shape:broken', typeName: 'shape', type: 'rb-service', parentId: 'page:p1', props: null },
      { id: 'shape:untyped', typeName: 'shape', props: { service: 'x' } },
      shape('odd', 'some-future-shape', { w: 1, h: 1 }),
      { id: 'binding:1', typeName: 'binding', type: 'arrow', props: {} },
      service('ok', { service: '居宅介護' }),
    ];
    const content = extractCase(records);
    expect(content.notes).toEqual([]);
    expect(content.services.map((s) => s.id)).toEqual(['shape:ok']);
    expect(content.pages).toEqual([{ id: 'page:p1', name: 'ボード' }]);
  });

  it('summarises the move from the 障害福祉 cards in use, not from proposals or other systems', () => {
    const content = extractCase([
      ...basics(),
      service('a', { system: 'shogai', service: '居宅介護', status: 'in-use' }),
      service('b', { system: 'shogai', service: '就労継続支援B型', status: 'ending' }),
      service('c', { system: 'shogai', service: '生活介護', status: 'proposed' }),
      service('d', { system: 'kaigo', service: '訪問介護', status: 'in-use' }),
    ]);
    const inputs = [...content.transition.moves, ...content.transition.continues, ...content.transition.other].map((i) => i.input);
    expect(inputs).toContain('居宅介護');
    expect(inputs).toContain('就労継続支援B型');
    expect(inputs).not.toContain('生活介護');
    expect(inputs).not.toContain('訪問介護');
  });
});
