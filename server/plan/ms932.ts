/**
 * Text to MS932 (Windows Shift_JIS) bytes, as the ケアプランデータ連携 standard requires
 * (「Shift-JIS(MS932)の範囲外の文字は含まない…範囲内で有効な文字に変換すること」).
 */

import iconv from 'iconv-lite';

// Characters Japanese text often holds in their Unicode form while MS932 has only its own
// code point: the usual JIS/Unicode mapping differences (wave dash, minus, double bar…).
const MS932_EQUIVALENTS: ReadonlyMap<string, string> = new Map([
  ['\u301C', '\uFF5E'], // 〜 WAVE DASH → ～
  ['\u2212', '\uFF0D'], // − MINUS SIGN → －
  ['\u2016', '\u2225'], // ‖ → ∥
  ['\u2014', '\u2015'], // — EM DASH → ―
  ['\u00A2', '\uFFE0'], // ¢ → ￠
  ['\u00A3', '\uFFE1'], // £ → ￡
  ['\u00AC', '\uFFE2'], // ¬ → ￢
]);

/** The MS932 bytes of `text`, and the characters that MS932 cannot hold (written as 「?」). */
export function encodeMs932(text: string): { bytes: Buffer; unencodable: string[] } {
  const unencodable = new Set<string>();
  let mapped = '';
  for (const ch of text) {
    if (ch < '\u0080') {
      mapped += ch;
      continue;
    }
    const sub = MS932_EQUIVALENTS.get(ch) ?? ch;
    if (iconv.decode(iconv.encode(sub, 'cp932'), 'cp932') !== sub) {
      unencodable.add(ch);
      mapped += '?';
    } else {
      mapped += sub;
    }
  }
  return { bytes: iconv.encode(mapped, 'cp932'), unencodable: [...unencodable] };
}
