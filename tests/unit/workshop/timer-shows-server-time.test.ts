import { describe, expect, it } from 'vitest';
import { pauseTimer, resetTimer, startTimer } from '../../../shared/workshop/index.ts';
import { bestOffset, offsetFromSample, timerJustEnded, timerView } from '../../../client/workshop/viewModel.ts';

const MIN = 60_000;

describe('the timer shows the same remaining time on every browser, whatever its clock', () => {
  it('measures the offset at the midpoint of the request', () => {
    // Sent at local 1000, answered at local 1100: the server read 50_050 halfway, at local 1050.
    expect(offsetFromSample({ sentAt: 1000, serverNow: 50_050, receivedAt: 1100 })).toBe(49_000);
  });

  it('trusts the sample with the shortest round trip', () => {
    const slow = { sentAt: 0, serverNow: 10_900, receivedAt: 1000 }; // ±500 ms of doubt
    const fast = { sentAt: 2000, serverNow: 12_010, receivedAt: 2020 }; // ±10 ms
    expect(bestOffset([slow, fast])).toBe(10_000);
    expect(bestOffset([])).toBe(0);
  });

  it('two browsers with clocks 7 minutes apart show the same mm:ss', () => {
    const serverStart = 1_000_000_000;
    const timer = startTimer(resetTimer(15 * MIN), serverStart);
    const serverNow = serverStart + 4 * MIN + 30_500;
    const fastClock = serverNow + 7 * MIN; // this browser's Date.now()
    const slowClock = serverNow - 3_210;
    const a = timerView(timer, fastClock, serverNow - fastClock);
    const b = timerView(timer, slowClock, serverNow - slowClock);
    expect(a.text).toBe('10:30');
    expect(b.text).toBe(a.text);
    expect(a.running).toBe(true);
    expect(a.fraction).toBeCloseTo((10 * MIN + 29_500) / (15 * MIN));
  });

  it('a paused timer stands still; a reset one shows its full duration, not running', () => {
    const started = startTimer(resetTimer(10 * MIN), 0);
    const paused = pauseTimer(started, 2 * MIN);
    expect(timerView(paused, 999 * MIN, 0)).toMatchObject({ text: '8:00', running: false, done: false });
    expect(timerView(resetTimer(5 * MIN), 123, 456)).toMatchObject({ text: '5:00', running: false, done: false, fraction: 1 });
  });

  it('is done at zero and never shows below it', () => {
    const timer = startTimer(resetTimer(MIN), 0);
    expect(timerView(timer, MIN - 1, 0).text).toBe('0:01');
    expect(timerView(timer, MIN, 0)).toMatchObject({ text: '0:00', done: true, running: false, remainingMs: 0 });
    expect(timerView(timer, 10 * MIN, 0).remainingMs).toBe(0);
  });

  it('signals the end once, when a running timer crosses zero — not on reload after the end, nor on a reset', () => {
    const timer = startTimer(resetTimer(MIN), 0);
    const before = timerView(timer, MIN - 400, 0);
    const after = timerView(timer, MIN + 100, 0);
    expect(timerJustEnded(before, after, timer)).toBe(true);
    expect(timerJustEnded(after, timerView(timer, MIN + 1100, 0), timer)).toBe(false);
    expect(timerJustEnded(undefined, after, timer)).toBe(false);
    const zero = resetTimer(0);
    expect(timerJustEnded(timerView(resetTimer(MIN), 0, 0), timerView(zero, 0, 0), zero)).toBe(false);
  });
});
