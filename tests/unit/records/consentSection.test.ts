import { describe, expect, it } from 'vitest';
import { consentSectionHtml, printedDate } from '../../../server/records/consentSection.ts';

describe('the minutes consent section', () => {
  it('prints dates in Japanese form with the weekday, and in English', () => {
    expect(printedDate('2026-04-13', 'ja')).toBe('2026年4月13日（月）');
    expect(printedDate('2027-01-03', 'ja')).toBe('2027年1月3日（日）');
    expect(printedDate('2026-04-13', 'en')).toBe('Mon, 13 April 2026');
  });

  it('escapes what people typed and leaves out the online table for an in-person meeting', () => {
    const html = consentSectionHtml({ online: false, personalInfo: [{ name: '<b>山本</b>', method: 'written', date: '2026-04-13' }] }, 'ja', false);
    expect(html).toContain('&lt;b&gt;山本&lt;/b&gt;');
    expect(html).toContain('開催方法: 対面');
    expect(html).not.toContain('オンラインで開催することへの同意');
  });
});
