import kuromoji from 'kuromoji';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { joinRubyRuns, rubySegments, toHiragana, wordSegments, type RubySegment } from '../../../client/ruby/ruby.ts';
import { DOMAIN_READINGS } from '../../../client/ruby/rubyWords.ts';

// The real analyser with the dictionary the server serves (kuromoji's own, from the package).
const DICT = path.join(path.dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
let tokenizer: kuromoji.Tokenizer<kuromoji.IpadicFeatures>;
beforeAll(async () => {
  tokenizer = await new Promise((resolve, reject) => kuromoji.builder({ dicPath: DICT }).build((err, t) => (err ? reject(err) : resolve(t))));
});

const ruby = (text: string): RubySegment[] => rubySegments(text, (s) => tokenizer.tokenize(s), DOMAIN_READINGS);
/** The readings over each kanji run, as 「base(reading)」 pairs. */
const pairs = (segments: RubySegment[]) => segments.filter((s) => s.reading).map((s) => `${s.text}(${s.reading})`);

describe('ruby (ふりがな) over the domain words', () => {
  it('gives the fixed sample of domain words the readings of our word list', () => {
    const sample: Record<string, string> = {
      相談支援専門員: 'そうだんしえんせんもんいん',
      介護支援専門員: 'かいごしえんせんもんいん',
      居宅介護: 'きょたくかいご',
      要介護認定: 'ようかいごにんてい',
      重度訪問介護: 'じゅうどほうもんかいご',
      共生型: 'きょうせいがた',
      第2号被保険者: 'だいにごうひほけんしゃ',
      特定疾病: 'とくていしっぺい',
      上乗せ: 'うわのせ',
    };
    for (const [word, reading] of Object.entries(sample)) {
      const text = `わたしの${word}のはなし`;
      const got = ruby(text);
      expect(got.map((s) => s.text).join(''), word).toBe(text);
      // The word is read as a whole (上乗せ keeps its okurigana outside the ruby).
      expect(pairs(got).join(''), word).toBe(word === '上乗せ' ? '上乗(うわの)' : `${word}(${reading})`);
    }
  });

  it('overrides the dictionary where it reads a domain word wrong', () => {
    const dictionaryOnly = (text: string) => pairs(rubySegments(text, (s) => tokenizer.tokenize(s), new Map())).join('');
    // IPAdic alone: 筋 as すじ and 側 as がわ; 日中 as にち・ちゅう; 第1号 with the digit left bare.
    expect(dictionaryOnly('筋萎縮性側索硬化症')).toContain('筋(すじ)');
    expect(dictionaryOnly('日中一時支援')).toContain('日(にち)');
    expect(pairs(ruby('筋萎縮性側索硬化症と診断'))[0]).toBe('筋萎縮性側索硬化症(きんいしゅくせいそくさくこうかしょう)');
    expect(pairs(ruby('日中一時支援を使う'))[0]).toBe('日中一時支援(にっちゅういちじしえん)');
    expect(pairs(ruby('後縦靱帯骨化症'))).toEqual(['後縦靱帯骨化症(こうじゅうじんたいこっかしょう)']);
    expect(pairs(ruby('第1号被保険者になる'))[0]).toBe('第1号被保険者(だいいちごうひほけんしゃ)');
  });

  it('reads the words of our own UI that the dictionary misreads from the word list', () => {
    const dictionaryOnly = (text: string) => pairs(rubySegments(text, (s) => tokenizer.tokenize(s), new Map()));
    expect(dictionaryOnly('離席中')).toContain('離(はなれ)');
    expect(pairs(ruby('離席中'))).toEqual(['離席中(りせきちゅう)']);
    expect(pairs(ruby('一人ずつにリンクを発行すると'))).toEqual(['一人(ひとり)', '発行(はっこう)']);
    expect(pairs(ruby('このリンクは開けません。'))).toEqual(['開(ひら)']);
    expect(pairs(ruby('リンクだけを新しくした後です'))).toEqual(['新(あたら)', '後(あと)']);
    expect(dictionaryOnly('選んだ図形を固定')).toContain('図形(づけい)');
    expect(pairs(ruby('選んだ図形を固定'))).toEqual(['選(えら)', '図形(ずけい)', '固定(こてい)']);
    expect(dictionaryOnly('変更の要否')).toContain('否(いな)');
    expect(pairs(ruby('変更の要否'))).toEqual(['変更(へんこう)', '要否(ようひ)']);
  });

  it('reads dates as dates: 月 after a number as がつ, the days read otherwise over their number, the weekday', () => {
    // IPAdic alone: 月 after a number as つき, every day as the number and にち.
    expect(tokenizer.tokenize('2027年1月4日').map((t) => `${t.surface_form}/${t.reading ?? ''}`)).toEqual(['2027/', '年/ネン', '1/', '月/ツキ', '4/', '日/ニチ']);
    expect(ruby('2027年1月4日に削除')).toEqual([{ text: '2027' }, { text: '年', reading: 'ねん' }, { text: '1' }, { text: '月', reading: 'がつ' }, { text: '4日', reading: 'よっか' }, { text: 'に' }, { text: '削除', reading: 'さくじょ' }]);
    expect(pairs(ruby('2026年4月13日（月）'))).toEqual(['年(ねん)', '月(がつ)', '日(にち)', '月(げつ)']);
    expect(pairs(ruby('12月1日と12月20日'))).toEqual(['月(がつ)', '1日(ついたち)', '月(がつ)', '20日(はつか)']);
    expect(pairs(ruby('この記録は2027年6月に削除されます'))).toEqual(['記録(きろく)', '年(ねん)', '月(がつ)', '削除(さくじょ)']);
    // Not a date: a number of days, and a month as a length of time.
    expect(pairs(ruby('3日のあいだ'))).not.toContain('3日(みっか)');
    expect(ruby('3か月').map((s) => s.text).join('')).toBe('3か月');
    expect(pairs(ruby('3か月'))).not.toContain('月(がつ)');
  });

  it('reads other words with the analyser, okurigana outside the ruby, kana and latin untouched', () => {
    expect(pairs(ruby('本人が話しました'))).toEqual(['本人(ほんにん)', '話(はな)']);
    expect(ruby('本人が話しました').map((s) => s.text).join('')).toBe('本人が話しました');
    expect(ruby('パンを作る ALS')).toEqual([{ text: 'パンを' }, { text: '作', reading: 'つく' }, { text: 'る ALS' }]);
    expect(ruby('ひらがなだけ')).toEqual([{ text: 'ひらがなだけ' }]);
  });

  it('joins ruby runs side by side into one, so that a word has no gaps (計画項目), and leaves kana between runs alone', () => {
    expect(pairs(ruby('計画項目'))).toEqual(['計画(けいかく)', '項目(こうもく)']);
    expect(joinRubyRuns(ruby('計画項目'))).toEqual([{ text: '計画項目', reading: 'けいかくこうもく' }]);
    expect(joinRubyRuns(ruby('本人の言葉'))).toEqual([{ text: '本人', reading: 'ほんにん' }, { text: 'の' }, { text: '言葉', reading: 'ことば' }]);
  });

  it('keeps kana the word and the reading share outside the ruby', () => {
    expect(wordSegments('話し', 'ハナシ')).toEqual([{ text: '話', reading: 'はな' }, { text: 'し' }]);
    expect(wordSegments('お母さん', 'オカアサン')).toEqual([{ text: 'お' }, { text: '母', reading: 'かあ' }, { text: 'さん' }]);
    expect(wordSegments('トシ子', 'トシコ')).toEqual([{ text: 'トシ' }, { text: '子', reading: 'こ' }]);
    expect(toHiragana('カイゴー')).toBe('かいごー');
  });
});
