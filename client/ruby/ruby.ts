/** A run of text and, over kanji, its reading in hiragana. */
export interface RubySegment {
  text: string;
  reading?: string;
}

/** What the ruby needs of a morphological analyser's token (kuromoji's shape). */
export interface ReadingToken {
  surface_form: string;
  reading?: string;
}

const KANJI = /[\u3400-\u9fff\uf900-\ufaff々〆]/;
const KANA = /^[\u3041-\u309f\u30a1-\u30fa\u30fc]$/;

/** Katakana to hiragana (ー stays). */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/**
 * A word and its reading as ruby: kana the word and the reading share at either end stay
 * outside the ruby (話し / はなし → 話〔はな〕し).
 */
export function wordSegments(word: string, reading: string): RubySegment[] {
  if (!KANJI.test(word)) return [{ text: word }];
  const w = [...word];
  const r = [...toHiragana(reading)];
  let head = 0;
  // Kana in the word (hiragana or katakana: トシ子) match the reading's, read as hiragana.
  const same = (c: string, reading: string | undefined) => KANA.test(c) && toHiragana(c) === reading;
  while (head < w.length - 1 && same(w[head]!, r[head])) head++;
  let tail = 0;
  while (tail < w.length - head - 1 && same(w[w.length - 1 - tail]!, r[r.length - 1 - tail])) tail++;
  const out: RubySegment[] = [];
  if (head) out.push({ text: w.slice(0, head).join('') });
  out.push({ text: w.slice(head, w.length - tail).join(''), reading: r.slice(head, r.length - tail).join('') });
  if (tail) out.push({ text: w.slice(w.length - tail).join('') });
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function merge(segments: RubySegment[]): RubySegment[] {
  const out: RubySegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.reading === undefined && s.reading === undefined) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/**
 * A date's month, day and weekday as written (2027年1月4日（月）, 2027年1月): IPAdic reads
 * 月 after a number as つき and the day as digits and にち, and most days under 11 are read
 * otherwise (4日 is よっか). The year is left to the analyser, which reads 年 as ねん.
 */
const DATE = /(?<![0-9０-９])(?<month>[0-9０-９]{1,2})月(?:(?<day>[0-9０-９]{1,2})日(?:（(?<weekday>[日月火水木金土])）)?)?/;
/** Days of the month whose reading is not the number's and にち (the reading is over the number too). */
const DAY_READINGS: Readonly<Record<number, string>> = { 1: 'ついたち', 2: 'ふつか', 3: 'みっか', 4: 'よっか', 5: 'いつか', 6: 'むいか', 7: 'なのか', 8: 'ようか', 9: 'ここのか', 10: 'とおか', 14: 'じゅうよっか', 20: 'はつか', 24: 'にじゅうよっか' };
const WEEKDAY_READINGS: Readonly<Record<string, string>> = { 日: 'にち', 月: 'げつ', 火: 'か', 水: 'すい', 木: 'もく', 金: 'きん', 土: 'ど' };

function dateSegments(groups: Partial<Record<'month' | 'day' | 'weekday', string>>): RubySegment[] {
  const out: RubySegment[] = [{ text: groups.month ?? '' }, { text: '月', reading: 'がつ' }];
  if (groups.day) {
    const special = DAY_READINGS[Number(groups.day.normalize('NFKC'))];
    out.push(...(special ? [{ text: `${groups.day}日`, reading: special }] : [{ text: groups.day }, { text: '日', reading: 'にち' }]));
  }
  if (groups.weekday) out.push({ text: '（' }, { text: groups.weekday, reading: WEEKDAY_READINGS[groups.weekday] ?? '' }, { text: '）' });
  return out;
}

/**
 * Ruby for a text: the domain's words get their readings from `words` (longest first), dates
 * theirs by rule, everything else from the analyser's tokens. Pure; the tokenizer is passed in.
 */
export function rubySegments(text: string, tokenize: (s: string) => readonly ReadingToken[], words: ReadonlyMap<string, string>): RubySegment[] {
  if (!KANJI.test(text)) return [{ text }];
  const keys = [...words.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp([DATE.source, ...keys].join('|'), 'g');
  const out: RubySegment[] = [];
  const analyse = (chunk: string) => {
    if (!chunk) return;
    for (const t of tokenize(chunk)) {
      const reading = t.reading && t.reading !== '*' ? t.reading : undefined;
      out.push(...(reading && KANJI.test(t.surface_form) ? wordSegments(t.surface_form, reading) : [{ text: t.surface_form }]));
    }
  };
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    analyse(text.slice(at, m.index));
    out.push(...(m.groups?.month ? dateSegments(m.groups) : wordSegments(m[0], words.get(m[0]) ?? '')));
    at = m.index + m[0].length;
  }
  analyse(text.slice(at));
  return merge(out);
}

/**
 * Adjacent ruby runs joined into one (計画(けいかく)項目(こうもく) → 計画項目(けいかくこうもく)):
 * a browser widens each ruby box to its reading, so runs side by side leave gaps inside a
 * word; one box spreads the reading over the whole word.
 */
export function joinRubyRuns(segments: readonly RubySegment[]): RubySegment[] {
  const out: RubySegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last?.reading !== undefined && s.reading !== undefined) {
      last.text += s.text;
      last.reading += s.reading;
    } else out.push({ ...s });
  }
  return out;
}
