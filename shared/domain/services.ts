/**
 * The service catalogue: what appears on stickies and in both plans. Names are spelled as
 * DOMAIN.md spells them; aliases catch what people actually type. An alias may belong to
 * more than one service (ショートステイ is both 短期入所 and 短期入所生活介護), and then a
 * lookup without a system hint is honestly ambiguous.
 */

import { nameKey } from './normalize.ts';
import type { SystemId } from './systems.ts';

/** Services belong to a single system; 共生型 is a designation of a provider, not a service. */
export type ServiceSystemId = Exclude<SystemId, 'kyoseigata'>;

export const BENEFIT_KINDS = {
  'care-benefit': { label: '介護給付', labelEn: 'Care benefit', system: 'shogai' },
  'training-benefit': { label: '訓練等給付', labelEn: 'Training benefit', system: 'shogai' },
  'child-day-support': { label: '障害児通所支援', labelEn: "Children's day support", system: 'shogai' },
  consultation: { label: '相談支援', labelEn: 'Consultation support', system: 'shogai' },
  prosthetics: { label: '補装具費', labelEn: 'Prosthetics and orthoses', system: 'shogai' },
  'community-consultation': { label: '地域相談支援', labelEn: 'Community consultation support', system: 'shogai' },
  'community-life': { label: '地域生活支援事業', labelEn: 'Municipal community-life support', system: 'shogai' },
  'home-based': { label: '居宅サービス', labelEn: 'Home-based service', system: 'kaigo' },
  'community-based': { label: '地域密着型サービス', labelEn: 'Community-based service', system: 'kaigo' },
  preventive: { label: '介護予防サービス', labelEn: 'Preventive service (要支援)', system: 'kaigo' },
  'care-planning': { label: '居宅介護支援', labelEn: 'Care planning', system: 'kaigo' },
  facility: { label: '施設サービス', labelEn: 'Residential facility service (LTC)', system: 'kaigo' },
  'comprehensive-program': { label: '介護予防・日常生活支援総合事業', labelEn: 'Comprehensive community program (LTC)', system: 'kaigo' },
  'home-modification': { label: '住宅改修', labelEn: 'Home modification', system: 'kaigo' },
  'health-insurance': { label: '医療保険', labelEn: 'Health insurance', system: 'iryo' },
  'intractable-disease': { label: '難病法', labelEn: 'Intractable Diseases Act', system: 'iryo' },
  informal: { label: 'インフォーマル', labelEn: 'Informal', system: 'informal' },
} as const satisfies Record<string, { label: string; labelEn: string; system: ServiceSystemId }>;
export type BenefitKind = keyof typeof BENEFIT_KINDS;

export interface ServiceAges {
  readonly minAge?: number;
  readonly maxAge?: number;
  readonly note: string;
}

export interface ServiceInfo {
  /** ASCII slug, stable across label edits. */
  readonly id: string;
  /** Japanese name as DOMAIN.md writes it. */
  readonly name: string;
  readonly system: ServiceSystemId;
  readonly kind: BenefitKind;
  readonly nameEn: string;
  readonly aliases: readonly string[];
  readonly ages?: ServiceAges;
  /** Age/insurance facts that change a plan (Japanese). */
  readonly notes: readonly string[];
}

const CHILD = '児童福祉法のサービス（障害児）';

export const SERVICES = [
  // 障害福祉サービス: 介護給付
  { id: 'kyotaku-kaigo', name: '居宅介護', system: 'shogai', kind: 'care-benefit', nameEn: 'Home help (disability)',
    aliases: ['ホームヘルプ', 'ホームヘルパー', '障害ホームヘルプ', '家事援助', '通院等介助'],
    notes: ['身体介護・家事援助・通院等介助（通院等介助は居宅介護の一部）', 'ヘルパーが本人の指示で動くことが多い（法律の定めではなく実践での違い）'] },
  { id: 'judo-homon-kaigo', name: '重度訪問介護', system: 'shogai', kind: 'care-benefit', nameEn: 'Severe-disability home care',
    aliases: ['重訪'], notes: ['障害支援区分4以上で常時介護を要する人への、見守りを含む長時間の支援と外出時の移動中の介護', 'ALSなどで典型'] },
  { id: 'dokou-engo', name: '同行援護', system: 'shogai', kind: 'care-benefit', nameEn: 'Accompanied outing support (visual)',
    aliases: [], notes: ['視覚障害により移動に著しい困難がある人の外出時の支援'] },
  { id: 'koudou-engo', name: '行動援護', system: 'shogai', kind: 'care-benefit', nameEn: 'Behavioural support',
    aliases: [], notes: ['知的障害・精神障害により行動上著しい困難がある人の危険回避と外出時の支援'] },
  { id: 'judo-houkatsu', name: '重度障害者等包括支援', system: 'shogai', kind: 'care-benefit', nameEn: 'Comprehensive support for severe disability',
    aliases: ['包括支援'], notes: ['障害支援区分6で意思疎通に著しい困難がある人に、複数のサービスを包括的に提供する'] },
  { id: 'tanki-nyusho', name: '短期入所', system: 'shogai', kind: 'care-benefit', nameEn: 'Short stay (disability)',
    aliases: ['ショートステイ', '障害ショートステイ', '福祉型短期入所'], notes: ['福祉型と医療型がある（医療型は別に載せる）'] },
  { id: 'iryo-tanki-nyusho', name: '医療型短期入所', system: 'shogai', kind: 'care-benefit', nameEn: 'Short stay with medical care (disability)',
    aliases: ['短期入所（医療型）', '医療型ショートステイ'], notes: ['短期入所のうち、病院・診療所・介護老人保健施設などで医療的ケアとともに受けるもの'] },
  { id: 'ryoyo-kaigo', name: '療養介護', system: 'shogai', kind: 'care-benefit', nameEn: 'Medical care in hospital (disability)',
    aliases: [], notes: ['医療と常時の介護が要る人が病院で受ける（筋ジストロフィー・重症心身障害など）', '利用中は介護保険の適用除外（介護保険法施行法第11条、施行規則第170条）'] },
  { id: 'shisetsu-nyusho', name: '施設入所支援', system: 'shogai', kind: 'care-benefit', nameEn: 'Residential support (disability facility)',
    aliases: ['障害者支援施設', '施設入所', '入所施設'], notes: ['障害者支援施設での夜間・休日の支援', '入所中は介護保険の適用除外（介護保険法施行法第11条、施行規則第170条）'] },
  { id: 'seikatsu-kaigo', name: '生活介護', system: 'shogai', kind: 'care-benefit', nameEn: 'Daytime care (disability)',
    aliases: [], notes: ['常時介護を要する人の日中活動（入浴・排せつ・食事の介護、創作的活動・生産活動）'] },
  // 障害福祉サービス: 訓練等給付
  { id: 'jiritsu-kinou', name: '自立訓練（機能訓練）', system: 'shogai', kind: 'training-benefit', nameEn: 'Independence training (functional)',
    aliases: ['自立訓練', '機能訓練'], notes: ['身体機能の維持・向上のための訓練（生活訓練とは扱いが異なる）'] },
  { id: 'jiritsu-seikatsu', name: '自立訓練（生活訓練）', system: 'shogai', kind: 'training-benefit', nameEn: 'Independence training (daily living)',
    aliases: ['自立訓練', '生活訓練'], notes: ['生活能力の維持・向上のための訓練'] },
  { id: 'shuro-ikou', name: '就労移行支援', system: 'shogai', kind: 'training-benefit', nameEn: 'Transition-to-work support',
    aliases: [], ages: { maxAge: 64, note: '原則65歳未満。65歳以上は65歳前からの支給決定など要件あり（市町村に確認）' }, notes: [] },
  { id: 'shuro-keizoku-a', name: '就労継続支援A型', system: 'shogai', kind: 'training-benefit', nameEn: 'Continuous work support, type A',
    aliases: ['就労継続支援Ａ型', '就労継続支援', 'A型', 'A型事業所', '就労A'],
    ages: { maxAge: 64, note: '原則65歳未満。65歳以上は65歳前からの支給決定など要件あり（市町村に確認）' }, notes: ['雇用契約を結ぶ'] },
  { id: 'shuro-keizoku-b', name: '就労継続支援B型', system: 'shogai', kind: 'training-benefit', nameEn: 'Continuous work support, type B',
    aliases: ['就労継続支援Ｂ型', '就労継続支援', 'B型', 'B型事業所', '就労B'], notes: ['雇用契約を結ばない'] },
  { id: 'shuro-teichaku', name: '就労定着支援', system: 'shogai', kind: 'training-benefit', nameEn: 'Job retention support', aliases: [], notes: [] },
  { id: 'shuro-sentaku', name: '就労選択支援', system: 'shogai', kind: 'training-benefit', nameEn: 'Work choice support', aliases: [], notes: ['2025年10月創設'] },
  { id: 'jiritsu-seikatsu-enjo', name: '自立生活援助', system: 'shogai', kind: 'training-benefit', nameEn: 'Independent living assistance', aliases: [], notes: [] },
  { id: 'kyodo-seikatsu', name: '共同生活援助（グループホーム）', system: 'shogai', kind: 'training-benefit', nameEn: 'Group home (disability)',
    aliases: ['共同生活援助', 'グループホーム', '障害者グループホーム', 'GH'],
    notes: ['介護保険の認知症対応型共同生活介護（認知症グループホーム）とは別のサービス'] },
  // 障害児通所支援（児童福祉法）
  { id: 'jido-hattatsu', name: '児童発達支援', system: 'shogai', kind: 'child-day-support', nameEn: 'Child development support',
    aliases: ['児発'], ages: { minAge: 0, maxAge: 5, note: `${CHILD}。未就学の子ども` }, notes: [] },
  { id: 'hokago-day', name: '放課後等デイサービス', system: 'shogai', kind: 'child-day-support', nameEn: 'After-school day service',
    aliases: ['放デイ', '放課後デイ', '放課後デイサービス'], ages: { minAge: 6, maxAge: 19, note: `${CHILD}。就学中の子ども（在学中なら20歳まで）` }, notes: [] },
  // 相談支援・補装具・地域生活支援事業
  { id: 'keikaku-soudan', name: '計画相談支援', system: 'shogai', kind: 'consultation', nameEn: 'Service-use planning',
    aliases: ['サービス等利用計画', '計画相談'], notes: ['相談支援専門員がサービス等利用計画を作る。利用者負担はない'] },
  { id: 'chiiki-ikou', name: '地域移行支援', system: 'shogai', kind: 'community-consultation', nameEn: 'Community transition support',
    aliases: [], notes: ['施設・病院から地域の暮らしへ移るための支援（地域相談支援）'] },
  { id: 'chiiki-teichaku', name: '地域定着支援', system: 'shogai', kind: 'community-consultation', nameEn: 'Community settlement support',
    aliases: [], notes: ['一人暮らしなどの人への常時の連絡体制と緊急時の支援（地域相談支援）'] },
  { id: 'hosougu', name: '補装具', system: 'shogai', kind: 'prosthetics', nameEn: 'Prosthetics, orthoses and mobility aids',
    aliases: ['補装具費'], notes: ['義肢・装具・車いす・補聴器など。身体状況に合わせて個別に製作するものがある'] },
  { id: 'nichijo-yogu', name: '日常生活用具', system: 'shogai', kind: 'community-life', nameEn: 'Daily living equipment',
    aliases: ['日常生活用具給付'], notes: ['市町村の地域生活支援事業。品目と基準は市町村の要綱による'] },
  { id: 'idou-shien', name: '移動支援', system: 'shogai', kind: 'community-life', nameEn: 'Mobility support (municipal)',
    aliases: ['ガイドヘルプ', 'ガイドヘルパー'], notes: ['市町村の地域生活支援事業。余暇・社会参加の外出にも使える。内容は市町村ごとに異なる'] },
  { id: 'nicchu-ichiji', name: '日中一時支援', system: 'shogai', kind: 'community-life', nameEn: 'Daytime respite (municipal)',
    aliases: ['日中一時'], notes: ['市町村の地域生活支援事業。日中の活動の場と家族の休息（レスパイト）'] },
  { id: 'ishi-sotsu', name: '意思疎通支援', system: 'shogai', kind: 'community-life', nameEn: 'Communication support (sign language, captioning)',
    aliases: ['手話通訳', '要約筆記', '意思疎通支援事業'], notes: ['市町村の地域生活支援事業。手話通訳・要約筆記など'] },
  { id: 'houmon-nyuyoku-service', name: '訪問入浴サービス', system: 'shogai', kind: 'community-life', nameEn: 'Home-visit bathing (municipal)',
    aliases: ['訪問入浴サービス事業'], notes: ['市町村の地域生活支援事業'] },

  // 介護保険サービス
  { id: 'houmon-kaigo', name: '訪問介護', system: 'kaigo', kind: 'home-based', nameEn: 'Home help (LTC)',
    aliases: ['ホームヘルプ', 'ホームヘルパー', '介護ホームヘルプ', '生活援助'],
    notes: ['サービス提供責任者が訪問介護計画を作り、ヘルパーはそれに基づく手順書に沿って提供する（二つの別の書類）',
      '同居家族がいると生活援助は原則として使えない', '院内介助は例外的にしか認められない', '要支援の人は総合事業の訪問型サービス'] },
  { id: 'tsusho-kaigo', name: '通所介護', system: 'kaigo', kind: 'home-based', nameEn: 'Day service (LTC)',
    aliases: ['デイサービス', 'デイ'], notes: ['要支援の人は総合事業の通所型サービス'] },
  { id: 'chiiki-tsusho-kaigo', name: '地域密着型通所介護', system: 'kaigo', kind: 'community-based', nameEn: 'Small community day service (LTC)',
    aliases: ['地域密着型デイサービス'], notes: ['定員18人以下。原則その市町村の住民が使う'] },
  { id: 'tanki-seikatsu-kaigo', name: '短期入所生活介護', system: 'kaigo', kind: 'home-based', nameEn: 'Short stay (LTC)',
    aliases: ['ショートステイ', '介護ショートステイ'], notes: [] },
  { id: 'yobo-tanki-seikatsu-kaigo', name: '介護予防短期入所生活介護', system: 'kaigo', kind: 'preventive', nameEn: 'Preventive short stay (LTC)',
    aliases: [], notes: ['要支援の人が対象'] },
  { id: 'shokibo-takino', name: '小規模多機能型居宅介護', system: 'kaigo', kind: 'community-based', nameEn: 'Small multifunctional home care',
    aliases: ['小規模多機能', '小多機'], notes: ['通い・訪問・泊まりを一体的に提供する'] },
  { id: 'yobo-shokibo-takino', name: '介護予防小規模多機能型居宅介護', system: 'kaigo', kind: 'preventive', nameEn: 'Preventive small multifunctional home care',
    aliases: ['介護予防小規模多機能'], notes: ['要支援の人が対象（地域密着型介護予防サービス）'] },
  { id: 'kango-shokibo-takino', name: '看護小規模多機能型居宅介護', system: 'kaigo', kind: 'community-based', nameEn: 'Multifunctional home care with nursing',
    aliases: ['看護小規模多機能', '看多機', '複合型サービス'], notes: ['小規模多機能型居宅介護に訪問看護を組み合わせる'] },
  { id: 'tanki-ryoyo-kaigo', name: '短期入所療養介護', system: 'kaigo', kind: 'home-based', nameEn: 'Short stay with medical care (LTC)',
    aliases: ['医療型ショートステイ', '介護ショートステイ（療養）'], notes: ['介護老人保健施設・介護医療院などで受ける'] },
  { id: 'ninchisho-tsusho', name: '認知症対応型通所介護', system: 'kaigo', kind: 'community-based', nameEn: 'Day service for people with dementia',
    aliases: ['認知症デイ', '認知症デイサービス'], notes: [] },
  { id: 'yakan-houmon', name: '夜間対応型訪問介護', system: 'kaigo', kind: 'community-based', nameEn: 'Night-time home help', aliases: [], notes: [] },
  { id: 'ninchisho-gh', name: '認知症対応型共同生活介護', system: 'kaigo', kind: 'community-based', nameEn: 'Group home for people with dementia',
    aliases: ['認知症グループホーム'], notes: ['障害福祉の共同生活援助とは別のサービス'] },
  { id: 'tokuyo', name: '介護老人福祉施設', system: 'kaigo', kind: 'facility', nameEn: 'Nursing home (special elderly nursing home)',
    aliases: ['特別養護老人ホーム', '特養'], notes: ['原則として要介護3以上'] },
  { id: 'roken', name: '介護老人保健施設', system: 'kaigo', kind: 'facility', nameEn: 'Geriatric health services facility', aliases: ['老健'], notes: [] },
  { id: 'iryoin', name: '介護医療院', system: 'kaigo', kind: 'facility', nameEn: 'Integrated medical and long-term care facility', aliases: [], notes: [] },
  { id: 'sogo-jigyo', name: '介護予防・日常生活支援総合事業', system: 'kaigo', kind: 'comprehensive-program', nameEn: 'Comprehensive community program (要支援 and check-list)',
    aliases: ['総合事業', '訪問型サービス', '通所型サービス'], notes: ['要支援の人と基本チェックリストの該当者が使う。内容は市町村ごとに異なる', '地域包括支援センターが計画を作ることが多い'] },
  { id: 'houmon-kango', name: '訪問看護', system: 'kaigo', kind: 'home-based', nameEn: 'Home-visit nursing (LTC)',
    aliases: ['訪看'], notes: ['末期がん・ALSなど厚生労働大臣が定める疾病等では医療保険の訪問看護になる'] },
  { id: 'houmon-nyuyoku', name: '訪問入浴介護', system: 'kaigo', kind: 'home-based', nameEn: 'Home-visit bathing', aliases: ['訪問入浴'], notes: [] },
  { id: 'houmon-reha', name: '訪問リハビリテーション', system: 'kaigo', kind: 'home-based', nameEn: 'Home-visit rehabilitation', aliases: ['訪問リハ'], notes: [] },
  { id: 'tsusho-reha', name: '通所リハビリテーション', system: 'kaigo', kind: 'home-based', nameEn: 'Day rehabilitation', aliases: ['通所リハ', 'デイケア'], notes: [] },
  { id: 'yogu-taiyo', name: '福祉用具貸与', system: 'kaigo', kind: 'home-based', nameEn: 'Welfare equipment rental',
    aliases: ['福祉用具レンタル'], notes: ['要介護度によって借りられる品目に制限がある'] },
  { id: 'yogu-hanbai', name: '特定福祉用具販売', system: 'kaigo', kind: 'home-based', nameEn: 'Specified welfare equipment purchase',
    aliases: ['福祉用具購入'], notes: ['年間10万円までが支給の対象'] },
  { id: 'jutaku-kaishu', name: '住宅改修', system: 'kaigo', kind: 'home-modification', nameEn: 'Home modification (LTC)',
    aliases: ['住宅改修費'], notes: ['工事の前に申請が要る'] },
  { id: 'kyotaku-ryoyo', name: '居宅療養管理指導', system: 'kaigo', kind: 'home-based', nameEn: 'Home medical management guidance', aliases: [], notes: [] },
  { id: 'teiki-junkai', name: '定期巡回・随時対応型訪問介護看護', system: 'kaigo', kind: 'community-based', nameEn: '24-hour regular and on-call home care and nursing',
    aliases: ['定期巡回', '定期巡回サービス'], notes: [] },
  { id: 'kyotaku-kaigo-shien', name: '居宅介護支援', system: 'kaigo', kind: 'care-planning', nameEn: 'Care planning (LTC)',
    aliases: ['ケアプラン作成', '居宅サービス計画'], notes: ['介護支援専門員が居宅サービス計画を作る。利用者負担はない'] },

  // 医療
  { id: 'houmon-shinryo', name: '訪問診療', system: 'iryo', kind: 'health-insurance', nameEn: 'Scheduled home-visit medical care', aliases: ['在宅医療'], notes: [] },
  { id: 'iryo-houmon-kango', name: '訪問看護（医療保険）', system: 'iryo', kind: 'health-insurance', nameEn: 'Home-visit nursing (health insurance)',
    aliases: ['医療保険の訪問看護'], notes: ['末期がん・ALSなど厚生労働大臣が定める疾病等では、要介護認定があっても医療保険で行う'] },
  { id: 'nanbyo-josei', name: '難病医療費助成', system: 'iryo', kind: 'intractable-disease', nameEn: 'Medical subsidy for designated intractable diseases',
    aliases: ['特定医療費', '指定難病医療費助成'], notes: ['難病法による指定難病の医療費助成。保健所・保健師が関わることが多い'] },

  // インフォーマル
  { id: 'family-care', name: '家族による支援', system: 'informal', kind: 'informal', nameEn: 'Family care', aliases: ['家族', '家族介護'], notes: [] },
  { id: 'neighbours', name: '近隣の見守り', system: 'informal', kind: 'informal', nameEn: 'Neighbours looking in', aliases: ['近所', '近隣住民'], notes: [] },
  { id: 'volunteer', name: 'ボランティア', system: 'informal', kind: 'informal', nameEn: 'Volunteers', aliases: [], notes: [] },
  { id: 'minsei-iin', name: '民生委員', system: 'informal', kind: 'informal', nameEn: 'Community welfare volunteer (minsei-iin)', aliases: ['民生委員・児童委員'], notes: [] },
  { id: 'private-service', name: '保険外サービス（自費）', system: 'informal', kind: 'informal', nameEn: 'Paid private services',
    aliases: ['自費サービス', '保険外サービス'], notes: ['費用は全額自己負担'] },
] as const satisfies readonly ServiceInfo[];

type Entry = (typeof SERVICES)[number];
export type ServiceId = Entry['id'];
export type ServiceName = Entry['name'];
export type ShogaiServiceId = Extract<Entry, { system: 'shogai' }>['id'];
export type ShogaiServiceName = Extract<Entry, { system: 'shogai' }>['name'];
export type KaigoServiceName = Extract<Entry, { system: 'kaigo' }>['name'];

// Pure derived index over constant data; built once because lookups run per sticky.
const BY_KEY: ReadonlyMap<string, readonly ServiceInfo[]> = (() => {
  const map = new Map<string, ServiceInfo[]>();
  for (const s of SERVICES as readonly ServiceInfo[]) {
    for (const key of new Set([s.name, ...s.aliases].map(nameKey))) {
      const list = map.get(key) ?? [];
      list.push(s);
      map.set(key, list);
    }
  }
  return map;
})();
const BY_ID: ReadonlyMap<string, ServiceInfo> = new Map(SERVICES.map((s) => [s.id, s]));
const KYOSEIGATA_PREFIX = nameKey('共生型');

export interface FindServiceOptions {
  /** Prefer this system when a name exists on both sides (ホームヘルプ, ショートステイ). */
  readonly system?: ServiceSystemId;
}

/** Every catalogue entry whose name or alias matches `name` after normalization. */
export function findServices(name: string, options: FindServiceOptions = {}): readonly ServiceInfo[] {
  const all = BY_KEY.get(nameKey(name)) ?? [];
  return options.system === undefined ? all : all.filter((s) => s.system === options.system);
}

/** The one service `name` denotes (NFKC, spaces, brackets ignored); `undefined` if unknown or ambiguous. */
export function findService(name: string, options: FindServiceOptions = {}): ServiceInfo | undefined {
  const found = findServices(name, options);
  return found.length === 1 ? found[0] : undefined;
}

/** A service by id. */
export function serviceById(id: string): ServiceInfo | undefined {
  return BY_ID.get(id);
}

/** The catalogue entries of one system, in catalogue order. */
export function servicesOf(system: ServiceSystemId): readonly ServiceInfo[] {
  return (SERVICES as readonly ServiceInfo[]).filter((s) => s.system === system);
}

// 共生型生活介護 is 生活介護 delivered by a dual-designated provider: same service, flagged.
/** Like `findService`, but also reads a 「共生型」 prefix and reports it. */
export function resolveService(
  name: string,
  options: FindServiceOptions = {},
): { service: ServiceInfo; kyoseigata: boolean } | undefined {
  const direct = findService(name, options);
  if (direct) return { service: direct, kyoseigata: false };
  const key = nameKey(name);
  if (!key.startsWith(KYOSEIGATA_PREFIX) || key.length === KYOSEIGATA_PREFIX.length) return undefined;
  const base = findService(key.slice(KYOSEIGATA_PREFIX.length), options);
  return base ? { service: base, kyoseigata: true } : undefined;
}
