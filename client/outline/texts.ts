import { useI18n } from '../i18n/index.ts';

/**
 * Texts of the outline (よみやすい画面), Japanese first in short plain sentences. Kept here until
 * the domain module has plain texts for the person (shared/domain, shared/templates).
 */
const ja = {
  outlineLink: 'よみやすい画面',
  boardLink: 'ボードに戻る',
  shortcutHint: 'Alt＋Shift＋O で切り替え',
  outlineLabel: 'よみやすい画面',
  toolsLabel: '見やすさと読み上げ',
  canvasLabel: 'ボードの図',
  ruby: 'ふりがな',
  contrast: 'くっきり表示',
  readAll: 'ぜんぶ読み上げる',
  readSection: 'ここを読み上げる',
  readItem: '読み上げる',
  stop: '読み上げを止める',
  rate: '読む速さ',
  noSpeech: 'このブラウザでは読み上げができません。',
  voices: '本人の言葉',
  voicesHint: '本人が話したこと、しぐさや文字盤で伝えたことです。',
  wishes: '本人の思い・家族の思い',
  life: '年齢と大事な日',
  birthDate: '生年月日',
  ageNow: 'いまの年齢',
  ageUnit: '歳',
  stageNow: 'いまの時期',
  noBirthDate: '生年月日はまだ書いていません。',
  services: 'いま使っているサービス',
  transition: '65歳で変わること',
  moves: '介護保険に変わるもの',
  continues: '今のまま続くもの',
  noHome: 'まだ決まっていないもの',
  plans: '支援の計画',
  ownerNone: '担当はまだ決まっていません',
  questions: 'まだ決まっていないこと・確かめること',
  none: 'まだありません。',
  state: '状態',
  sep: '：',
  due: 'いつまで',
  edit: '直す',
  save: '保存する',
  cancel: 'やめる',
  addVoice: '本人の言葉を足す',
  addPlan: '計画を足す',
  addService: 'サービスを足す',
  voiceText: '本人の言葉',
  voiceSource: 'どうやって伝えたか',
  recordedBy: '書いた人',
  need: '困っていること・ねがい',
  goal: '目標',
  support: '支援の内容',
  owner: '担当',
  system: '制度',
  serviceName: 'サービスの名前',
  provider: '事業所',
  amount: '量（例：週3回）',
  status: '使い方',
  required: 'を書いてください。',
  readOnly: '見るだけのリンクです。ここでは変えられません。',
  waitingEditor: 'ボードの準備ができると、ここから書き足せます。',
  by: 'さんが',
  someone: 'だれか',
  kindVoice: '本人の言葉',
  kindPlan: '計画項目',
  kindService: 'サービス',
  added: 'を追加しました',
  changed: 'を変えました',
  removed: 'を消しました',
  more: '件のほかの変更',
  liveLabel: 'ボードの変更のお知らせ',
  stateSaved: '状態を変えました',
};

const en: Record<keyof typeof ja, string> = {
  outlineLink: 'Easy-read view',
  boardLink: 'Back to the board',
  shortcutHint: 'Alt+Shift+O switches',
  outlineLabel: 'Easy-read view',
  toolsLabel: 'Reading aids',
  canvasLabel: 'The board’s canvas',
  ruby: 'Furigana',
  contrast: 'High contrast',
  readAll: 'Read everything aloud',
  readSection: 'Read this aloud',
  readItem: 'Read aloud',
  stop: 'Stop reading',
  rate: 'Reading speed',
  noSpeech: 'This browser cannot read aloud.',
  voices: 'In the person’s own words',
  voicesHint: 'What the person said, or showed by signs or a letter board.',
  wishes: 'What the person and the family wish',
  life: 'Age and key dates',
  birthDate: 'Date of birth',
  ageNow: 'Age now',
  ageUnit: '',
  stageNow: 'Life stage now',
  noBirthDate: 'No date of birth yet.',
  services: 'Services in use',
  transition: 'What changes at 65',
  moves: 'Moves to long-term care insurance',
  continues: 'Continues as now',
  noHome: 'Not decided yet',
  plans: 'The support plan',
  ownerNone: 'Nobody is responsible yet',
  questions: 'Open questions and things to check',
  none: 'None yet.',
  state: 'State',
  sep: ': ',
  due: 'By',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  addVoice: 'Add the person’s words',
  addPlan: 'Add a plan item',
  addService: 'Add a service',
  voiceText: 'The person’s words',
  voiceSource: 'How it was expressed',
  recordedBy: 'Written down by',
  need: 'Need or wish',
  goal: 'Goal',
  support: 'Support',
  owner: 'Responsible',
  system: 'System',
  serviceName: 'Service name',
  provider: 'Provider',
  amount: 'Amount (e.g. 3 times a week)',
  status: 'Use',
  required: ' is needed.',
  readOnly: 'This is a view-only link: nothing can be changed here.',
  waitingEditor: 'You can add things here once the board is ready.',
  by: ' ',
  someone: 'Someone',
  kindVoice: 'the person’s words',
  kindPlan: 'a plan item',
  kindService: 'a service',
  added: ' added',
  changed: ' changed',
  removed: ' removed',
  more: ' more changes',
  liveLabel: 'Changes on the board',
  stateSaved: 'State changed',
};

export type OutlineTextKey = keyof typeof ja;
/** Both languages' outline texts. */
export const outlineTexts = { ja, en } as const;

/** The outline's texts in the current language. */
export function useOutlineTexts(): { o: Record<OutlineTextKey, string>; locale: 'ja' | 'en' } {
  const { locale } = useI18n();
  return { o: outlineTexts[locale], locale };
}

/**
 * The plain sentence for one service at the move (やさしい日本語: short, no 凡例 or 相当, a
 * gloss on 上乗せ); the board's own notes are written for the professionals.
 */
export function plainTransition(locale: 'ja' | 'en', kind: 'moves' | 'continues' | 'noHome', item: { counterparts: readonly string[]; kyoseigata: boolean; topUpPossible: boolean }): string {
  const c = item.counterparts;
  if (locale === 'ja') {
    const lines = [
      kind === 'moves' ? (c.length ? `65歳から、介護保険の「${c.join('」「')}」に変わります。` : '65歳から、介護保険のサービスに変わります。')
      : kind === 'continues' ? '65歳のあとも、今のまま使えます。'
      : 'どうなるか、まだ決まっていません。みんなで確かめます。',
    ];
    if (kind === 'moves' && item.kyoseigata) lines.push('今の事業所が、そのまま続けられることがあります。');
    if (kind === 'moves' && item.topUpPossible) lines.push('介護保険で足りないときは、障害福祉で足すこと（上乗せ）ができることがあります。市町村に確かめます。');
    return lines.join('');
  }
  const lines = [
    kind === 'moves' ? (c.length ? `From 65, this becomes ${c.join(', ')} under long-term care insurance.` : 'From 65, this moves to long-term care insurance.')
    : kind === 'continues' ? 'This goes on as now after 65.'
    : 'Not decided yet. Everyone will check together.',
  ];
  if (kind === 'moves' && item.kyoseigata) lines.push(' The same provider may be able to go on.');
  if (kind === 'moves' && item.topUpPossible) lines.push(' If insurance is not enough, disability welfare may add more (a top-up); the city decides.');
  return lines.join('');
}

/** A date as people read it: 2026年5月19日 (ja) or 19 May 2026 (en); other text as it is. */
export function readableDate(locale: 'ja' | 'en', iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (locale === 'ja') return `${y}年${mo}月${d}日`;
  return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
