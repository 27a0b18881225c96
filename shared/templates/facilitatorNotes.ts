/**
 * 講師メモ (facilitator notes) for the three exercises: the points the groups are expected to
 * reach (想定される論点), questions for the reflection (ふり返りの問い) and the timing. They are
 * for the facilitator (the board's owner) alone: the server keeps them apart from the board's
 * document and gives them only to the owner (`GET /api/boards/:id/facilitator-notes`), so a
 * participant's client never receives them. The owner may rewrite them per board; until then
 * the template's text below is shown.
 */

export interface FacilitatorNotes {
  readonly points: readonly string[];
  readonly reflection: readonly string[];
  readonly timing: readonly string[];
}

/** The largest notes body the server stores (characters). */
export const FACILITATOR_NOTES_MAX_CHARS = 20_000;

export const FACILITATOR_NOTES: Readonly<Record<string, FacilitatorNotes>> = {
  handover: {
    points: [
      '本人の言葉は、専門職のまとめに言い換えずに、そのまま引き継ぐ（項目7 主訴・意向）。',
      '「本人が指示して介助を受ける」やり方は、介護保険の手順書（訪問介護計画）にそのままは載らない。どう書き、誰が事業所に伝えるか（項目14）。',
      '重度訪問介護の見守り・長時間・外出は訪問介護に置き換わらない。障害福祉に残す部分の根拠を、相談支援専門員が示せるか（項目4・20）。',
      '補装具（体に合わせた電動車いす）と日常生活用具（特殊寝台）は、介護保険の福祉用具貸与に変わるものと変わらないものがある（項目22）。',
      '利用者負担が0円から1割になる。新高額障害福祉サービス等給付費の要件（5年間の利用、所得）を確かめる（項目3・23）。',
      '障害支援区分と要介護度は別の尺度。区分6だから要介護5、とは言えない（項目5・8）。',
    ],
    reflection: [
      '介護支援専門員の役の人が、いちばん知りたかったのに出てこなかった情報は何か。',
      '相談支援専門員の役の人が、伝えたつもりで伝わっていなかったことは何か。',
      '本人の役の人は、話し合いのどこで置いていかれたと感じたか。',
      '観察者が記録した専門用語のうち、相手の制度の人には通じなかった言葉はどれか。',
    ],
    timing: [
      '0:00 役割カードを配る・一人で事例を読む（10分）',
      '0:10 相談支援専門員役が項目ごとに付箋を書く（20分）',
      '0:30 介護支援専門員役が質問する（20分）',
      '0:50 発表・全体で共有（25分）',
      '1:15 グループでもう一度ふり返る（15分）',
    ],
  },
  'exercise-1': {
    points: [
      '居宅介護・生活介護・短期入所は介護保険が優先。行動援護・就労継続支援B型は障害福祉で続く。',
      '要介護度は要支援や要介護1になるかもしれない。使える量が小さく、要支援なら地域包括支援センターが計画を作ることがある。',
      '院内介助は介護保険では例外的。母と同居なので訪問介護の生活援助も原則使えない。',
      '母と本人を同じ事業所が支える。役割を分け、本人の思いと母の思いを混ぜない。',
      'お金の管理：妹の手伝いのほか、日常生活自立支援事業や成年後見が要るか。',
    ],
    reflection: [
      '本人の「ひまわり工房は、やめない」を、計画のどこで守ったか。',
      '65歳到達日から認定が出るまでのすき間を、誰がどう埋めるか決めたか。',
      '行政に確認することを、障害福祉課と介護保険課のどちらに聞くか分けられたか。',
    ],
    timing: [
      '0:00 一人で事例を読む（10分）',
      '0:10 本人の思いとライフステージ（15分）',
      '0:25 現在のサービスから移行後の形（30分）',
      '0:55 週間サービス計画とエコマップ（20分）',
      '1:15 引継ぎ情報と論点（15分）',
      '1:30 発表・共有（20分）→ 1:50 グループでふり返り（10分）',
    ],
  },
  'exercise-2': {
    points: [
      'ALSは特定疾病：40〜64歳でも医療保険に入っていれば第2号被保険者。介護保険が先、重度訪問介護が上乗せ。',
      '訪問看護は、ALSでは医療保険（厚生労働大臣が定める疾病等）。',
      'お金：介護保険1割、障害の負担上限（妻の収入で変わる）、難病の上限、障害年金・傷病手当金、高額介護と合算。',
      'レスパイト：医療型短期入所や難病のレスパイト入院。',
      '保健所の保健師（難病）と市の保健師の役割の違い。',
      '高校2年の長女と、家族それぞれの思いを本人の思いと分けて聞く。',
    ],
    reflection: [
      '本人が仕事を続けたいという思いを、どのサービスの組み合わせで支えたか。',
      '病気が進んだときの意思決定支援（話せなくなる前に何を確かめておくか）を話し合えたか。',
      '家族の休息（レスパイト）を、誰がいつ提案するか決めたか。',
    ],
    timing: [
      '0:00 一人で事例を読む（10分）',
      '0:10 本人と家族の思い（20分）',
      '0:30 制度の重なりとお金（30分）',
      '1:00 週間サービス計画と連携の形（30分）',
      '1:30 発表・共有（20分）→ 1:50 グループでふり返り（10分）',
    ],
  },
};

/** The template's notes as the text the owner sees and edits, or undefined for a template without notes. */
export function defaultFacilitatorNotes(templateId: string): string | undefined {
  const notes = Object.hasOwn(FACILITATOR_NOTES, templateId) ? FACILITATOR_NOTES[templateId] : undefined;
  if (!notes) return undefined;
  const section = (title: string, lines: readonly string[]) => [`【${title}】`, ...lines.map((l) => `・${l}`)].join('\n');
  return [section('想定される論点', notes.points), section('ふり返りの問い', notes.reflection), section('時間配分', notes.timing)].join('\n\n');
}
