import type { TLRecord } from '@tldraw/tlschema';
import { keyDates } from '../domain/dates.ts';
import { buildCaseBoard } from './caseBoard.ts';
import type { CaseBoardContent } from './content.ts';
import { jaDate } from './styles.ts';

/**
 * 事例演習2（介護保険第2号被保険者の事例）: a 58-year-old with ALS — a 特定疾病, so he uses
 * 介護保険 as a 第2号被保険者 — who still works from home and has children at school.
 * 介護保険 is used up to its ceiling and 重度訪問介護 tops it up; 訪問看護 runs under
 * 医療保険 (ALS is one of the 厚生労働大臣が定める疾病等); the 保健師 of the 保健所 is
 * involved through the 難病 system. All people and providers are fictional.
 */
export const EXERCISE_2_CASE = {
  name: '中村 誠',
  birthDate: '1967-09-08',
  disease: '筋萎縮性側索硬化症（ALS）',
  meetingDate: '2026-04-13',
} as const;

const dates = keyDates(EXERCISE_2_CASE.birthDate);
const MEETING = jaDate(EXERCISE_2_CASE.meetingDate, true);

export const EXERCISE_2_CONTENT: CaseBoardContent = {
  basicInfo: {
    name: `${EXERCISE_2_CASE.name}（仮名）`, birthDate: EXERCISE_2_CASE.birthDate, disability: EXERCISE_2_CASE.disease, physicalHandbook: '1級',
    supportLevel: '5', careLevel: 'care-3', careLevelPeriod: '（認定証で確認する）', specifiedDisease: EXERCISE_2_CASE.disease,
    monthlyCap: '障害福祉・難病医療費とも確認する（妻の収入で変わる）', copayRate: '1割（第2号被保険者）', doctor: '神経内科の病院／在宅クリニック「ひかり」',
    guardianship: '使っていない', publicAssistance: 'no', medicalInsurance: 'yes', excludedFacility: 'no',
  },
  pageName: '事例演習2',
  heading: '事例演習2：中村 誠さん（仮名）— ALSのある58歳。介護保険と障害福祉・医療を組み合わせて暮らす',
  subheading: `この事例の人物・事業所はすべて架空です。会議の日は${MEETING}。ALSは介護保険の特定疾病なので、中村さんは40〜64歳の第2号被保険者として介護保険を使っています。`,
  howTo:
    '演習の進め方（2時間）：① 一人で事例を読む（10分）→ ② 本人の思いとライフステージを確かめる（15分）→ ③ 今のサービスと、これからの提案を考える（介護保険・障害福祉・医療の組み合わせ）（30分）→ ④ 週間サービス計画とエコマップ（20分）→ ⑤ 引継ぎ情報と論点（15分）→ ⑥ 発表・全体で共有（20分）→ ⑦ グループでもう一度ふり返る（10分）',
  guides: {
    proposals: 'これからの支援の提案を置きます。介護保険・障害福祉（上乗せ）・医療のどれで支えるかを確かめます。決まったものは「合意」にします。',
    weekly: '居宅サービス計画書 第3表の形です。いまの1週間です。在宅勤務の時間と夜の介助に注目してください。',
  },
  summary: {
    left: [
      { title: '本人', body: `中村 誠さん（仮名）、58歳、男性。${jaDate(EXERCISE_2_CASE.birthDate)}生まれ。${EXERCISE_2_CASE.disease}。2024年4月（56歳）に診断された。指定難病で、特定医療費（指定難病）の受給者証がある。ALSは介護保険の特定疾病なので、第2号被保険者として介護保険を使える。要介護3、障害支援区分5、身体障害者手帳1級。` },
      { title: 'いまの体のようす', body: '手足の力が弱くなり、食事・トイレ・移動には介助が要る。右手の指で電動車いすを動かせる。話す言葉が聞き取りにくくなり、透明文字盤も使い始めた。夜はマスク式の呼吸器（NPPV）をつけて寝る。飲み込みが弱くなり、とろみをつけた食事にしている。' },
      { title: '家族と暮らし', body: '一戸建てで、妻（52歳、会社員・フルタイム）、長女（16歳、高校2年）、長男（13歳、中学2年）と4人で暮らす。夜のたんの吸引と体の向きを変える介助は、主に妻がしている。長女も夜中に手伝うことがある。' },
      { title: '仕事', body: '機械メーカーで設計の仕事をしてきた。会社の理解があり、2025年から在宅勤務（月・水・金の10〜12時）を続けている。' },
    ],
    right: [
      { title: 'これまでの経過', body: '2024年4月 ALSと診断。6月 要介護認定（要介護1）、訪問介護と福祉用具貸与を使い始める。2025年1月 身体障害者手帳と障害支援区分の認定、重度訪問介護を使い始める（介護保険に上乗せ）。10月 区分変更で要介護3。2026年2月 夜のNPPVを始める。' },
      { title: 'なぜ今', body: '夜の吸引や体の向きを変える介助で、妻が眠れない日が続いている。介護保険は支給限度基準額の近くまで使っている（介護支援専門員の計算）。主治医から、呼吸の状態によっては、数か月のうちに気管切開と人工呼吸器について考える時期が来ると説明された（本人の言葉は「本人の思い」の枠に）。' },
      { title: 'この会議', body: `${MEETING}、自宅で。出席：本人、妻、相談支援専門員（相談支援センター「きぼう」）、介護支援専門員（居宅介護支援事業所「みらい」）、訪問看護師、保健所の保健師、市の障害福祉課の担当者。` },
      { title: '大事な日付', body: `40歳到達日：${jaDate(dates.age40)}（第2号被保険者になった日）\n65歳到達日：${jaDate(dates.age65)}（第1号被保険者になる日）\n特定医療費の受給者証の更新：保健所に確認` },
    ],
  },
  voices: [
    { text: '「仕事は続けたい。図面を見るのが、ぼくの役目」', recordedBy: '相談支援専門員（きぼう）。2026年3月、自宅で', source: 'spoken' },
    { text: '「呼吸器のことは、まだ決められない。家族に負担をかけたくない」', recordedBy: '保健所の保健師。2026年2月、主治医の説明のあと', source: 'spoken' },
    { text: '（透明文字盤で）「よるは つまを ねかせたい」', recordedBy: '訪問看護師（はな）。2026年4月、文字盤で一文字ずつ確かめた', source: 'aac' },
    { text: '「子どもたちには、ふつうの高校生、中学生でいてほしい」', recordedBy: '相談支援専門員（きぼう）。2026年3月、自宅で', source: 'spoken' },
    {
      text: '慣れていないヘルパーが来た日は、表情がかたくなり、息苦しさを訴えることが多い。慣れた人に支えてほしいのだと思われる。',
      recordedBy: '訪問看護師（はな）。2026年1〜3月の訪問記録から',
      source: 'inferred',
    },
  ],
  family: [
    { who: '妻（52歳）', text: '「仕事はやめたくない。でも夜に何度も起きるので、限界に近い」' },
    { who: '長女（16歳）', text: '「夜中に起こされても平気。でも、部活は続けたい」' },
    { who: '妻（52歳）', text: '「呼吸器をつけるかどうかは、夫が決めたことを支えたい」' },
  ],
  life: {
    birthDate: EXERCISE_2_CASE.birthDate,
    specifiedDisease: true,
    events: [
      { date: '1967-09-08', text: '生まれる' },
      { date: '1990-04-01', text: '機械メーカーに就職（設計）' },
      { date: '2008-10-12', text: '結婚' },
      { date: '2009-11-03', text: '長女が生まれる' },
      { date: '2012-06-20', text: '長男が生まれる' },
      { date: '2024-04-10', text: 'ALSと診断される' },
      { date: '2024-06-05', text: '要介護認定（要介護1）。第2号被保険者として介護保険を使い始める' },
      { date: '2025-01-15', text: '重度訪問介護を使い始める（介護保険に上乗せ）。在宅勤務に切り替える' },
      { date: '2026-02-02', text: '夜のNPPV（マスク式の呼吸器）を始める' },
    ],
  },
  services: [
    { key: 'judo-tsumugi', system: 'shogai', service: '重度訪問介護', provider: 'ヘルパーステーション「つむぎ」', amount: '平日 9〜17時（月に約150時間）', status: 'in-use',
      note: '妻の仕事中の介助と見守り。在宅勤務の時間（月・水・金 10〜12時）は使えないため、その時間の介助が課題。' },
    { key: 'judo-kanade', system: 'shogai', service: '重度訪問介護', provider: 'ヘルパー事業所「かなで」', amount: '夜間 週2回（月・木）22時〜翌7時', status: 'in-use',
      note: '妻が眠れる日をつくる。たんの吸引ができるヘルパー（喀痰吸引等研修を受けた人）が担当。' },
    { key: 'wheelchair', system: 'shogai', service: '補装具', provider: '「あさひ福祉機器」', amount: '電動車いす（2025年に製作）', status: 'in-use',
      note: '右手の指で操作する。体に合わせて作ったもの。' },
    { key: 'communication', system: 'shogai', service: '補装具', provider: '「あさひ福祉機器」', amount: '重度障害者用意思伝達装置（視線入力）', status: 'proposed',
      note: '申請中（身体障害者更生相談所の判定を待っている）。仕事と、家族との会話に使いたい。' },
    { key: 'suction', system: 'shogai', service: '日常生活用具', provider: '市の給付', amount: '電気式たん吸引器（2025年に給付）', status: 'in-use',
      note: '夜の吸引に使う。' },
    { key: 'keikaku', system: 'shogai', service: '計画相談支援', provider: '相談支援センター「きぼう」', amount: 'モニタリング 3か月ごと', status: 'in-use',
      note: '重度訪問介護などのサービス等利用計画を作っている。' },
    { key: 'houmon-kaigo', system: 'kaigo', service: '訪問介護', provider: 'ヘルパーステーション「つむぎ」', amount: '毎日 7:30〜8:30（身体介護）', status: 'in-use',
      note: '起きる、トイレ、着がえ。重度訪問介護と同じ事業所なので、同じヘルパーが多い。' },
    { key: 'nyuyoku', system: 'kaigo', service: '訪問入浴介護', provider: '入浴サービス「ゆらり」', amount: '週2回（火・金）13:30〜14:30', status: 'in-use',
      note: '呼吸のようすを看護職が確かめながら入浴する。' },
    { key: 'yogu', system: 'kaigo', service: '福祉用具貸与', provider: '「あおば福祉用具」', amount: '毎月', status: 'in-use',
      note: '特殊寝台、床ずれ防止用具、移動用リフト。' },
    { key: 'kyotaku-shien', system: 'kaigo', service: '居宅介護支援', provider: '居宅介護支援事業所「みらい」', amount: '毎月訪問', status: 'in-use',
      note: '介護支援専門員が居宅サービス計画を作っている。介護保険は限度額の近くまで使っている。' },
    { key: 'kango', system: 'iryo', service: '訪問看護（医療保険）', provider: '訪問看護ステーション「はな」', amount: '週3回（月・水・木）14:00〜15:00', status: 'in-use',
      note: 'ALSは厚生労働大臣が定める疾病等のため、要介護認定があっても医療保険で訪問する。呼吸の観察、NPPVの管理、たんを出すケア、リハビリ。' },
    { key: 'shinryo', system: 'iryo', service: '訪問診療', provider: '在宅クリニック「ひかり」', amount: '月2回', status: 'in-use',
      note: '神経内科の病院と連携している。呼吸器について本人と家族に説明している。' },
    { key: 'nanbyo', system: 'iryo', service: '難病医療費助成', provider: '保健所', amount: '特定医療費（指定難病）受給者証', status: 'in-use',
      note: '医療費の負担に月の上限がある。' },
    { key: 'hokenshi', system: 'iryo', service: '保健師の訪問相談（難病）', provider: '保健所の保健師', amount: '月1回と、必要なとき', status: 'in-use',
      note: '療養の相談、呼吸器を考えるときの支え、停電や災害のときの備え。' },
    { key: 'wife', system: 'informal', service: '家族による支援', provider: '妻', amount: '夜と週末', status: 'in-use',
      note: '平日はフルタイムで働く。夜の吸引と体の向きを変える介助で、眠れない。' },
    { key: 'children', system: 'informal', service: '家族による支援', provider: '長女・長男', amount: '夕方と夜', status: 'in-use',
      note: '見守りと手伝い。子どもの負担が大きくなりすぎていないか気をつけたい。' },
    { key: 'work', system: 'informal', service: '職場の支え', provider: '会社の上司・同僚', amount: '在宅勤務（週3日）', status: 'in-use',
      note: '在宅勤務の時間や仕事の内容を調整してくれている。' },
    { key: 'peers', system: 'informal', service: '患者・家族の会', provider: 'ALSの患者・家族の会（県内）', amount: '月1回（オンライン）', status: 'in-use',
      note: '同じ病気の人の経験を聞ける。' },
  ],
  proposals: {
    services: [
      { key: 'judo-night', system: 'shogai', service: '重度訪問介護', provider: '「かなで」ほか', amount: '夜間を週2回から週5回へ（希望）', status: 'proposed',
        note: '介護保険を使ったうえでの上乗せ。量は市が決める。' },
    ],
    plans: [
      { key: 'work', need: '仕事を続けたい', priority: 1, goal: '在宅勤務を月・水・金に続ける',
        support: '意思伝達装置（視線入力）の申請を進める。仕事中の介助に市の就労支援の事業が使えるか確かめる。', owner: 'soudan', due: '2026-06-30', state: 'proposed' },
      { key: 'night', need: '夜は妻に眠ってほしい', priority: 2, goal: '妻が週5日は夜に眠れる',
        support: '夜の重度訪問介護を増やす相談（上乗せ）。たんの吸引ができるヘルパーを増やす。', owner: 'soudan', due: '2026-05-31', state: 'proposed' },
      { key: 'decide', need: '呼吸器のことを、あせらずに自分で決めたい', priority: 3, goal: '本人が納得して決められる',
        support: '主治医・保健師・訪問看護師と話し合いの場を持つ。文字盤や意思伝達装置でも答えられるようにする。', owner: 'nurse', due: '', state: 'proposed' },
      { key: 'children', need: '子どもたちに、ふつうの学校生活を送ってほしい', priority: 4, goal: '子どもが部活や勉強を続けられる',
        support: '子どもの負担を確かめ、本人と妻の了解を得て、学校や市の子ども家庭の相談窓口と話す。', owner: 'caremanager', due: '', state: 'proposed' },
    ],
  },
  weekly: {
    entries: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: 7.5, to: 8.5, label: '訪問介護', system: 'kaigo' },
      { days: ['tue', 'thu'], from: 9, to: 17, label: '重度訪問介護\nつむぎ', system: 'shogai' },
      { days: ['mon', 'wed', 'fri'], from: 9, to: 10, label: '重度訪問介護', system: 'shogai' },
      { days: ['mon', 'wed', 'fri'], from: 10, to: 12, label: '在宅勤務\n介助は？', system: 'informal' },
      { days: ['mon', 'wed', 'fri'], from: 12, to: 17, label: '重度訪問介護\nつむぎ', system: 'shogai' },
      { days: ['mon', 'wed', 'thu'], from: 14, to: 15, label: '訪問看護', system: 'iryo', inset: true },
      { days: ['tue', 'fri'], from: 13.5, to: 14.5, label: '訪問入浴', system: 'kaigo', inset: true },
      { days: ['mon', 'thu'], from: 22, to: 24, label: '重訪（夜）', system: 'shogai' },
      { days: ['tue', 'fri'], from: 0, to: 7, label: '重訪（夜）\n〜7時', system: 'shogai' },
    ],
    activities: {
      'late-night': 'NPPVをつけて眠る\n寝がえりの介助（妻）',
      'early-morning': '7:30 起きる・トイレ・着がえ',
      morning: '月・水・金 10〜12時 在宅勤務',
      afternoon: '休む・リハビリ\n16:00ごろ子どもが帰る',
      evening: '19:00 家族と夕食（とろみ食）',
      night: '22:00 NPPVをつけて寝る',
    },
    nonWeekly: '訪問診療（在宅クリニック「ひかり」）：月2回\n福祉用具貸与：特殊寝台・床ずれ防止用具・移動用リフト\n保健所の保健師の訪問：月1回　／　意思伝達装置（補装具）：申請中',
  },
  ecomap: {
    self: { name: '中村 誠さん（58）', gender: 'male', note: '本人' },
    persons: [
      { key: 'wife', name: '妻（52）', kind: 'family', gender: 'female', system: 'informal', note: '会社員', angle: -104 },
      { key: 'daughter', name: '長女（16・高1）', kind: 'family', gender: 'female', system: 'informal', note: '', angle: -76 },
      { key: 'son', name: '長男（13・中2）', kind: 'family', gender: 'male', system: 'informal', note: '', angle: -48 },
      { key: 'work', name: '会社（上司・同僚）', kind: 'organisation', gender: 'unknown', system: 'informal', note: '在宅勤務', angle: -20 },
      { key: 'tsumugi', name: 'つむぎ（訪問介護・重訪）', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '', angle: 8 },
      { key: 'kanade', name: 'かなで（重訪・夜間）', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '', angle: 35 },
      { key: 'hana', name: '訪問看護ステーションはな', kind: 'organisation', gender: 'unknown', system: 'iryo', note: '医療保険', angle: 62 },
      { key: 'hikari', name: '在宅クリニックひかり', kind: 'organisation', gender: 'unknown', system: 'iryo', note: '', angle: 90 },
      { key: 'hokenshi', name: '保健所の保健師', kind: 'professional', gender: 'unknown', system: 'iryo', note: '難病', angle: 118 },
      { key: 'cm', name: '介護支援専門員（みらい）', kind: 'professional', gender: 'unknown', system: 'kaigo', note: '', angle: 145 },
      { key: 'soudan', name: '相談支援専門員（きぼう）', kind: 'professional', gender: 'unknown', system: 'shogai', note: '', angle: 173 },
      { key: 'city', name: '市 障害福祉課・介護保険課', kind: 'organisation', gender: 'unknown', system: null, note: '', angle: 201 },
      { key: 'peers', name: '患者・家族の会', kind: 'informal', gender: 'unknown', system: 'informal', note: '', angle: 228 },
    ],
    ties: [
      { from: 'wife', to: 'self', kind: 'strong', direction: 'both', label: '夜と週末の介護' },
      { from: 'daughter', to: 'self', kind: 'strong', direction: 'forward', label: '夜の手伝い' },
      { from: 'son', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'work', to: 'self', kind: 'normal', direction: 'forward', label: '在宅勤務' },
      { from: 'tsumugi', to: 'self', kind: 'strong', direction: 'forward', label: '毎日' },
      { from: 'kanade', to: 'self', kind: 'normal', direction: 'forward', label: '夜間' },
      { from: 'hana', to: 'self', kind: 'strong', direction: 'forward', label: '' },
      { from: 'hikari', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'hokenshi', to: 'self', kind: 'normal', direction: 'forward', label: '難病の相談' },
      { from: 'hokenshi', to: 'hana', kind: 'normal', direction: 'both', label: '' },
      { from: 'cm', to: 'self', kind: 'strong', direction: 'forward', label: '' },
      { from: 'soudan', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'cm', to: 'soudan', kind: 'normal', direction: 'both', label: '連携' },
      { from: 'city', to: 'self', kind: 'stress', direction: 'none', label: '支給量の話し合いが続く' },
      { from: 'peers', to: 'self', kind: 'weak', direction: 'forward', label: '' },
    ],
  },
  questions: [
    '重度訪問介護の上乗せ：介護保険を限度額まで使ったうえで、夜間を週5回に増やせるか（障害福祉課）',
    '要介護度の区分変更を申請する時期（介護保険課・介護支援専門員）',
    '在宅勤務中の介助：重度訪問介護は仕事中（経済活動）には使えない。市が「雇用施策との連携による重度障害者等就労支援特別事業」をしているか（障害福祉課）',
    '訪問看護は医療保険（ALSは厚生労働大臣が定める疾病等）で、介護保険の限度額には入らない。回数や、複数のステーションを使えるかを、訪問看護ステーション・主治医と確かめる',
    'たんの吸引：ヘルパーがするには喀痰吸引等研修と登録が要る。つむぎ・かなでの体制を確かめる（事業所）',
    '意思伝達装置（補装具）の判定はいつか（障害福祉課・身体障害者更生相談所）',
    '子どもたちの負担：ヤングケアラーの視点で、学校や市の子ども家庭の相談窓口と話すか（本人・妻と相談して）',
    '停電や災害のとき：呼吸器や吸引器の電源、避難のしかた（保健所・市の防災の担当）',
    `65歳（${jaDate(dates.age65)}）からのこと：65歳になる前から介護保険を使っているので、新高額障害福祉サービス等給付費の要件（65歳まで介護保険を使っていない）に当たるかを確かめておく（障害福祉課）`,
    'お金の見通し：介護保険は第2号で1割負担。障害福祉の負担上限月額は妻の収入で決まる。難病の医療費の上限、障害年金・傷病手当金、高額介護サービス費と高額医療・高額介護合算療養費も合わせて確かめる（介護保険課・障害福祉課・保健所・会社）',
    'レスパイト（家族が休むこと）：医療型短期入所や、難病のレスパイト入院を使えるか（障害福祉課・保健所・病院）',
    '保健所の保健師（難病の担当）と市の保健師の役割の分け方。だれに何を相談するか（保健所・市）',
  ],
  refundChecks: false,
};

/** The 事例演習2 template's records. */
export function buildExercise2(): TLRecord[] {
  return buildCaseBoard(EXERCISE_2_CONTENT);
}
