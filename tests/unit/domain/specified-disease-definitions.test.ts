// MHLW 「特定疾病にかかる診断基準」: old names and the conditions each of the 16 entries covers.
import { expect, it } from 'vitest';
import { matchSpecifiedDisease } from '../../../shared/domain/index.ts';

it.each([
  ['シャイ・ドレーガー症候群', '多系統萎縮症'],
  ['線条体黒質変性症', '多系統萎縮症'],
  ['オリーブ橋小脳萎縮症', '多系統萎縮症'],
  ['慢性関節リウマチ', '関節リウマチ'],
  ['アルツハイマー病', '初老期における認知症'],
  ['前頭側頭型認知症', '初老期における認知症'],
  ['ウェルナー症候群', '早老症'],
  ['腰部脊柱管狭窄症', '脊柱管狭窄症'],
  ['肺気腫', '慢性閉塞性肺疾患'],
  ['大脳皮質基底核変性症', '進行性核上性麻痺・大脳皮質基底核変性症及びパーキンソン病'],
  ['（ ＭＳＡ ）', '多系統萎縮症'],
])('%s → %s', (name, entry) => {
  expect(matchSpecifiedDisease(name)).toBe(entry);
});

it.each(['骨粗鬆症', '変形性膝関節症', '関節炎', 'うつ病'])('%s is not one of the 16 on its own', (name) => {
  expect(matchSpecifiedDisease(name)).toBeUndefined();
});
