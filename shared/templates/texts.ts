/**
 * Template texts in both languages, as data (issue 13's English UI reads them here), and
 * the plain texts the person reads on the board (やさしい日本語): frame guides, prompts for
 * 本人の言葉, and plain glosses of the words the review found too hard.
 */

import type { FrameKey } from './frames.ts';

export type TemplateLang = 'ja' | 'en';

interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

/** Title and description of each template, Japanese and English. */
export const TEMPLATE_TEXTS = {
  blank: {
    title: { ja: '白紙のボード', en: 'Blank board' },
    description: { ja: '何も置かれていないボードです。自由に使えます。', en: 'An empty board to use as you like.' },
  },
  handover: {
    title: { ja: '情報連携（引継ぎ）の演習', en: 'Handover exercise (information sharing)' },
    description: {
      ja: '相談支援専門員から介護支援専門員に何を引き継ぐかを、課題分析標準項目（23項目）ごとに考え、役割カードで演じる演習です（1時間30分）。架空の事例（佐々木 はるみさん、64歳）が入っています。',
      en: 'What the disability support planner hands over to the care manager, worked out item by item of the 23 standard assessment items and played with role cards (1.5 hours). Comes with a fictional case (Harumi Sasaki, 64).',
    },
  },
  'exercise-1': {
    title: { ja: '事例演習1：障害福祉サービスの利用者が介護保険サービスを使い始める', en: 'Case exercise 1: a disability-services user starts using long-term care insurance' },
    description: {
      ja: '65歳を迎える障害福祉サービス利用者の移行を、相談支援専門員と介護支援専門員が一緒に考える演習です。架空の事例（山本 和夫さん、64歳）が入っています。',
      en: 'The disability support planner and the care manager work out together the move of a disability-services user who is turning 65. Comes with a fictional case (Kazuo Yamamoto, 64).',
    },
  },
  'exercise-2': {
    title: { ja: '事例演習2：介護保険の第2号被保険者（40〜64歳）', en: 'Case exercise 2: a category-2 insured person (aged 40–64)' },
    description: {
      ja: '特定疾病（ALS）のため40〜64歳でも介護保険を使い、障害福祉・医療と組み合わせている方の支援と連携を考える演習です。架空の事例（中村 誠さん、58歳）が入っています。',
      en: 'Support and collaboration for someone aged 40–64 who uses long-term care insurance because of a specified disease (ALS), together with disability services and medical care. Comes with a fictional case (Makoto Nakamura, 58).',
    },
  },
  meeting: {
    title: { ja: '移行支援会議', en: 'Transition meeting' },
    description: {
      ja: '本人・家族と一緒に開く実際の会議用のボードです。演習と同じ枠（事例概要・本人の思い・週間サービス計画・エコマップ・引継ぎ情報など）が空で用意されています。',
      en: 'A board for a real meeting held with the person and their family: the same frames as the exercises (case summary, the person’s wishes, weekly plan, ecomap, handover…), empty.',
    },
  },
} as const satisfies Record<string, { title: Bilingual; description: Bilingual }>;
export type TemplateTextId = keyof typeof TEMPLATE_TEXTS;

function textsOf(id: string): { title: Bilingual; description: Bilingual } | undefined {
  return Object.hasOwn(TEMPLATE_TEXTS, id) ? TEMPLATE_TEXTS[id as TemplateTextId] : undefined;
}

/** A template's title in a language; `undefined` for an unknown id. */
export function templateTitle(id: string, lang: TemplateLang): string | undefined {
  return textsOf(id)?.title[lang];
}

/** A template's description in a language; `undefined` for an unknown id. */
export function templateDescription(id: string, lang: TemplateLang): string | undefined {
  return textsOf(id)?.description[lang];
}

/** The guide at the top of each frame, in やさしい日本語 and in English. */
export const FRAME_GUIDES: Record<FrameKey, Bilingual> = {
  summary: {
    ja: 'ご本人のこと、暮らし、これまでのこと、「なぜ今この会議をするのか」を書きます。',
    en: 'The person, their life, what has happened so far, and why this meeting is held now.',
  },
  voices: {
    ja: '左に本人の言葉を置きます（本人カード。話した言葉か、しぐさやサインか、まわりの人が考えたことか。だれが聞いたかも書きます）。右に家族の思い（付箋）。二つは混ぜません。',
    en: "Left: the person's own words (person cards: said, signed, or worked out by others, and who heard them). Right: the family's wishes (sticky notes). Never mix the two.",
  },
  life: {
    ja: '生年月日を入れると、今の年齢と18歳・40歳・65歳の区切りが出ます。大きな出来事を下に書きます。',
    en: 'Enter the date of birth to see the current age and the 18, 40 and 65 milestones. Write major events below.',
  },
  services: {
    ja: '今使っているサービスを、制度ごとの列に置きます。どのくらい使うか、どこの事業所か、そのサービスで本人が何をできているかも書きます。',
    en: 'Put the services used now in the column of their system, with how much, which provider, and what each lets the person do.',
  },
  proposals: {
    ja: '介護保険に移るもの、障害福祉で続くもの、なくなるものを確かめて、支援の案を置きます。決まったものは「合意」にします。',
    en: 'Check what moves to LTC insurance, what continues under disability services and what is lost, then place proposals. Mark what is decided as “agreed”.',
  },
  weekly: {
    ja: 'サービスを曜日と時間に置きます（居宅サービス計画書の第3表＝週間サービス計画表の形）。',
    en: 'Place services by day and time (the shape of care plan sheet 3, the weekly service plan).',
  },
  ecomap: {
    ja: '本人を真ん中に、家族・支援者・機関とのつながりを線で表します（線の見方は下の「凡例（線の意味の説明）」にあります）。',
    en: 'The person in the centre; lines show ties to family, supporters and agencies (the legend below explains the lines).',
  },
  handover: {
    ja: '相談支援専門員から介護支援専門員へ引き継ぐことです。各項目の右に付箋で書きます。',
    en: 'What the disability support planner hands over to the care manager. Write on sticky notes to the right of each item.',
  },
  questions: {
    ja: 'まだ決まっていないこと、市町村などに確かめることを書きます。介護保険を先に使うかどうか、上乗せ（介護保険で足りない分を障害福祉で足すこと）、お金の負担を軽くする制度は市町村が決めます。確かめた答えを書きます。',
    en: 'What is still undecided and what to check with the municipality. The municipality decides whether LTC comes first, any disability top-up, and cost reliefs: write the answers it gives.',
  },
};

/** Questions that help the person say what matters to them (本人の言葉), plain Japanese first. */
export const VOICE_PROMPTS: readonly Bilingual[] = [
  { ja: 'これからも　つづけたい　ことは　なんですか。', en: 'What do you want to keep doing?' },
  { ja: 'すきな　ことは　なんですか。', en: 'What do you enjoy?' },
  { ja: 'こまって　いる　ことは　ありますか。', en: 'Is anything troubling you?' },
  { ja: 'ヘルパーさんに　どう　して　ほしいですか。', en: 'How would you like your helpers to help you?' },
  { ja: 'だれと　くらしたいですか。どこで　くらしたいですか。', en: 'Who do you want to live with, and where?' },
  { ja: 'しんぱいな　ことは　ありますか。', en: 'Is there anything you are worried about?' },
];

/**
 * Words the review found too hard for what the person reads, each with the plain gloss to put
 * beside it (「凡例（線の意味の説明）」). A text for the person uses them only with the gloss.
 */
export const PLAIN_GLOSSES: readonly { term: string; ja: string; en: string }[] = [
  { term: '凡例', ja: '線や色の意味の説明', en: 'legend: what the lines and colours mean' },
  { term: '推定', ja: 'まわりの人が考えたこと', en: 'inferred: worked out by others' },
  { term: '相当', ja: '同じような', en: 'equivalent' },
  { term: '支給限度基準額', ja: '介護保険で1か月に使える上限', en: 'the monthly ceiling of LTC insurance' },
  { term: '上乗せ', ja: '介護保険で足りない分を障害福祉で足すこと', en: 'top-up: disability services adding to what LTC covers' },
];
