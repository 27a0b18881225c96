import { describe, expect, it } from 'vitest';
import { Announcer, type AnnouncerClock } from '../../../client/outline/Announcer.ts';
import { announcementText } from '../../../client/outline/announcement.ts';
import { diffOutline } from '../../../client/outline/model.ts';
import { extractCase } from '../../../shared/records/index.ts';
import { clientVoiceDefaults, planItemDefaults } from '../../../shared/shapes/index.ts';

/** A clock the test moves by hand: timers fire when `advance` passes them. */
function manualClock(): AnnouncerClock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.push({ at: now + ms, fn, id: ++next });
      return next;
    },
    clearTimeout: (id) => void (timers = timers.filter((t) => t.id !== id)),
    advance(ms) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers = timers.filter((x) => x !== t);
        t.fn();
      }
    },
  };
}

describe('announcements of others’ changes', () => {
  it('go out at most once a second; those that wait are joined into one', () => {
    const clock = manualClock();
    const heard: { at: number; text: string }[] = [];
    const a = new Announcer({ clock, onAnnounce: (text) => heard.push({ at: clock.now(), text }), join: (m, rest) => `${m.join('|')}${rest ? `+${rest}` : ''}` });
    a.say('one');
    a.say('two');
    a.say('three');
    clock.advance(999);
    expect(heard).toEqual([{ at: 0, text: 'one' }]);
    clock.advance(1);
    expect(heard).toEqual([{ at: 0, text: 'one' }, { at: 1000, text: 'two|three' }]);
    for (const m of ['a', 'b', 'c', 'd', 'e']) a.say(m);
    clock.advance(1000);
    expect(heard[2]).toEqual({ at: 2000, text: 'a|b|c+2' });
    clock.advance(5000);
    a.say('later');
    expect(heard[3]).toEqual({ at: 7000, text: 'later' });
    a.say('dropped');
    a.dispose();
    clock.advance(2000);
    expect(heard).toHaveLength(4);
  });

  it('name who made the change, in Japanese and English', () => {
    const change = { kind: 'plan' as const, action: 'added' as const, id: 'shape:p', text: '買い物に行く' };
    expect(announcementText('ja', { name: '佐藤 花子', role: 'caremanager' }, change)).toBe('介護支援専門員の佐藤 花子さんが計画項目を追加しました：買い物に行く');
    expect(announcementText('en', { name: 'Sato', role: 'caremanager' }, change)).toBe('Sato, Care manager (LTC insurance), added a plan item: 買い物に行く');
    expect(announcementText('ja', undefined, { ...change, kind: 'voice', action: 'removed' })).toBe('だれかが本人の言葉を消しました：買い物に行く');
  });

  it('are made for what a person reads, not for moving a card', () => {
    const shape = (id: string, type: string, props: object, x = 0) => ({ id, typeName: 'shape', type, parentId: 'page:p', x, y: 0, props, meta: {} });
    const before = extractCase([shape('shape:v', 'rb-voice', { ...clientVoiceDefaults(), text: '家にいたい' }), shape('shape:p', 'rb-plan', { ...planItemDefaults(), need: '外出' })]);
    const moved = extractCase([shape('shape:v', 'rb-voice', { ...clientVoiceDefaults(), text: '家にいたい' }, 500), shape('shape:p', 'rb-plan', { ...planItemDefaults(), need: '外出' }, 300)]);
    expect(diffOutline(before, moved)).toEqual([]);
    const after = extractCase([shape('shape:p', 'rb-plan', { ...planItemDefaults(), need: '外出', state: 'agreed' }), shape('shape:s', 'rb-service', { w: 1, h: 1, system: 'shogai', service: '居宅介護', serviceId: null, provider: '', amount: '', status: 'in-use', note: '' })]);
    expect(diffOutline(before, after)).toEqual([
      { kind: 'plan', action: 'changed', id: 'shape:p', text: '外出' },
      { kind: 'service', action: 'added', id: 'shape:s', text: '居宅介護' },
      { kind: 'voice', action: 'removed', id: 'shape:v', text: '家にいたい' },
    ]);
  });
});
