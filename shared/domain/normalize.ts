/**
 * Name matching for Japanese service and disease names typed by people in a meeting:
 * full-width letters, stray spaces, 「（）」 vs "()" vs 【】, 「・」 vs none all occur, and
 * none of them should decide whether the board recognises a service.
 */

// Brackets are dropped rather than unified so that 自立訓練（生活訓練）, 自立訓練(生活訓練)
// and 自立訓練 生活訓練 all meet on one key.
const BRACKETS = /[()[\]{}<>（）［］【】〔〕〈〉《》「」『』｛｝]/g;
// Separators people use interchangeably inside compound names (定期巡回・随時対応型…).
const SEPARATORS = /[・·•、,，/／]/g;
const SPACES = /\s+/g;

/** The comparison key of a name: NFKC, no spaces, brackets or separators, ASCII lower-cased. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(SPACES, '').replace(BRACKETS, '').replace(SEPARATORS, '').toLowerCase();
}
