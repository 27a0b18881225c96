import type { TLRecord } from '@tldraw/tlschema';
import { ASSESSMENT_ITEMS } from '../domain/assessmentItems.ts';
import { keyDates } from '../domain/dates.ts';
import { buildCaseBoard } from './caseBoard.ts';
import type { CaseBoardContent } from './content.ts';
import { FRAME_LAYOUT, FRAME_MARGIN, LAYOUT_WIDTH } from './frames.ts';
import { FIRST_PAGE_ID, GUIDE_META, type ShapeSet } from './records.ts';
import { frameProps, geoProps, jaDate, labelHeight } from './styles.ts';

/**
 * 情報連携（引継ぎ）（演習, 1.5 h）: the curriculum's first exercise. A 相談支援専門員 hands a
 * person over to a 介護支援専門員 before the person turns 65; the groups work out what to pass
 * on, item by item of the 課題分析標準項目 (23 items, 2023 revision) the 介護支援専門員 must
 * assess, and play it with role cards. The person is new (neither exercise's): a woman with
 * cerebral palsy who lives alone with 重度訪問介護 and directs her own helpers — so what the
 * handover must carry (how she directs, what 訪問介護 cannot cover, equipment that changes
 * system, money) is visible on every item. All people and providers are fictional.
 */
export const HANDOVER_CASE = {
  name: '佐々木 はるみ',
  birthDate: '1961-07-10',
  meetingDate: '2026-05-11',
} as const;

const dates = keyDates(HANDOVER_CASE.birthDate);
const AGE65 = jaDate(dates.age65);
const MEETING = jaDate(HANDOVER_CASE.meetingDate, true);
const SOUDAN = '相談支援専門員 森（相談支援事業所「みちしるべ」）';

export const HANDOVER_CONTENT: CaseBoardContent = {
  basicInfo: {
    name: `${HANDOVER_CASE.name}（仮名）`, birthDate: HANDOVER_CASE.birthDate, disability: '脳性麻痺（四肢まひ）', physicalHandbook: '1級（肢体不自由）',
    supportLevel: '6', benefitPeriod: '2026年10月31日まで', careLevel: '', careLevelPeriod: '（65歳の3か月前から申請できる。これから申請する）',
    monthlyCap: '0円（障害福祉。住民税非課税。確認する）', copayRate: '1割の見込み（介護保険。負担割合証で確認する）', doctor: '「かわべ整形外科」・「青葉訪問看護ステーション」',
    guardianship: '使っていない。お金の管理は自分でする', publicAssistance: 'no', medicalInsurance: 'yes', excludedFacility: 'no',
  },
  pageName: '情報連携（引継ぎ）',
  heading: '情報連携（引継ぎ）の演習：佐々木 はるみさん（仮名）— 相談支援専門員から介護支援専門員へ、何を引き継ぐか',
  subheading: `この事例の人物・事業所はすべて架空です。引継ぎの会議は${MEETING}。佐々木さんは${AGE65}に65歳に到達します（誕生日の前日）。`,
  howTo:
    '演習の進め方（1時間30分）：① 役割カードを配り、一人で事例を読む（10分）→ ② 相談支援専門員役が、引継ぎシートの項目ごとに知っていることを付箋に書く（20分）→ ③ 介護支援専門員役が、アセスメントに足りないことを質問する（20分）→ ④ 発表・全体で共有（25分）→ ⑤ グループでもう一度ふり返る（15分）',
  guides: {
    handover: '相談支援専門員が必ず伝えること。下の「引継ぎシート」で、課題分析標準項目ごとにくわしく書きます。',
  },
  summary: {
    left: [
      { title: '本人', body: `佐々木 はるみさん（仮名）、64歳、女性。${jaDate(HANDOVER_CASE.birthDate)}生まれ。生まれたときからの脳性麻痺で、手足が思うように動かない（身体障害者手帳1級）。障害支援区分6。電動車いすを、あごのスイッチで動かす。` },
      { title: '人となり', body: 'はっきり自分の意見を言う。言葉はゆっくりだが、慣れた人にはよく伝わる。障害者団体の役員を20年続け、市の会議で意見を述べてきた。読書と、仲間との食事会が楽しみ。' },
      { title: '暮らしと家族', body: '市営住宅の1階（段差をなくす改修済み）で一人暮らし。両親はすでに亡くなった。姉（68歳）は新幹線で2時間のところに住み、月1回電話、年2回来る。近所の喫茶店の店主と、団体の仲間が日常の話し相手。' },
      { title: 'お金', body: '障害基礎年金（1級）と特別障害者手当。これまでの障害福祉サービスの利用者負担は0円。お金の管理は自分でしている（銀行の手続きはヘルパーが付き添う）。' },
    ],
    right: [
      { title: 'これまでの経過', body: '養護学校を出てから、家族と暮らしながら作業所に通った。1998年、37歳で家を出て一人暮らしを始めた（全身性障害者介護人派遣事業、のちに居宅介護）。2006年から重度訪問介護。2019年から週2日、生活介護「ひだまり」に通う。2024年から首と肩の痛みが強くなり（二次障害）、整形外科に通っている。' },
      { title: 'なぜ今', body: `${AGE65}に65歳になり、介護保険の第1号被保険者になる。重度訪問介護の身体介護・家事の部分と生活介護は、介護保険のサービスが優先になる見込み。相談支援専門員の森さんは、介護支援専門員に引き継ぐ準備を始めた。本人は「自分で決めてきた暮らし方を変えたくない」と話している。` },
      { title: 'この会議', body: `${MEETING}、佐々木さんの自宅で。出席：本人、${SOUDAN}、介護支援専門員（居宅介護支援事業所「あおい」。佐々木さんとは初対面）、重度訪問介護「エール」のサービス提供責任者。姉は電話で参加。` },
      { title: '大事な日付', body: `65歳到達日：${AGE65}（この日から第1号被保険者）\n要介護認定の申請の受付：${jaDate(dates.ltcApplicationFrom)}ごろから（市町村に確認）\n今の障害福祉サービスの支給決定：2026年10月31日まで` },
    ],
  },
  voices: [
    { text: '「何をいつ、どの順番でしてもらうかは、わたしが決める。それが一人暮らしの意味」', recordedBy: `${SOUDAN}。2026年4月、自宅での面談`, source: 'spoken' },
    { text: '「夜中に体の向きを変えてもらえないと、痛くて眠れない」', recordedBy: `${SOUDAN}。2026年4月`, source: 'spoken' },
    { text: '「団体の会議と、仲間との食事会には、これからも出たい」', recordedBy: '重度訪問介護「エール」のサービス提供責任者。2026年3月', source: 'spoken' },
    { text: '初めてのヘルパーには、自分から手順を一つずつ説明し、終わると「ありがとう、次はこれ」と指示する。', recordedBy: '重度訪問介護「エール」のサービス提供責任者', source: 'sign' },
  ],
  family: [
    { who: '姉 和子さん（68歳）', text: '「遠くて何もしてあげられない。妹が今の暮らしを続けられるようにしてほしい」' },
  ],
  life: {
    birthDate: HANDOVER_CASE.birthDate,
    specifiedDisease: false,
    events: [
      { date: '1961-07-10', text: '生まれる（脳性麻痺）' },
      { date: '1980-03-15', text: '養護学校を卒業し、作業所へ' },
      { date: '1998-04-01', text: '家を出て一人暮らしを始める' },
      { date: '2006-10-01', text: '重度訪問介護を使い始める' },
      { date: '2019-04-01', text: '生活介護「ひだまり」に週2日通い始める' },
      { date: '2024-05-01', text: '首と肩の痛みが強くなる（二次障害）' },
      { date: dates.age65, text: '65歳到達日：介護保険の第1号被保険者になる' },
    ],
  },
  services: [
    { key: 'juho', system: 'shogai', service: '重度訪問介護', provider: '「エール」', amount: '1日10時間（朝7〜12時、夕方17〜22時）＋夜間の体位交換 2回', status: 'in-use',
      note: '食事・排泄・入浴・家事・外出・見守り。本人が一つずつ指示し、同じ5人のヘルパーが交代で入る。' },
    { key: 'seikatsu', system: 'shogai', service: '生活介護', provider: '「ひだまり」', amount: '週2日（火・金）10:00〜15:00、送迎あり', status: 'in-use',
      note: '入浴とリハビリ体操、仲間との昼食。' },
    { key: 'keikaku', system: 'shogai', service: '計画相談支援', provider: '相談支援事業所「みちしるべ」', amount: 'モニタリング 3か月ごと', status: 'in-use',
      note: '相談支援専門員の森さん。10年以上の担当。' },
    { key: 'hosougu', system: 'shogai', service: '補装具', provider: '電動車いす（あごで操作）', amount: '2022年に作り直し', status: 'in-use',
      note: '体に合わせて作ったもの。介護保険の福祉用具貸与の車いすでは合わない見込み。' },
    { key: 'yougu', system: 'shogai', service: '日常生活用具', provider: '特殊寝台・体位変換器・入浴補助用具', amount: '給付済み', status: 'in-use',
      note: '特殊寝台は、介護保険では福祉用具貸与（レンタル）に変わる。' },
    { key: 'kango', system: 'iryo', service: '訪問看護（医療保険）', provider: '「青葉訪問看護ステーション」', amount: '週1回', status: 'in-use',
      note: '皮膚の確認と排便のケア。65歳からは、原則として介護保険の訪問看護になる。' },
    { key: 'seikei', system: 'iryo', service: '外来通院（整形外科）', provider: '「かわべ整形外科」', amount: '月2回', status: 'in-use',
      note: '首と肩の痛み。重度訪問介護のヘルパーが付き添い、院内も介助する。' },
    { key: 'friends', system: 'informal', service: 'ボランティア', provider: '障害者団体の仲間', amount: '月2回', status: 'in-use',
      note: '会議と食事会。送り迎えは重度訪問介護。' },
    { key: 'cafe', system: 'informal', service: '近隣の見守り', provider: '喫茶店の店主', amount: 'ほぼ毎日', status: 'in-use',
      note: '顔を見ないと電話をくれる。' },
  ],
  proposals: { services: [], plans: [] },
  weekly: {
    entries: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: 7, to: 12, label: '重度訪問介護', system: 'shogai' },
      { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: 17, to: 22, label: '重度訪問介護', system: 'shogai' },
      { days: ['tue', 'fri'], from: 10, to: 15, label: '生活介護\nひだまり', system: 'shogai', inset: true },
      { days: ['wed'], from: 13, to: 14, label: '訪問看護', system: 'iryo' },
    ],
    activities: {
      'late-night': '体位交換（2時・4時）',
      'early-morning': '7:00 起きる・着がえ・朝食',
      morning: '読書、団体の仕事（電話・メール）',
      afternoon: '一人で過ごす（見守りの電話）',
      evening: '18:00 夕食、入浴（ひだまりに行かない日）',
      night: '22:00 寝る',
    },
    nonWeekly: '整形外科：月2回（重度訪問介護で付き添い）\n団体の会議と食事会：月2回\n計画相談支援のモニタリング：3か月ごと',
  },
  ecomap: {
    self: { name: '佐々木 はるみさん（64）', gender: 'female', note: '本人・一人暮らし' },
    persons: [
      { key: 'sister', name: '姉 和子さん（68）', kind: 'family', gender: 'female', system: 'informal', note: '遠方', angle: -90 },
      { key: 'yell', name: '重度訪問介護 エール', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '同じ5人', angle: -50 },
      { key: 'hidamari', name: '生活介護 ひだまり', kind: 'organisation', gender: 'unknown', system: 'shogai', note: '', angle: -15 },
      { key: 'soudan', name: '相談支援専門員 森さん', kind: 'professional', gender: 'unknown', system: 'shogai', note: '10年以上', angle: 20 },
      { key: 'cm', name: '介護支援専門員（あおい）', kind: 'professional', gender: 'unknown', system: 'kaigo', note: '初対面', angle: 55 },
      { key: 'nurse', name: '青葉訪問看護', kind: 'organisation', gender: 'unknown', system: 'iryo', note: '', angle: 90 },
      { key: 'ortho', name: 'かわべ整形外科', kind: 'organisation', gender: 'unknown', system: 'iryo', note: '', angle: 125 },
      { key: 'friends', name: '障害者団体の仲間', kind: 'informal', gender: 'unknown', system: 'informal', note: '', angle: 165 },
      { key: 'cafe', name: '喫茶店の店主', kind: 'informal', gender: 'unknown', system: 'informal', note: '', angle: 200 },
      { key: 'city', name: '市 障害福祉課・介護保険課', kind: 'organisation', gender: 'unknown', system: null, note: '', angle: 235 },
    ],
    ties: [
      { from: 'yell', to: 'self', kind: 'strong', direction: 'forward', label: '本人の指示で介助' },
      { from: 'sister', to: 'self', kind: 'weak', direction: 'both', label: '月1回の電話' },
      { from: 'hidamari', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'soudan', to: 'self', kind: 'strong', direction: 'forward', label: '' },
      { from: 'cm', to: 'self', kind: 'weak', direction: 'forward', label: 'これから' },
      { from: 'soudan', to: 'cm', kind: 'weak', direction: 'both', label: '引継ぎ' },
      { from: 'nurse', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'ortho', to: 'self', kind: 'normal', direction: 'forward', label: '' },
      { from: 'friends', to: 'self', kind: 'strong', direction: 'both', label: '団体・食事会' },
      { from: 'cafe', to: 'self', kind: 'normal', direction: 'forward', label: '見守り' },
      { from: 'city', to: 'self', kind: 'normal', direction: 'forward', label: '支給決定' },
    ],
  },
  questions: [
    '重度訪問介護のうち、訪問介護に置き換わる部分と、障害福祉に残る部分（見守り・長時間・外出）の分け方（障害福祉課・介護保険課）',
    '訪問介護の支給限度基準額を使い切ったあと、重度訪問介護の上乗せをどれだけ認めるか（障害福祉課）',
    '本人の指示で動く介助を、介護保険の訪問介護計画と手順書にどう書くか（介護支援専門員・事業所）',
    '電動車いす：補装具として作り直し・修理を続けられるか。特殊寝台は福祉用具貸与に変わるか（障害福祉課・介護保険課）',
    '訪問看護は医療保険から介護保険に変わるか。支給限度基準額への影響（訪問看護ステーション・介護支援専門員）',
    '通院のときの院内介助：介護保険では例外的にしか認められない。どう支えるか（介護保険課・障害福祉課）',
    '新高額障害福祉サービス等給付費の要件（65歳になる前の5年間、重度訪問介護などを使っていたか、所得）を確かめる（障害福祉課）',
    '計画相談支援は続くか。相談支援専門員と介護支援専門員が並んで支える形にできるか（障害福祉課）',
  ],
  refundChecks: true,
};

/** Who plays whom in the exercise: one card per role, handed out at step ①. */
export const HANDOVER_ROLE_CARDS = [
  { key: 'soudan', title: '相談支援専門員（森）の役', body: '10年以上、佐々木さんを担当してきた。引継ぎシートの項目ごとに、知っていることと、どこに書いてあるかを伝える。本人の言葉は本人の言葉のまま伝える。' },
  { key: 'caremanager', title: '介護支援専門員（あおい）の役', body: '佐々木さんとは初対面。課題分析標準項目の23項目をうめるために、何が足りないかを質問する。介護保険でできること・できないことをはっきり伝える。' },
  { key: 'client', title: '本人（佐々木さん）の役', body: '自分で決めてきた暮らし方を大切にしている。わからない言葉が出たら「それはどういう意味？」と聞く。いやなことは、いやと言う。' },
  { key: 'observer', title: '観察者（記録・時間）の役', body: '付箋を書かず、聞いて記録する。引継ぎで落ちた情報、専門用語が説明なしに使われた場面をメモし、ふり返りで伝える。時間も知らせる。' },
] as const;

const EXTRA_TOP = FRAME_LAYOUT.weekly.y + FRAME_LAYOUT.weekly.h + 120;
const ROLE_FRAME_H = 420;
const SHEET_COLUMNS = 2;
const ITEM_MIN_H = 150;
const ITEM_GAP = 12;
// Each item card takes under half its column; the rest of the row is for the group's sticky notes.
const ITEM_W = 1000;

/** The role cards and the 23-item handover sheet, below the nine standard frames. */
function addExerciseFrames(set: ShapeSet): void {
  const roles = set.add('frame-roles', 'frame', FIRST_PAGE_ID, { x: 0, y: EXTRA_TOP }, frameProps('役割カード', LAYOUT_WIDTH, ROLE_FRAME_H));
  const roleGuide = '① のときに一人一枚ずつ配ります。自分の役の立場で話してください。';
  const roleGuideH = labelHeight(roleGuide, LAYOUT_WIDTH - 2 * FRAME_MARGIN);
  set.add('roles-guide', 'geo', roles, { x: FRAME_MARGIN, y: 12 }, geoProps({ w: LAYOUT_WIDTH - 2 * FRAME_MARGIN, h: roleGuideH, text: roleGuide, dash: 'none', labelColor: 'grey' }), { meta: GUIDE_META });
  const cardW = (LAYOUT_WIDTH - FRAME_MARGIN * (HANDOVER_ROLE_CARDS.length + 1)) / HANDOVER_ROLE_CARDS.length;
  HANDOVER_ROLE_CARDS.forEach((card, i) => {
    const text = `${card.title}\n${card.body}`;
    set.add(`role-${card.key}`, 'geo', roles, { x: FRAME_MARGIN + i * (cardW + FRAME_MARGIN), y: 12 + roleGuideH + 16 },
      geoProps({ w: cardW, h: Math.max(300, labelHeight(text, cardW, 'm') + 20), text, size: 'm', fill: 'semi', color: 'light-blue' }));
  });

  const rows = Math.ceil(ASSESSMENT_ITEMS.length / SHEET_COLUMNS);
  const guide = '引継ぎシート：課題分析標準項目（2023年改正、23項目）。左は介護支援専門員が知りたいことと、相談支援専門員の手元の情報のありか。右の空いたところに、わかっていることを付箋で貼ります。';
  const sheetW = LAYOUT_WIDTH;
  const colW = (sheetW - FRAME_MARGIN * (SHEET_COLUMNS + 1)) / SHEET_COLUMNS;
  const guideH = labelHeight(guide, sheetW - 2 * FRAME_MARGIN);
  const top = 12 + guideH + 16;
  const items = ASSESSMENT_ITEMS.map((item, i) => {
    const text = `${item.no}. ${item.name}\n介護支援専門員：${item.need}\n相談支援専門員の手元：${item.soudanSide}`;
    return { item, text, col: Math.floor(i / rows), row: i % rows, h: Math.max(ITEM_MIN_H, labelHeight(text, ITEM_W)) };
  });
  // A row is as tall as its taller item, so no item overlaps the next one.
  const rowH = Array.from({ length: rows }, (_, r) => Math.max(...items.filter((x) => x.row === r).map((x) => x.h)));
  const rowY = rowH.map((_, r) => top + rowH.slice(0, r).reduce((a, h) => a + h + ITEM_GAP, 0));
  const sheetH = (rowY.at(-1) ?? top) + (rowH.at(-1) ?? 0) + FRAME_MARGIN;
  const sheet = set.add('frame-sheet', 'frame', FIRST_PAGE_ID, { x: 0, y: EXTRA_TOP + ROLE_FRAME_H + 120 }, frameProps('引継ぎシート（課題分析標準項目）', sheetW, sheetH));
  set.add('sheet-guide', 'geo', sheet, { x: FRAME_MARGIN, y: 12 }, geoProps({ w: sheetW - 2 * FRAME_MARGIN, h: guideH, text: guide, dash: 'none', labelColor: 'grey' }), { meta: GUIDE_META });
  for (const { item, text, col, row, h } of items) {
    set.add(`sheet-item-${item.no}`, 'geo', sheet, { x: FRAME_MARGIN + col * (colW + FRAME_MARGIN), y: rowY[row] as number },
      geoProps({ w: ITEM_W, h, text, color: item.group === 'basic' ? 'blue' : 'green' }),
      { meta: { rbAssessmentItem: item.no } });
  }
}

/** The 情報連携（引継ぎ） template's records. */
export function buildHandover(): TLRecord[] {
  return buildCaseBoard(HANDOVER_CONTENT, addExerciseFrames);
}
