/**
 * What happens to each 障害福祉 service when 介護保険 becomes available (at 65, or at 40–64
 * with a 特定疾病): which 介護保険 services take its place, whether it continues, whether a
 * top-up (上乗せ) can add to it, whether a 共生型 provider can keep the person.
 * These are the general rules; the municipality decides each case, so every answer is a
 * starting point for the meeting, worded as something to confirm.
 */

import { HIGH_COST_REFUND, HIGH_COST_REFUND_PRIOR_SERVICES } from './handover.ts';
import { isKyoseigataService, kyoseigataPartners } from './kyoseigata.ts';
import { nameKey } from './normalize.ts';
import { OTHER_NOTES_EN, RULE_TEXTS_EN, TRANSITION_NOTES_EN } from './transitionEn.ts';
import {
  SERVICES,
  findServices,
  resolveService,
  type KaigoServiceName,
  type ServiceInfo,
  type ServiceSystemId,
  type ShogaiServiceId,
} from './services.ts';

/**
 * The contract's answer (CONTRACT.md "Domain module"): `moves` — 介護保険 comes first;
 * `continues` — no (full) equivalent; `depends` — whether it goes on turns on other facts.
 */
export type TransitionOutcome = 'moves' | 'continues' | 'depends';

/** The contract shape (CONTRACT.md "Domain module"). */
export interface Transition {
  counterparts: string[];
  kyoseigata: boolean;
  continuesAfter65: boolean;
  topUpPossible: boolean;
  outcome: TransitionOutcome;
}

/** The language of the rules' words: Japanese (the default, and the data's own) or English. */
export type TransitionLang = 'ja' | 'en';

/** The detail also knows children's services, which the move at 65 does not touch. */
export type TransitionDetailOutcome = TransitionOutcome | 'not-applicable';

export interface TransitionDetail extends Omit<Transition, 'outcome'> {
  serviceId: ShogaiServiceId;
  serviceName: string;
  outcome: TransitionDetailOutcome;
  /** 介護保険の適用除外 while the person uses it (介護保険法施行法 第11条, 施行規則 第170条). */
  ltcExcluded: boolean;
  /** 介護保険 services whose 共生型 designation lets the same provider continue. */
  kyoseigataWith: string[];
  /** Use of this service before 65 counts towards the 新高額障害福祉サービス等給付費. */
  highCostRefundPrior: boolean;
  /** Why, in one sentence (in the language asked for; Japanese by default). */
  reason: string;
  notes: string[];
  /** What the person would lose in the move: the gaps the board must make visible. */
  losses: string[];
}

interface RuleDef {
  readonly outcome: TransitionDetailOutcome;
  readonly ltcExcluded?: boolean;
  readonly counterparts: readonly KaigoServiceName[];
  readonly topUpPossible: boolean;
  readonly reason: string;
  readonly notes?: readonly string[];
  readonly losses?: readonly string[];
}

export const TRANSITION_PRINCIPLES = [
  '障害者総合支援法第7条：介護保険で相当する給付を受けられる限りで、障害福祉の給付は行わない（介護保険優先原則）。',
  '国の通知（2007年の通知、2015年・2023年の事務連絡）は、一律に当てはめず本人の状況に即して判断するよう市町村に求めている。',
  '65歳だけでなく、40〜64歳で特定疾病により要介護認定を受けた第2号被保険者にも同じ原則が働く。',
  '介護保険に相当するもののない障害福祉固有のサービスは続く。',
  '移行は「狭い方への移行」：失われるものを見えるようにする。',
  '上乗せや費用の軽減は市町村が決める。ボードは確認すべき事実として記録し、計算しない。',
] as const;

const HELPER_INSTRUCTIONS = '介護保険のヘルパーは、サービス提供責任者が作る訪問介護計画と、それに基づく手順書（二つの別の書類）に沿って提供する。障害福祉のヘルパーは本人の指示で動くことが多い。これは法律の違いではなく、実践での違い（研修の聞き取りによる）。支援の受け方が変わることを本人と確認する。';
const NO_LEISURE = '居宅介護はもともと楽しみのための外出を支えない（それは重度訪問介護・行動援護・同行援護・移動支援）。外出の支援を使っていれば、そのサービスの扱いを別に確かめる。';
const EXCLUDED = '利用している間は介護保険の適用除外（介護保険法施行法第11条、施行規則第170条）で、介護保険の被保険者にならない。障害福祉のサービスがそのまま続く。';
const MUNICIPAL = '市町村の地域生活支援事業なので、65歳以降の扱いは市町村の要綱を確認する。';
const AGE_REQUIREMENT = '65歳以上の利用には、65歳前からの支給決定などの要件がある。市町村に確認する。';
const CONFIRM = '介護保険優先の当てはめは市町村が本人の状況に即して判断する。決定を確認して記録する。';
const TOP_UP = '介護保険の支給限度基準額を超える必要があれば、障害福祉の上乗せの可否と量を市町村に確認する。';

const RULES: { readonly [K in ShogaiServiceId]: RuleDef } = {
  'kyotaku-kaigo': {
    outcome: 'moves', counterparts: ['訪問介護'], topUpPossible: true,
    reason: '介護保険の訪問介護が相当するため、要介護認定後は介護保険が優先する（通院等介助も居宅介護の一部）。',
    notes: [HELPER_INSTRUCTIONS, NO_LEISURE],
    losses: ['院内介助（介護保険では例外的にしか認められない）', '同居家族がいる場合の生活援助（訪問介護では制限される）'],
  },
  'judo-homon-kaigo': {
    outcome: 'moves', counterparts: ['訪問介護'], topUpPossible: true,
    reason: '介護保険の訪問介護が優先するが、見守りを含む長時間の支援は支給限度基準額に収まらないことが多く、障害福祉の上乗せで続けることがある（ALSなどで典型）。',
    notes: [HELPER_INSTRUCTIONS, '重度訪問介護の事業所が複数になる場合、介護支援専門員と事業所間の調整が要る。'],
    losses: ['見守りを含む長時間の支援', '本人の指示で動くヘルパー支援', '外出時の移動中の介護'],
  },
  'dokou-engo': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '視覚障害のある人の外出支援に相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'koudou-engo': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '行動上著しい困難のある人の行動援護に相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'judo-houkatsu': {
    outcome: 'moves', counterparts: ['訪問介護', '通所介護', '短期入所生活介護'], topUpPossible: true,
    reason: '包括支援のうち介護保険に相当する部分（訪問・通所・短期入所）は介護保険が優先し、足りない分は上乗せを確認する。',
    notes: ['包括支援の中身ごとに、介護保険に移る部分と障害福祉に残る部分を分けて確認する。'],
    losses: ['一つの事業所による包括的な調整'],
  },
  'tanki-nyusho': {
    outcome: 'moves', counterparts: ['短期入所生活介護', '介護予防短期入所生活介護'], topUpPossible: true,
    reason: '介護保険の短期入所生活介護（要支援では介護予防短期入所生活介護）が相当するため、介護保険が優先する。',
    notes: ['医療的ケアが要る場合（医療型短期入所）は、介護保険の短期入所療養介護の受け入れ先を確認する。'],
  },
  'iryo-tanki-nyusho': {
    outcome: 'moves', counterparts: ['短期入所療養介護'], topUpPossible: true,
    reason: '医療型短期入所は、介護保険の短期入所療養介護（介護老人保健施設・介護医療院など）が相当するため、介護保険が優先する。',
    notes: ['医療的ケアに対応できる受け入れ先が限られる。難病のレスパイト入院など医療の制度も確かめる。'],
    losses: ['慣れた医療機関での短期入所（受け入れ先が変わることがある）'],
  },
  'ryoyo-kaigo': {
    outcome: 'continues', ltcExcluded: true, counterparts: [], topUpPossible: false,
    reason: `療養介護を受けて病院に入院している間は${EXCLUDED}`,
  },
  'shisetsu-nyusho': {
    outcome: 'continues', ltcExcluded: true, counterparts: [], topUpPossible: false,
    reason: `障害者支援施設に入所している間は${EXCLUDED}`,
    notes: ['退所して地域で暮らすと介護保険の被保険者になり、介護保険優先の原則が働く。'],
  },
  'chiiki-ikou': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '施設・病院から地域へ移る支援（地域相談支援）に相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'chiiki-teichaku': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '常時の連絡体制と緊急時の支援（地域相談支援）に相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'nicchu-ichiji': {
    outcome: 'depends', counterparts: ['通所介護', '短期入所生活介護'], topUpPossible: false,
    reason: '市町村の地域生活支援事業で、介護保険の通所介護や短期入所生活介護で足りるとして終わる市町村も、続ける市町村もある。',
    notes: [MUNICIPAL],
  },
  'ishi-sotsu': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '手話通訳・要約筆記などの意思疎通支援に相当する介護保険サービスはないため、地域生活支援事業として続く。',
    notes: [MUNICIPAL],
  },
  'houmon-nyuyoku-service': {
    outcome: 'moves', counterparts: ['訪問入浴介護'], topUpPossible: false,
    reason: '介護保険の訪問入浴介護が相当するため、介護保険が優先する。',
    notes: [MUNICIPAL],
  },
  'seikatsu-kaigo': {
    outcome: 'moves', counterparts: ['通所介護', '地域密着型通所介護'], topUpPossible: true,
    reason: '日中の介護は介護保険の通所介護・地域密着型通所介護が相当するため、介護保険が優先する。',
    notes: ['創作的活動・生産活動など、生活介護の日中活動の中身は通所介護と異なる。'],
    losses: ['障害特性に合わせた日中活動（創作的活動・生産活動）'],
  },
  'jiritsu-kinou': {
    outcome: 'moves', counterparts: ['通所リハビリテーション', '訪問リハビリテーション'], topUpPossible: false,
    reason: '身体機能の訓練は介護保険の通所・訪問リハビリテーションが相当するとされ、介護保険が優先する（生活訓練とは扱いが異なる）。',
  },
  'jiritsu-seikatsu': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '生活能力の訓練に相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'shuro-ikou': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '就労の支援に相当する介護保険サービスはないため、障害福祉で続く。', notes: [AGE_REQUIREMENT],
  },
  'shuro-keizoku-a': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '就労の支援に相当する介護保険サービスはないため、障害福祉で続く。', notes: [AGE_REQUIREMENT],
  },
  'shuro-keizoku-b': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '就労の支援に相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'shuro-teichaku': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '訓練等給付で、相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'shuro-sentaku': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '訓練等給付で、相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'jiritsu-seikatsu-enjo': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '訓練等給付で、相当する介護保険サービスはないため、障害福祉で続く。',
  },
  'kyodo-seikatsu': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '障害者のグループホームに相当する介護保険サービスはないため、障害福祉で続く。',
    notes: ['介護保険の認知症対応型共同生活介護は別のサービスで、代わりにはならない。', '65歳以降に新しく入居する場合は要件があることがある。市町村に確認する。'],
  },
  'jido-hattatsu': {
    outcome: 'not-applicable', counterparts: [], topUpPossible: false,
    reason: '児童福祉法の未就学児のサービスで、65歳の移行の対象ではない（18歳で障害者総合支援法へ移る）。',
  },
  'hokago-day': {
    outcome: 'not-applicable', counterparts: [], topUpPossible: false,
    reason: '児童福祉法の就学児のサービス（在学中なら20歳まで）で、65歳の移行の対象ではない。',
  },
  'keikaku-soudan': {
    outcome: 'depends', counterparts: ['居宅介護支援'], topUpPossible: false,
    reason: '障害福祉だけのサービスが一つでも残る間は計画相談支援も続き、相談支援専門員と介護支援専門員が並走する。介護保険のサービスだけになれば居宅介護支援が担う。',
    notes: ['どのサービスが残るかで決まる。市町村に確認する。'],
  },
  hosougu: {
    outcome: 'depends', counterparts: ['福祉用具貸与'], topUpPossible: false,
    reason: '車いす・歩行器など福祉用具貸与と共通する既製品は介護保険が優先するが、義肢・装具・補聴器や身体に合わせて個別に製作するものは補装具で続く。',
    notes: ['品目ごとにどちらの制度かを確認する。'],
  },
  'nichijo-yogu': {
    outcome: 'depends', counterparts: ['福祉用具貸与', '特定福祉用具販売', '住宅改修'], topUpPossible: false,
    reason: '特殊寝台・入浴補助用具・住宅改修など介護保険と共通するものは介護保険が優先し、それ以外の品目は日常生活用具で続く。',
    notes: ['品目ごとにどちらの制度かを確認する。', MUNICIPAL],
  },
  'idou-shien': {
    outcome: 'continues', counterparts: [], topUpPossible: false,
    reason: '余暇や社会参加の外出を支える介護保険サービスはないため、市町村の地域生活支援事業として続くことが多い。',
    notes: ['65歳以降の扱いは市町村の要綱を確認する。'],
  },
};

function detailOf(serviceId: ShogaiServiceId, serviceName: string, lang: TransitionLang = 'ja'): TransitionDetail {
  const rule = RULES[serviceId];
  // Names (service, counterparts) stay the catalogue's Japanese: they are what cards hold.
  const words = lang === 'en' ? RULE_TEXTS_EN[serviceId] : rule;
  const en = lang === 'en' ? TRANSITION_NOTES_EN : undefined;
  const kyoseigata = isKyoseigataService(serviceName);
  const kyoseigataWith = kyoseigata ? kyoseigataPartners(serviceName) : [];
  // 医療型短期入所 is a kind of 短期入所, which the refund counts.
  const highCostRefundPrior = (HIGH_COST_REFUND_PRIOR_SERVICES as readonly string[]).includes(serviceName) || serviceId === 'iryo-tanki-nyusho';
  const notes = [...(words.notes ?? [])];
  if (kyoseigata) notes.push(en ? en.kyoseigata(kyoseigataWith.map((n) => resolveService(n, { system: 'kaigo' })?.service.nameEn ?? n).join(', ')) : `共生型の指定を受けた事業所（${kyoseigataWith.join('・')}）なら、同じ事業所で続けられる。`);
  if (rule.topUpPossible) notes.push(en ? en.topUp : TOP_UP);
  if (highCostRefundPrior) notes.push(en ? en.highCostRefund(HIGH_COST_REFUND.labelEn) : `${HIGH_COST_REFUND.label}の対象になりうる（要件を確認し、本人が申請する）。`);
  if (rule.outcome === 'moves' || rule.outcome === 'depends') notes.push(en ? en.confirm : CONFIRM);
  return {
    counterparts: [...rule.counterparts],
    kyoseigata,
    continuesAfter65: rule.outcome === 'continues',
    topUpPossible: rule.topUpPossible,
    serviceId,
    serviceName,
    outcome: rule.outcome,
    ltcExcluded: rule.ltcExcluded ?? false,
    kyoseigataWith,
    highCostRefundPrior,
    reason: words.reason,
    notes,
    losses: [...(words.losses ?? [])],
  };
}

// A spoken name that fits several services (就労継続支援 without A/B, 自立訓練 alone) gets
// one merged answer: the shared outcome when every reading agrees, `depends` otherwise.
function mergedDetail(candidates: readonly ServiceInfo[], lang: TransitionLang): TransitionDetail | undefined {
  const details = candidates.map((c) => detailOf(c.id as ShogaiServiceId, c.name, lang));
  const first = details[0];
  if (!first) return undefined;
  const names = details.map((d) => d.serviceName).join('・');
  const same = details.every((d) => d.outcome === first.outcome);
  const union = (pick: (d: TransitionDetail) => readonly string[]) => [...new Set(details.flatMap(pick))];
  return {
    ...first,
    serviceName: names,
    outcome: same ? first.outcome : 'depends',
    counterparts: union((d) => d.counterparts),
    kyoseigata: details.some((d) => d.kyoseigata),
    kyoseigataWith: union((d) => d.kyoseigataWith),
    continuesAfter65: same && first.continuesAfter65,
    topUpPossible: details.some((d) => d.topUpPossible),
    highCostRefundPrior: details.some((d) => d.highCostRefundPrior),
    ltcExcluded: details.every((d) => d.ltcExcluded),
    reason:
      lang === 'en'
        ? same
          ? TRANSITION_NOTES_EN.anyOf(names, first.reason)
          : TRANSITION_NOTES_EN.dependsOn(details.map((d) => `${d.serviceName}: ${d.reason}`).join(' '))
        : same
          ? `${names}のどれでも：${first.reason}`
          : `どのサービスかで変わる。${details.map((d) => `${d.serviceName}：${d.reason}`).join(' ')}`,
    notes: union((d) => d.notes),
    losses: union((d) => d.losses),
  };
}

// 介護保険/医療/インフォーマル names get no answer.
/** The full transition of a 障害福祉 service (name, alias or 「共生型…」 form), or `undefined`; its words in `lang`. */
export function transitionDetailFor(serviceName: string, lang: TransitionLang = 'ja'): TransitionDetail | undefined {
  const found = resolveService(serviceName, { system: 'shogai' });
  if (found && found.service.system === 'shogai') return detailOf(found.service.id as ShogaiServiceId, found.service.name, lang);
  return mergedDetail(findServices(serviceName, { system: 'shogai' }), lang);
}

// Children's services are outside the move at 65; in the contract's three answers that is
// `depends` (they end at 18, or 20 while in school, not at 65).
/** The contract answer for a 障害福祉 service: counterparts, 共生型, continues after 65, top-up, outcome. */
export function transitionFor(serviceName: string): Transition | undefined {
  const d = transitionDetailFor(serviceName);
  if (!d) return undefined;
  const outcome: TransitionOutcome = d.outcome === 'not-applicable' ? 'depends' : d.outcome;
  return { counterparts: d.counterparts, kyoseigata: d.kyoseigata, continuesAfter65: d.continuesAfter65, topUpPossible: d.topUpPossible, outcome };
}

/** Every 障害福祉 service's transition detail, in catalogue order. */
export function allTransitions(): TransitionDetail[] {
  return SERVICES.filter((s) => s.system === 'shogai').map((s) => detailOf(s.id as ShogaiServiceId, s.name));
}

/** Why an input is still open: unknown name, unclear name, a loss, or an answer that depends on other facts. */
export type NoHomeKind = 'unknown' | 'ambiguous' | 'gap' | 'depends';

/** The one label, in both languages, for what has no home after the move (board summary and minutes). */
export const NO_HOME_LABEL = { ja: 'まだ行き先が決まっていないもの・失われるもの', en: 'Not yet settled, or lost in the move' } as const;

export interface SummaryItem {
  /** What was written on the board. */
  input: string;
  /** Catalogue name, when the input names one service. */
  name: string | null;
  serviceId: string | null;
  system: ServiceSystemId | null;
  counterparts: string[];
  kyoseigata: boolean;
  topUpPossible: boolean;
  /** One Japanese line for the board. */
  note: string;
}

export interface NoHomeItem extends SummaryItem {
  kind: NoHomeKind;
}

/** "What moves, what continues, what has no home yet", plus what the move does not touch. */
export interface TransitionSummary {
  moves: SummaryItem[];
  continues: SummaryItem[];
  noHome: NoHomeItem[];
  /** 介護保険, 医療, インフォーマル and children's services: not part of the move. */
  other: SummaryItem[];
}

const OTHER_NOTES: { readonly [K in ServiceSystemId]: string } = {
  shogai: '65歳の移行の対象ではない。',
  kaigo: 'すでに介護保険のサービス。',
  iryo: '医療（医療保険・難病法）は移行で変わらない。',
  informal: '制度外の支え。移行後も続くかを確かめる。',
};

function item(input: string, service: ServiceInfo | null, note: string, d?: TransitionDetail): SummaryItem {
  return {
    input,
    name: service?.name ?? null,
    serviceId: service?.id ?? null,
    system: service?.system ?? null,
    counterparts: d ? [...d.counterparts] : [],
    kyoseigata: d?.kyoseigata ?? false,
    topUpPossible: d?.topUpPossible ?? false,
    note,
  };
}

// "No home yet" holds unknown or unclear names and what the move loses. Names are read as
// 障害福祉 first (ショートステイ → 短期入所): the list is what the person uses before the move.
/** Sorts a person's services into what moves, what continues, what has no home yet, and the rest; notes in `lang`. */
export function summarizeTransition(serviceNames: readonly string[], lang: TransitionLang = 'ja'): TransitionSummary {
  const out: TransitionSummary = { moves: [], continues: [], noHome: [], other: [] };
  const seen = new Set<string>();
  for (const raw of serviceNames) {
    const input = raw.trim();
    if (input === '') continue;
    const found = resolveService(input, { system: 'shogai' }) ?? resolveService(input);
    const seenKey = found ? `id:${found.service.id}` : `key:${nameKey(input)}`;
    if (seen.has(seenKey)) continue;
    seen.add(seenKey);

    if (found && found.service.system === 'shogai') {
      const d = detailOf(found.service.id as ShogaiServiceId, found.service.name, lang);
      if (d.outcome === 'depends') {
        out.noHome.push({ ...item(input, found.service, d.reason, d), kind: 'depends' });
      } else {
        const bucket = d.outcome === 'moves' ? out.moves : d.outcome === 'continues' ? out.continues : out.other;
        bucket.push(item(input, found.service, d.reason, d));
      }
      for (const loss of d.losses) out.noHome.push({ ...item(input, found.service, loss), kind: 'gap' });
    } else if (found) {
      out.other.push(item(input, found.service, (lang === 'en' ? OTHER_NOTES_EN : OTHER_NOTES)[found.service.system]));
    } else {
      placeUnresolved(input, out, lang);
    }
  }
  return out;
}

// A name that fits several 障害福祉 services (就労継続支援, 自立訓練) can still be placed
// when every reading leads to the same outcome; otherwise the meeting must say which.
function placeUnresolved(input: string, out: TransitionSummary, lang: TransitionLang): void {
  const en = lang === 'en' ? TRANSITION_NOTES_EN : undefined;
  const candidates = findServices(input, { system: 'shogai' });
  if (candidates.length === 0) {
    out.noHome.push({ ...item(input, null, en ? en.unknown : 'カタログにないサービス。移行後の受け皿を確認する。'), kind: 'unknown' });
    return;
  }
  const names = candidates.map((c) => c.name).join('・');
  const details = candidates.map((c) => detailOf(c.id as ShogaiServiceId, c.name, lang));
  const first = details[0];
  const same = first !== undefined && details.every((d) => d.outcome === first.outcome && d.counterparts.join() === first.counterparts.join());
  if (same && first.outcome === 'continues') {
    out.continues.push(item(input, null, en ? en.allContinue(names) : `${names}のどれでも障害福祉で続く。`));
  } else {
    out.noHome.push({ ...item(input, null, en ? en.whichOne(names) : `どのサービスか確認する：${names}`), kind: 'ambiguous' });
  }
}
