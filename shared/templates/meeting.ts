import type { TLRecord } from '@tldraw/tlschema';
import { buildCaseBoard } from './caseBoard.ts';
import type { CaseBoardContent } from './content.ts';

/** A real 移行支援会議: the same frames as the exercises, empty, with prompts to fill in. */
export const MEETING_CONTENT: CaseBoardContent = {
  basicInfo: {},
  pageName: '移行支援会議',
  heading: '移行支援会議',
  subheading:
    '本人・家族と、相談支援専門員・介護支援専門員・市町村などが一緒に使うボードです。本人の言葉は本人カードに、家族や専門職の考えは付箋に、分けて書きます。',
  howTo:
    '会議の流れ（例）：① 本人の思いを聞く → ② これまでの暮らしと今のサービスを確かめる → ③ 移行後の形を一緒に考える → ④ 引き継ぐこと・まだ決まっていないことを確かめる → ⑤ 次の会議の日と、だれが何をいつまでにするかを決める',
  summary: {
    left: [
      { title: '本人のこと', body: '名前：\n生年月日・年齢：\n障害・病名：\n障害支援区分・要介護度：\n好きなこと・得意なこと：' },
      { title: '暮らしと家族', body: '住まい：\nいっしょに暮らす人：\n近くで支えている人：' },
      { title: 'お金', body: '収入：\nこれまでの利用者負担：' },
    ],
    right: [
      { title: 'これまでの経過', body: '' },
      { title: 'なぜ今この会議をするのか', body: '' },
      { title: '大事な日付', body: '65歳到達日（65歳の誕生日の前日）：\n要介護認定の申請（受付の時期は市町村に確認）：\n今の支給決定の期間：' },
      { title: 'この会議', body: '日時・場所：\n出席者（所属・職種・氏名）：\n本人の出席：' },
    ],
  },
  voices: [],
  family: [],
  life: { birthDate: '', specifiedDisease: false, events: [] },
  services: [],
  proposals: { services: [], plans: [] },
  weekly: { entries: [], activities: {}, nonWeekly: '' },
  ecomap: { self: { name: '本人', gender: 'unknown', note: '' }, persons: [], ties: [] },
  questions: [
    '介護保険に移るサービスと、障害福祉で続くサービスはどれか（市町村の障害福祉課・介護保険課）',
    '介護保険の支給限度基準額で足りない分に、障害福祉の上乗せはあるか。どれくらいか（障害福祉課）',
    '今の事業所は共生型サービスの指定を受けているか、受ける予定か（事業所・介護保険課）',
    '要介護認定の結果が出るまでの間、サービスをどうするか（障害福祉課・介護保険課）',
    '移動支援・日常生活用具など市町村の事業は、65歳からも使えるか（障害福祉課）',
    '介護保険の利用者負担の割合と、毎月の費用の見通し（介護保険課・介護支援専門員）',
  ],
  refundChecks: true,
};

/** The 移行支援会議 template's records. */
export function buildMeeting(): TLRecord[] {
  return buildCaseBoard(MEETING_CONTENT);
}
