import type { TLRecord } from '@tldraw/tlschema';
import { keyDates } from '../domain/dates.ts';
import { buildCaseBoard } from './caseBoard.ts';
import type { CaseBoardContent } from './content.ts';
import { jaDate } from './styles.ts';

/**
 * 事例演習1（障害福祉サービスの利用者が介護保険サービスを利用開始する事例）: a man with an
 * intellectual disability who reaches 65 next month. His services were chosen so that every
 * rule of the move appears once: 居宅介護・生活介護・短期入所 (介護保険が優先、共生型・
 * 上乗せの余地), 行動援護・就労継続支援B型 (続く), 移動支援 (市町村の事業), plus medical and
 * informal support. All people and providers are fictional.
 */
export const EXERCISE_1_CASE = {
  name: '山本 和夫',
  birthDate: '1961-05-20',
  /** The day of the conference: every age on the board is as of this day. */
  meetingDate: '2026-04-13',
} as const;

const dates = keyDates(EXERCISE_1_CASE.birthDate);
const AGE65 = jaDate(dates.age65);
const MEETING = jaDate(EXERCISE_1_CASE.meetingDate, true);

const SOUDAN = '相談支援専門員 田中（相談支援センター「つばさ」）';

export const EXERCISE_1_CONTENT: CaseBoardContent = {
  basicInfo: {
    name: `${EXERCISE_1_CASE.name}（仮名）`, birthDate: EXERCISE_1_CASE.birthDate, disability: '知的障害・自閉スペクトラム症', ryoikuHandbook: '中度',
    supportLevel: '4', benefitPeriod: '2026年9月30日まで', careLevel: 'applying', careLevelPeriod: '（認定の結果を待つ）',
    monthlyCap: '0円（障害福祉。確認する）', copayRate: '1割の見込み（介護保険。負担割合証で確認する）', doctor: '「みなみ内科クリニック」',
    guardianship: '使っていない。妹がお金の管理を手伝う', publicAssistance: 'no', medicalInsurance: 'yes', excludedFacility: 'no',
  },
  pageName: '事例演習1',
  heading: `事例演習1：山本 和夫さん（仮名）— 65歳で、障害福祉サービスから介護保険サービスへ`,
  subheading: `この事例の人物・事業所はすべて架空です。会議の日は${MEETING}。山本さんは${AGE65}に65歳に到達します（誕生日の前日）。`,
  howTo:
    '演習の進め方（2時間）：① 一人で事例を読む（10分）→ ② 本人の思いとライフステージを確かめる（15分）→ ③ 現在のサービスから移行後の形を考える（30分）→ ④ 週間サービス計画とエコマップ（20分）→ ⑤ 引継ぎ情報と論点（15分）→ ⑥ 発表・全体で共有（20分）→ ⑦ グループでもう一度ふり返る（10分）',
  guides: {
    weekly: '居宅サービス計画書 第3表の形です。いまは65歳になる前の1週間です。65歳からの形を付箋で重ねてみましょう。',
  },
  summary: {
    left: [
      { title: '本人', body: `山本 和夫さん（仮名）、64歳、男性。${jaDate(EXERCISE_1_CASE.birthDate)}生まれ。知的障害（療育手帳・中度）と自閉スペクトラム症。障害支援区分4。てんかん（薬で発作はほとんどない）と高血圧で、内科に月1回通っている。` },
      { title: '人となり', body: '短い言葉で気持ちを伝えられる。その日の予定と順番がわかっていると、落ち着いて過ごせる。急な変更や、人の多いにぎやかな場所は苦手。パン作り、野球（テレビと球場での観戦）、カラオケが好き。' },
      { title: '暮らしと家族', body: '市営住宅で母（88歳）と二人で暮らす。父は2016年に亡くなった。母は要介護1で、通所介護（月・水・金）を使っている。母の担当は居宅介護支援事業所「さくら」の介護支援専門員。妹（60歳）は車で30分のところに住み、週1回来て、買い物とお金の管理を手伝っている。' },
      { title: 'お金', body: '障害基礎年金（2級）と、工房の工賃（月に1万円ほど）。これまでの障害福祉サービスの利用者負担は0円だった。' },
    ],
    right: [
      { title: 'これまでの経過', body: '1980年に養護学校高等部を卒業し、知的障害者の通所授産施設「ひまわり工房」に通い始めた（2012年から就労継続支援B型）。45年以上パン作りを続けている。2016年に父が亡くなってから居宅介護を使い始めた。2024年、家の中で2回転び、足腰が弱くなってきたため、生活介護「みどりの家」（週3日）を使い始め、工房は週2日にした。短期入所は、母の通院や休養のときと、母と離れて過ごす練習のために使っている。' },
      { title: 'なぜ今', body: `${AGE65}に65歳になり、介護保険の第1号被保険者になる。居宅介護・生活介護・短期入所は、介護保険のサービスが優先になる見込み。2026年3月2日に要介護認定を申請し、4月3日に認定調査があった。結果はまだ出ていない。本人は、今の暮らしが変わることを心配している（本人の言葉は「本人の思い」の枠に）。` },
      { title: 'この会議', body: `${MEETING}、自宅で。出席：本人、母、妹、${SOUDAN}、介護支援専門員（居宅介護支援事業所「さくら」。母の担当と同じ事業所）、市の障害福祉課と介護保険課の担当者。` },
      { title: '大事な日付', body: `65歳到達日：${AGE65}（65歳の誕生日の前日。この日から第1号被保険者）\n要介護認定の申請の受付：${jaDate(dates.ltcApplicationFrom)}ごろから（65歳到達日の${dates.applicationMonthsBefore}か月前。市町村に確認）\n今の障害福祉サービスの支給決定：2026年9月30日まで` },
    ],
  },
  voices: [
    { text: '「パンを作るのが好き。ひまわり工房は、やめない」', recordedBy: `${SOUDAN}。2026年3月、自宅での面談`, source: 'spoken' },
    { text: '「お母さんと、この家にいる」', recordedBy: `${SOUDAN}。2026年3月、自宅での面談`, source: 'spoken' },
    { text: '「ヘルパーさんは、ぼくの言う順番でやって」', recordedBy: 'ヘルパーステーション「あゆみ」のサービス提供責任者。2026年2月', source: 'spoken' },
    { text: '野球の話になると身を乗り出し、カレンダーの試合の日に自分で丸をつける。', recordedBy: '「ガイドヘルプ ゆうゆう」のガイドヘルパー（行動援護・移動支援）', source: 'sign' },
    {
      text: '通所介護の見学では10分ほどで出口に向かい、職員に手を引かれると強く振り払った。にぎやかで先の見えない場所はいやなのだと思われる。',
      recordedBy: `${SOUDAN}。2026年3月、見学に同行。生活介護「みどりの家」の職員も同じような様子を見ている`,
      source: 'inferred',
    },
    { text: '「お金がかかるのは、こまる」', recordedBy: `${SOUDAN}。2026年4月、市からの通知を一緒に読んだとき`, source: 'spoken' },
  ],
  family: [
    { who: '母 トシ子さん（88歳）', text: '「私がいなくなったあと、この子がどうなるかが一番の心配です」' },
    { who: '妹 由美さん（60歳）', text: '「兄が工房に通えなくなるのは避けたい。費用が増えるなら、わかるように説明してほしい」' },
    { who: '妹 由美さん（60歳）', text: '「母も年なので、いずれは兄がグループホームで暮らすことも考えている」' },
  ],
  life: {
    birthDate: EXERCISE_1_CASE.birthDate,
    specifiedDisease: false,
    events: [
      { date: '1961-05-20', text: '生まれる' },
      { date: '1980-03-15', text: '養護学校高等部を卒業。通所授産施設「ひまわり工房」へ（2012年から就労継続支援B型）' },
      { date: '2016-08-01', text: '父が亡くなる。居宅介護を使い始める' },
      { date: '2024-06-01', text: '転倒が続く。生活介護「みどりの家」を週3日使い始め、工房は週2日に' },
      { date: '2026-03-02', text: '要介護認定を申請' },
      { date: dates.age65, text: '65歳到達日：介護保険の第1号被保険者になる' },
    ],
  },
  services: [
    { key: 'kyotaku', system: 'shogai', service: '居宅介護', provider: 'ヘルパーステーション「あゆみ」', amount: '身体介護（入浴）週2回・各1時間、家事援助 週3回・各1.5時間、通院等介助 月1回', status: 'in-use',
      note: '夕食づくりと掃除を本人といっしょにする。ヘルパーは本人の言う順番に合わせている（8年、ほぼ同じヘルパー）。' },
    { key: 'seikatsu', system: 'shogai', service: '生活介護', provider: '「みどりの家」', amount: '週3日（月・水・金）9:30〜15:30、送迎・入浴あり', status: 'in-use',
      note: '絵を描く、散歩、入浴。少人数の静かな部屋で過ごせる。' },
    { key: 'tanki', system: 'shogai', service: '短期入所', provider: '「あおぞら荘」', amount: '月4日（1泊2日を月2回）', status: 'in-use',
      note: '母の通院や休養のとき。母と離れて過ごす練習にもなっている。' },
    { key: 'koudou', system: 'shogai', service: '行動援護', provider: '「ガイドヘルプ ゆうゆう」', amount: '月12時間', status: 'in-use',
      note: '球場での野球観戦など、人の多い場所への外出。慣れたガイドヘルパーと行く。' },
    { key: 'b-gata', system: 'shogai', service: '就労継続支援B型', provider: '「ひまわり工房」', amount: '週2日（火・木）9:00〜15:00', status: 'in-use',
      note: 'パン作り。45年以上通う、本人の誇り。' },
    { key: 'idou', system: 'shogai', service: '移動支援', provider: '「ガイドヘルプ ゆうゆう」', amount: '月8時間（隔週の土曜の午後）', status: 'in-use',
      note: '買い物とカラオケ。市の地域生活支援事業。' },
    { key: 'keikaku', system: 'shogai', service: '計画相談支援', provider: '相談支援センター「つばさ」', amount: 'モニタリング 3か月ごと', status: 'in-use',
      note: '相談支援専門員の田中さんがサービス等利用計画を作っている。' },
    { key: 'clinic', system: 'iryo', service: '外来通院（内科）', provider: '「みなみ内科クリニック」', amount: '月1回', status: 'in-use',
      note: 'てんかんと高血圧の薬。居宅介護の通院等介助で通う。' },
    { key: 'sister', system: 'informal', service: '家族による支援', provider: '妹 由美さん', amount: '週1回（日曜）', status: 'in-use',
      note: '買い物、お金の管理、役所の手続き。' },
    { key: 'mother', system: 'informal', service: '家族による支援', provider: '母 トシ子さん', amount: '毎日', status: 'in-use',
      note: '朝の声かけと薬の確認。母も要介護1で、二人で支え合って暮らしている。' },
    { key: 'neighbours', system: 'informal', service: '近隣の見守り', provider: '隣の夫婦', amount: 'ときどき', status: 'in-use',
      note: '顔を合わせると声をかけてくれる。' },
  ],
  proposals: {
    services: [
      { key: 'houmon-kaigo', system: 'kaigo', service: '訪問介護', provider: 'ヘルパーステーション「あゆみ」（訪問介護の指定があるか確認）', amount: '要介護認定の結果を見て決める', status: 'proposed',
        note: '同じヘルパーが続けられるか。本人の順番を手順書（訪問介護計画）に書き込む。' },
      { key: 'tsusho-kaigo', system: 'kyoseigata', service: '共生型通所介護', provider: '「みどりの家」（共生型の指定を確認）', amount: '週3日を希望', status: 'proposed',
        note: '指定がない場合は、生活介護を続けられるか市に相談する。' },
    ],
    plans: [
      { key: 'kobo', need: 'ひまわり工房でパン作りを続けたい', priority: 1, goal: '65歳からも週2日、工房に通い続ける',
        support: '就労継続支援B型は障害福祉で続く。通所介護の日と重ならないように週の予定を決める。支給決定の更新を確かめる。', owner: 'soudan', due: dates.age65, state: 'proposed',
        sheet: { longGoal: '母と暮らしながら、これからもパン作りを続ける', serviceKind: '就労継続支援B型', provider: '「ひまわり工房」', frequency: '週2日（火・木）',
          insured: 'no', clientRole: '工房の日は自分で支度をして、送迎の車を待つ', reviewTiming: '3か月後（モニタリング）' } },
      { key: 'home', need: '母とこの家で暮らし続けたい。ヘルパーには自分の順番でやってほしい', priority: 2, goal: '65歳からも、なじみのヘルパーと夕食づくりと入浴を続ける',
        support: '訪問介護に移る。手順書に本人の順番を書く。足りない分は居宅介護の上乗せを市に相談する。', owner: 'caremanager', due: dates.age65, state: 'proposed',
        sheet: { longGoal: '母とこの家で、自分のやり方で暮らし続ける', serviceKind: '訪問介護', provider: 'ヘルパーステーション「あゆみ」', frequency: '週3回（月・水・金）夕方',
          insured: 'yes', clientRole: '夕食の献立を自分で決め、ヘルパーに順番を伝える', reviewTiming: '要介護認定の結果が出たとき' } },
      { key: 'daytime', need: '日中は静かな場所で、絵や散歩をして過ごしたい', priority: 3, goal: '慣れた「みどりの家」に通い続ける',
        support: '共生型通所介護の指定を確かめる。難しければ、生活介護を続けられるか市に相談する。', owner: 'soudan', due: '2026-04-30', state: 'proposed' },
      { key: 'money', need: 'お金の心配をしないで暮らしたい', priority: 4, goal: '介護保険の利用者負担の見通しがわかる',
        support: '負担の割合と毎月の費用を説明する。新高額障害福祉サービス等給付費の要件を確かめ、申請を手伝う。', owner: 'caremanager', due: '', state: 'proposed' },
    ],
  },
  weekly: {
    entries: [
      { days: ['mon', 'wed', 'fri'], from: 9.5, to: 15.5, label: '生活介護\nみどりの家', system: 'shogai' },
      { days: ['tue', 'thu'], from: 9, to: 15, label: '就労継続B型\nひまわり工房', system: 'shogai' },
      { days: ['mon', 'wed', 'fri'], from: 17, to: 18.5, label: '居宅介護\n家事援助', system: 'shogai' },
      { days: ['tue', 'sat'], from: 19, to: 20, label: '入浴介助', system: 'shogai' },
      { days: ['sat'], from: 13, to: 17, label: '移動支援\n（隔週）', system: 'shogai' },
      { days: ['sun'], from: 12, to: 18, label: '行動援護\n（月2回・野球）', system: 'shogai' },
      { days: ['sun'], from: 9.5, to: 11.5, label: '妹（買い物）', system: 'informal' },
    ],
    activities: {
      'late-night': '眠る',
      'early-morning': '6:30 起きる・着がえ\n7:00 母と朝食',
      morning: '平日は工房か、みどりの家へ',
      afternoon: '16:00ごろ帰る\nテレビで野球',
      evening: '18:30 夕食\n21:00 寝る準備',
      night: '22:00 寝る',
    },
    nonWeekly: '短期入所「あおぞら荘」：月4日（1泊2日を月2回）\n通院（みなみ内科クリニック）：月1回（居宅介護の通院等介助）\n計画相談支援のモニタリング：3か月ごと',
  },
  ecomap: {
    self: { name: '山本 和夫さん（64）', gender: 'male', note: '本人' },
    persons: [
      { key: 'mother', name: '母 トシ子さん（88）', kind: 'family', gender: 'female', system: 'informal', note: '同居・要介護1', angle: -105 },
      { key: 'sister', name: '妹 由美さん（60）', kind: 'family', gender: 'female', system: 'informal', note: '週1回来る', angle: -75 },
      { key: 'kobo', name: 'ひまわり工房（B型）', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '45年以上', angle: -40 },
      { key: 'midori', name: 'みどりの家（生活介護）', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '', angle: -10 },
      { key: 'ayumi', name: 'ヘルパーステーションあゆみ', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '8年', angle: 20 },
      { key: 'aozora', name: 'あおぞら荘（短期入所）', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '', angle: 50 },
      { key: 'yuyu', name: 'ゆうゆう（行動援護・移動支援）', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '', angle: 80 },
      { key: 'clinic', name: 'みなみ内科クリニック', kind: 'organisation', gender: 'unknown', system: 'iryo', note: '', angle: 110 },
      { key: 'soudan', name: '相談支援専門員 田中さん', kind: 'professional', gender: 'unknown', system: 'shogai', note: 'つばさ', angle: 140 },
      { key: 'cm', name: '介護支援専門員（さくら）', kind: 'professional', gender: 'unknown', system: 'kaigo', note: '母の担当と同じ事業所', angle: 170 },
      { key: 'city', name: '市 障害福祉課・介護保険課', kind: 'organisation', gender: 'unknown', system: null, note: '窓口が二つ', angle: 200 },
      { key: 'neighbours', name: '隣の夫婦', kind: 'informal', gender: 'unknown', system: 'informal', note: '', angle: 230 },
    ],
    ties: [
      { from: 'mother', to: 'self', kind: 'strong', direction: 'both', label: '同居・支え合い' },
      { from: 'sister', to: 'self', kind: 'strong', direction: 'forward', label: '買い物・お金の管理' },
      { from: 'mother', to: 'sister', kind: 'stress', direction: 'none', label: '将来の暮らし方で意見が違う' },
      { from: 'kobo', to: 'self', kind: 'strong', direction: 'forward', label: 'パン作り45年以上' },
      { from: 'midori', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'ayumi', to: 'self', kind: 'strong', direction: 'forward', label: 'なじみのヘルパー' },
      { from: 'aozora', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'yuyu', to: 'self', kind: 'normal', direction: 'forward', label: '外出' },
      { from: 'clinic', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'soudan', to: 'self', kind: 'strong', direction: 'forward', label: '' },
      { from: 'cm', to: 'self', kind: 'weak', direction: 'forward', label: 'これから' },
      { from: 'cm', to: 'mother', kind: 'normal', direction: 'forward', label: '母の担当' },
      { from: 'soudan', to: 'cm', kind: 'weak', direction: 'both', label: '引継ぎ・連携' },
      { from: 'city', to: 'self', kind: 'normal', direction: 'forward', label: '支給決定' },
      { from: 'neighbours', to: 'self', kind: 'weak', direction: 'forward', label: '声かけ' },
    ],
  },
  questions: [
    `65歳到達日（${AGE65}）から要介護認定の結果が出るまでの間、今の障害福祉サービスを続けられるか（障害福祉課・介護保険課）`,
    '居宅介護：訪問介護だけで足りない分を、障害福祉の上乗せで認めるか。どのくらいか（障害福祉課）',
    '生活介護「みどりの家」：共生型通所介護の指定があるか、受ける予定か。ない場合、生活介護を続けられるか（介護保険課・障害福祉課）',
    '短期入所「あおぞら荘」：共生型短期入所生活介護の指定はあるか（事業所・介護保険課）',
    '行動援護と就労継続支援B型：65歳からも障害福祉で続くことを確かめる。支給決定の更新はいつか（障害福祉課）',
    '移動支援：65歳からも使えるか（市の要綱。障害福祉課）',
    '介護保険の利用者負担の割合（負担割合証）と、毎月の費用の見通し（介護保険課・介護支援専門員）',
    '計画相談支援は続くか。相談支援専門員と介護支援専門員が並んで支える形にできるか（障害福祉課）',
    '要介護度は要支援になるかもしれない（要支援や要介護1なら使える量が小さく、要支援なら地域包括支援センターが計画を作ることがある）。その場合の支え方（介護保険課・地域包括支援センター）',
    '通院のとき病院の中での介助（院内介助）：介護保険では例外的にしか認められない。どう支えるか（介護保険課・障害福祉課）',
    '生活援助：母と同居しているので、訪問介護の生活援助（家事）は原則として使えない。母も要介護1であることをどう見るか（介護保険課）',
    '母と和夫さんを同じ事業所が支えることになる。事業所・介護支援専門員の役割の分け方（事業所・居宅介護支援事業所「さくら」）',
    'お金の管理：妹の手伝いのほかに、日常生活自立支援事業や成年後見が要るか（社会福祉協議会・本人・妹）',
  ],
  refundChecks: true,
};

/** The 事例演習1 template's records. */
export function buildExercise1(): TLRecord[] {
  return buildCaseBoard(EXERCISE_1_CONTENT);
}
