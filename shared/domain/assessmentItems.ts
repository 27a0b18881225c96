/**
 * 課題分析標準項目 (the 23 standard assessment items of care management), as revised in 2023:
 * 「介護サービス計画書の様式及び課題分析標準項目の提示について」の一部改正について
 * (令和5年10月16日 老認発1016第1号, 介護保険最新情報 Vol.1178). A 介護支援専門員 assesses every
 * item; the handover exercise (情報連携（引継ぎ）) asks what the 相談支援専門員 already knows for
 * each, and where it is written on the disability side. `need` is what the 介護支援専門員 looks
 * for under the item (paraphrased from the notice's 項目の主な内容); `soudanSide` is where the
 * disability side holds it (サービス等利用計画・アセスメント, 障害支援区分の認定調査, 支給決定,
 * 手帳 …). The wording of `name` is the notice's.
 */

export interface AssessmentItem {
  /** 1–23, the notice's numbering. */
  readonly no: number;
  readonly name: string;
  readonly nameEn: string;
  /** 基本情報に関する項目 (1–9) or 課題分析（アセスメント）に関する項目 (10–23). */
  readonly group: 'basic' | 'assessment';
  readonly need: string;
  readonly needEn: string;
  readonly soudanSide: string;
  readonly soudanSideEn: string;
}

export const ASSESSMENT_ITEMS = [
  { no: 1, name: '基本情報（受付、利用者等基本情報）', nameEn: 'Basic information (intake, the person)', group: 'basic',
    need: '受付日・受付者、氏名・生年月日・住所・連絡先、相談者', needEn: 'Date and who took the referral; name, date of birth, address, contacts; who asked',
    soudanSide: 'サービス等利用計画の基本情報、相談受付の記録', soudanSideEn: 'Basic sheet of the service-use plan; intake record' },
  { no: 2, name: 'これまでの生活と現在の状況', nameEn: 'Life so far and now', group: 'basic',
    need: '生活歴、仕事や日中の過ごし方、いまの暮らしの様子', needEn: 'Life history, work and days, how the person lives now',
    soudanSide: 'アセスメントの生活歴。長く関わった支援者の話', soudanSideEn: 'Life history in the assessment; what long-time supporters know' },
  { no: 3, name: '利用者の社会保障制度の利用情報', nameEn: 'Social security the person uses', group: 'basic',
    need: '年金、医療保険、生活保護、障害者手帳、難病の受給者証など', needEn: 'Pension, health insurance, public assistance, disability handbook, intractable-disease certificate',
    soudanSide: '手帳の等級・判定、障害支援区分、受給者証、負担上限月額', soudanSideEn: 'Handbook grade, support level, service certificate, monthly co-payment cap' },
  { no: 4, name: '現在利用している支援や社会資源の状況', nameEn: 'Support and resources in use', group: 'basic',
    need: '公的サービスと、家族・近所・ボランティアなどの支え', needEn: 'Public services, and support from family, neighbours, volunteers',
    soudanSide: 'サービス等利用計画・週間計画表（支給量・事業所・それぞれで実現していること）', soudanSideEn: 'Service-use plan and weekly sheet (amounts, providers, what each achieves)' },
  { no: 5, name: '日常生活自立度（障害）', nameEn: 'Independence in daily life (physical)', group: 'basic',
    need: '障害高齢者の日常生活自立度（寝たきり度）', needEn: 'The daily-life independence rank for older people with disabilities',
    soudanSide: '障害支援区分の認定調査・医師意見書（同じ尺度ではないので、そのまま置き換えない）', soudanSideEn: 'Support-level survey and doctor’s opinion (a different scale: do not convert one-to-one)' },
  { no: 6, name: '日常生活自立度（認知症）', nameEn: 'Independence in daily life (dementia)', group: 'basic',
    need: '認知症高齢者の日常生活自立度', needEn: 'The daily-life independence rank for older people with dementia',
    soudanSide: '知的障害・精神障害の特性は認知症とは別。本人の理解の仕方を具体的に伝える', soudanSideEn: 'Intellectual or mental disability is not dementia: say concretely how the person understands' },
  { no: 7, name: '主訴・意向', nameEn: 'Main concern and wishes', group: 'basic',
    need: '本人と家族の訴え・意向（別々に）', needEn: 'What the person and the family ask for and want (kept apart)',
    soudanSide: 'サービス等利用計画の「利用者及びその家族の生活に対する意向」。本人の言葉のまま', soudanSideEn: 'The plan’s “wishes of the person and family”, in the person’s own words' },
  { no: 8, name: '認定情報', nameEn: 'Care-need certification', group: 'basic',
    need: '要介護度、認定の有効期間、支給限度基準額', needEn: 'Care level, validity, monthly benefit ceiling',
    soudanSide: '（介護保険の情報。申請日と認定調査の日を共有する）', soudanSideEn: '(Long-term care information: share the application and survey dates)' },
  { no: 9, name: '今回のアセスメントの理由', nameEn: 'Why this assessment now', group: 'basic',
    need: '初回・更新・状態の変化など', needEn: 'First time, renewal, a change of condition…',
    soudanSide: '65歳到達（または特定疾病）による移行。到達日と支給決定の期限', soudanSideEn: 'The move at 65 (or a specified disease): the date and when the current decision ends' },
  { no: 10, name: '健康状態', nameEn: 'Health', group: 'assessment',
    need: '病名、既往歴、服薬、痛み、主治医', needEn: 'Diagnoses, history, medication, pain, the doctor',
    soudanSide: '医師意見書、通院の記録、二次障害や加齢による変化', soudanSideEn: 'Doctor’s opinion, clinic visits, secondary conditions and ageing' },
  { no: 11, name: 'ADL', nameEn: 'ADL', group: 'assessment',
    need: '寝返り・起き上がり・移乗・歩行・着衣・入浴・排泄など', needEn: 'Turning, sitting up, transfers, walking, dressing, bathing, toileting…',
    soudanSide: '認定調査の項目と、ヘルパーが実際にしている介助の手順', soudanSideEn: 'Survey items, and the steps helpers actually follow' },
  { no: 12, name: 'IADL', nameEn: 'IADL', group: 'assessment',
    need: '調理・掃除・買い物・金銭管理・服薬管理など', needEn: 'Cooking, cleaning, shopping, money, medication…',
    soudanSide: '家事援助で本人と一緒にしていること、金銭管理の方法（家族・日常生活自立支援事業）', soudanSideEn: 'What home help does with the person; who manages money and how' },
  { no: 13, name: '認知機能や判断能力', nameEn: 'Cognition and judgement', group: 'assessment',
    need: '日常の意思決定、記憶、見当識', needEn: 'Everyday decisions, memory, orientation',
    soudanSide: '意思決定支援の記録：本人がどう選び、誰がどう支えているか', soudanSideEn: 'Decision-support record: how the person chooses, who supports it and how' },
  { no: 14, name: 'コミュニケーションにおける理解と表出の状況', nameEn: 'Understanding and expression', group: 'assessment',
    need: '視力・聴力、言葉の理解と伝え方、意思疎通の手段', needEn: 'Sight, hearing, how the person understands and expresses, means of communication',
    soudanSide: '本人の伝え方（言葉・サイン・機器）と、ヘルパーへの指示の仕方', soudanSideEn: 'How the person communicates (words, signs, devices) and directs helpers' },
  { no: 15, name: '生活リズム', nameEn: 'Daily rhythm', group: 'assessment',
    need: '一日と一週間の過ごし方、睡眠', needEn: 'The day and the week, sleep',
    soudanSide: '週間計画表、日中活動、夜間の様子', soudanSideEn: 'Weekly sheet, daytime activity, nights' },
  { no: 16, name: '排泄の状況', nameEn: 'Toileting', group: 'assessment',
    need: '排尿・排便、失禁、介助の方法', needEn: 'Urination, bowels, incontinence, how help is given',
    soudanSide: '身体介護の手順書、使っている日常生活用具', soudanSideEn: 'Personal-care procedure, daily-living aids in use' },
  { no: 17, name: '清潔の保持に関する状況', nameEn: 'Hygiene', group: 'assessment',
    need: '入浴、皮膚の状態、じょく瘡', needEn: 'Bathing, skin, pressure sores',
    soudanSide: '入浴の場所と方法（自宅・生活介護）、皮膚のトラブルの経過', soudanSideEn: 'Where and how the person bathes; skin problems so far' },
  { no: 18, name: '口腔内の状況', nameEn: 'Mouth', group: 'assessment',
    need: '歯・義歯、かむ・飲み込む力、口腔ケア', needEn: 'Teeth, dentures, chewing and swallowing, oral care',
    soudanSide: '歯科の受診歴、食事の形態', soudanSideEn: 'Dental visits, food texture' },
  { no: 19, name: '食事摂取の状況', nameEn: 'Eating', group: 'assessment',
    need: '食事の量・形態・介助、栄養', needEn: 'Amount, texture, help, nutrition',
    soudanSide: '食事介助の手順、好きなもの・食べられないもの', soudanSideEn: 'Feeding procedure, likes and what the person cannot eat' },
  { no: 20, name: '社会との関わり', nameEn: 'Social life', group: 'assessment',
    need: '家族以外とのつながり、役割、外出', needEn: 'Ties beyond the family, roles, going out',
    soudanSide: '日中活動・就労・趣味、外出支援（移動支援・行動援護・同行援護・重度訪問介護）で続けてきたこと', soudanSideEn: 'Day activity, work, hobbies; what outings support has made possible' },
  { no: 21, name: '家族等の状況', nameEn: 'Family', group: 'assessment',
    need: '家族の介護力、健康、就労、思い', needEn: 'What the family can do, their health, work and wishes',
    soudanSide: 'エコマップ・ジェノグラム、家族の思い（本人の思いと分けて）', soudanSideEn: 'Ecomap and genogram; the family’s wishes (apart from the person’s)' },
  { no: 22, name: '居住環境', nameEn: 'Housing', group: 'assessment',
    need: '住まいの段差・手すり・住宅改修の要否', needEn: 'Steps, handrails, whether adaptations are needed',
    soudanSide: 'これまでの住宅改修（障害の日常生活用具の住宅改修費を含む）と福祉用具', soudanSideEn: 'Past home adaptations (including the disability side’s grant) and equipment' },
  { no: 23, name: 'その他留意すべき事項・状況', nameEn: 'Other matters to note', group: 'assessment',
    need: '虐待の心配、経済的な困りごと、ターミナル、災害時の備えなど', needEn: 'Abuse concerns, money problems, end of life, disaster preparedness…',
    soudanSide: '成年後見・権利擁護、緊急時の連絡先、移行で失われるもの・続くもの', soudanSideEn: 'Guardianship and advocacy, emergency contacts, what the move loses and what continues' },
] as const satisfies readonly AssessmentItem[];
