import { templateTitle } from '../../shared/templates/texts.ts';
import { useI18n } from '../i18n/index.ts';

/** Texts of the owner's privacy dialog (issue 17): Japanese first, English complete. */
const ja = {
  open: '個人情報の管理',
  heading: '個人情報の管理',
  intro: 'このボードには要配慮個人情報が入ります。だれがいつ見たか、いつ削除されるかを確認できます。',
  tabLinks: '個別リンク',
  tabAudit: '操作の記録',
  tabRetention: '保存期間',
  tabDelete: 'ボードの削除',
  linksIntro: '一人ずつにリンクを発行すると、だれが入ったかが記録に残り、その人のリンクだけを止められます。',
  linkName: '渡す人の名前',
  linkRole: 'できること',
  linkRoleEdit: '編集できる',
  linkRoleView: '見るだけ',
  linkExpires: '有効期限',
  linkExpiresNever: '期限なし',
  linkExpiresDay: '1日',
  linkExpiresWeek: '1週間',
  linkExpiresMonth: '30日',
  linkExpiresQuarter: '90日',
  linkExpiresYear: '1年',
  linkNote: 'メモ（本人には見えません）',
  linkIssue: 'リンクを発行する',
  linkIssued: 'リンクを発行しました。このリンクは今だけ表示されます。コピーして本人に渡してください。',
  linkCopy: 'コピー',
  linkCopied: 'コピーしました',
  linksEmpty: 'まだ個別リンクはありません。',
  linkLastUsed: '最後に使われた日時',
  linkNeverUsed: 'まだ使われていません',
  linkExpiresAt: '期限',
  linkRevoked: '停止済み',
  linkExpired: '期限切れ',
  linkRevoke: 'このリンクを止める',
  linkRevokedNow: 'リンクを止めました。このリンクで開いていた人は切断されました。',
  auditIntro: 'このボードで行われたことの記録です（新しい順）。書き換えや削除はできません。',
  auditDownload: 'CSVでダウンロード',
  auditEmpty: '記録はまだありません。',
  auditWhen: '日時',
  auditWhat: 'できごと',
  auditWho: 'リンク',
  auditFrom: '接続元',
  auditMore: 'くわしく',
  retentionIntro: 'このサーバーの設定で、古いボードと記録は自動で削除されます。',
  retentionBoard: 'このボードは、だれも変更しないままなら{date}に削除されます。',
  retentionBoardKept: 'このボードは自動では削除されません。',
  retentionRecord: 'この記録は{month}に削除されます',
  retentionRecordsKept: '記録は自動では削除されません。',
  retentionNoRecords: '保存した記録はありません。',
  deleteIntro: 'ボードと、その変更の履歴、保存した記録を、データベースから完全に消します。元に戻せません。操作の記録には「削除した」ことだけが残ります。',
  deleteConfirmLabel: '確認のため、ボードの名前「{title}」を入力してください',
  deleteKeepRecords: '保存した記録は残す（保存期間が終わるまで、サーバーの管理者だけが見られます）',
  deleteButton: 'このボードを完全に削除する',
  deleteMismatch: '名前が一致しません。',
  deleting: '削除しています…',
  close: '閉じる',
  loading: '読み込んでいます…',
  participantLink: '個別リンク：{name}',
} as const;

type PrivacyTexts = Record<keyof typeof ja, string>;

const en: PrivacyTexts = {
  open: 'Personal data',
  heading: 'Personal data of this board',
  intro: 'This board holds sensitive personal information. See who came in and when, and when things are deleted.',
  tabLinks: 'Personal links',
  tabAudit: 'Audit log',
  tabRetention: 'Retention',
  tabDelete: 'Delete board',
  linksIntro: 'Give each person a link of their own: who came in is logged, and one person\'s link can be stopped alone.',
  linkName: 'Name of the person',
  linkRole: 'What they can do',
  linkRoleEdit: 'Can edit',
  linkRoleView: 'View only',
  linkExpires: 'Expires after',
  linkExpiresNever: 'Never',
  linkExpiresDay: '1 day',
  linkExpiresWeek: '1 week',
  linkExpiresMonth: '30 days',
  linkExpiresQuarter: '90 days',
  linkExpiresYear: '1 year',
  linkNote: 'Note (not shown to them)',
  linkIssue: 'Issue the link',
  linkIssued: 'Link issued. It is shown only now: copy it and give it to the person.',
  linkCopy: 'Copy',
  linkCopied: 'Copied',
  linksEmpty: 'No personal links yet.',
  linkLastUsed: 'Last used',
  linkNeverUsed: 'Not used yet',
  linkExpiresAt: 'Expires',
  linkRevoked: 'Stopped',
  linkExpired: 'Expired',
  linkRevoke: 'Stop this link',
  linkRevokedNow: 'Link stopped. Anyone using it was disconnected.',
  auditIntro: 'What happened on this board, newest first. Rows cannot be changed or removed.',
  auditDownload: 'Download as CSV',
  auditEmpty: 'Nothing logged yet.',
  auditWhen: 'When',
  auditWhat: 'What',
  auditWho: 'Link',
  auditFrom: 'From',
  auditMore: 'Details',
  retentionIntro: 'By this server\'s settings, old boards and records are deleted automatically.',
  retentionBoard: 'If nobody changes it, this board will be deleted on {date}.',
  retentionBoardKept: 'This board is not deleted automatically.',
  retentionRecord: 'This record will be deleted in {month}',
  retentionRecordsKept: 'Records are not deleted automatically.',
  retentionNoRecords: 'No saved records.',
  deleteIntro: 'Removes the board, its history and its saved records from the database for good. This cannot be undone. The audit log keeps only the fact that it was deleted.',
  deleteConfirmLabel: 'To confirm, type the board\'s name “{title}”',
  deleteKeepRecords: 'Keep the saved records (until their retention ends; only the server\'s operator can read them)',
  deleteButton: 'Delete this board for good',
  deleteMismatch: 'The name does not match.',
  deleting: 'Deleting…',
  close: 'Close',
  loading: 'Loading…',
  participantLink: 'personal link: {name}',
};

/** Names of audit events as the owner reads them. */
const events = {
  ja: {
    'board.created': 'ボードを作成',
    'board.imported': 'ファイルから取り込み',
    'board.deleted': 'ボードを削除',
    'link.issued': '個別リンクを発行',
    'link.rotated': 'リンクを作り直し',
    'link.revoked': '個別リンクを停止',
    'session.opened': '入室',
    'session.closed': '退室',
    'record.saved': '記録を保存',
    'record.expired': '記録を保存期間で削除',
    'minutes.opened': '議事録を表示',
    'export.downloaded': 'ダウンロード',
    'retention.board-deleted': '保存期間でボードを削除',
  },
  en: {
    'board.created': 'Board created',
    'board.imported': 'Imported from a file',
    'board.deleted': 'Board deleted',
    'link.issued': 'Personal link issued',
    'link.rotated': 'Links replaced',
    'link.revoked': 'Personal link stopped',
    'session.opened': 'Joined',
    'session.closed': 'Left',
    'record.saved': 'Record saved',
    'record.expired': 'Record deleted (retention)',
    'minutes.opened': 'Minutes opened',
    'export.downloaded': 'Downloaded',
    'retention.board-deleted': 'Board deleted (retention)',
  },
} as const;

/** Link kinds as the owner reads them. */
const linkKinds = {
  ja: { owner: '管理者リンク', edit: '編集リンク', view: '閲覧リンク', personal: '個別リンク', member: '研修の参加者', facilitator: '研修の進行役', system: 'サーバー' },
  en: { owner: 'Owner link', edit: 'Edit link', view: 'View link', personal: 'Personal link', member: 'Workshop member', facilitator: 'Facilitator', system: 'Server' },
} as const;

/** Names of the facts in an audit row's detail. */
const detailKeys = {
  ja: {
    role: '権限',
    roles: '対象のリンク',
    template: 'ひな形',
    format: '形式',
    recordId: '記録ID',
    issuedTo: '渡した人',
    issuedLinkId: 'リンクID',
    revokedFrom: '止めた人',
    revokedLinkId: 'リンクID',
    sessionsClosedHere: '切断した接続',
    seconds: '滞在（秒）',
    openedAt: '入室',
    code: '終了コード',
    bytes: 'サイズ（バイト）',
    expiresAt: '期限',
    lang: '言語',
    fromBoard: '元のボード',
    fromRecord: '元の記録',
    newBoardId: '新しいボード',
    keepRecords: '記録を残す',
    recordsDeleted: '削除した記録',
    retentionDays: '保存日数',
    createdAt: '作成',
    boardsDeleted: '削除したボード',
    workshopId: '研修',
    groupIndex: 'グループ',
    memberId: '参加者ID',
    memberRole: '立場',
  },
  en: {
    role: 'Role',
    roles: 'Links',
    template: 'Template',
    format: 'Format',
    recordId: 'Record',
    issuedTo: 'Issued to',
    issuedLinkId: 'Link id',
    revokedFrom: 'Stopped for',
    revokedLinkId: 'Link id',
    sessionsClosedHere: 'Sessions closed',
    seconds: 'Stayed (s)',
    openedAt: 'Joined',
    code: 'Close code',
    bytes: 'Size (bytes)',
    expiresAt: 'Expires',
    lang: 'Language',
    fromBoard: 'From board',
    fromRecord: 'From record',
    newBoardId: 'New board',
    keepRecords: 'Records kept',
    recordsDeleted: 'Records deleted',
    retentionDays: 'Retention (days)',
    createdAt: 'Made',
    boardsDeleted: 'Boards deleted',
    workshopId: 'Workshop',
    groupIndex: 'Group',
    memberId: 'Member id',
    memberRole: 'Position',
  },
} as const;

/** Values in an audit row's detail that have words. */
const detailValues = {
  ja: { owner: '管理', edit: '編集', view: '閲覧', true: 'はい', false: 'いいえ', tldr: 'ボード（.tldr）', 'careplan-2': '第2表（CSV）', 'plan-json': '計画（JSON）', 'record-tldr': '記録（.tldr）', 'record-json': '記録（JSON）', 'audit-csv': '操作の記録（CSV）', 'new-board': '記録から新しいボード', import: '読み込んだファイル', minutes: '議事録', monitoring: 'モニタリング報告', ja: '日本語', en: '英語' },
  en: { owner: 'owner', edit: 'edit', view: 'view', true: 'yes', false: 'no', tldr: 'board (.tldr)', 'careplan-2': 'Table 2 (CSV)', 'plan-json': 'plan (JSON)', 'record-tldr': 'record (.tldr)', 'record-json': 'record (JSON)', 'audit-csv': 'audit log (CSV)', 'new-board': 'new board from a record', import: 'an imported file', minutes: 'minutes', monitoring: 'monitoring report', ja: 'Japanese', en: 'English' },
} as const;

/** One fact of an audit row as shown: "label: value". */
export interface AuditFact {
  label: string;
  value: string;
  /** The value is our own words (not a name or other text someone typed). */
  ours: boolean;
}

/** The privacy dialog's texts in the current language, and formatters. */
export function usePrivacyTexts() {
  const { locale } = useI18n();
  const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });
  const month = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'Asia/Tokyo' });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Asia/Tokyo' });
  const tx: PrivacyTexts = locale === 'ja' ? ja : en;
  return {
    tx,
    locale,
    event: (name: string) => (events[locale] as Record<string, string>)[name] ?? name,
    link: (kind: unknown) => (typeof kind === 'string' ? ((linkKinds[locale] as Record<string, string>)[kind] ?? kind) : ''),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    month: (iso: string) => month.format(new Date(iso)),
    day: (iso: string) => day.format(new Date(iso)),
    /**
     * One fact of an audit row in the current language: its label, its value, and whether the
     * value is all our own words (ふりがな may go over them) or holds what someone typed, such
     * as the name a link was issued to (whose reading is theirs: it stays plain).
     */
    detail: (key: string, value: unknown): AuditFact => {
      const label = (detailKeys[locale] as Record<string, string>)[key] ?? key;
      const words = detailValues[locale] as Record<string, string>;
      let ours = true;
      const one = (v: unknown) => {
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return dateTime.format(new Date(v));
        // A template id (blank, exercise-1…) reads as the template's name in this language.
        const word = key === 'template' && typeof v === 'string' ? (templateTitle(v, locale) ?? (v === 'import' ? words.import : undefined)) : words[String(v)];
        if (word !== undefined) return word;
        ours = false;
        return String(v);
      };
      const shown = Array.isArray(value) ? value.map(one).join(', ') : one(value);
      return { label, value: shown, ours };
    },
    fill: (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? ''),
  };
}
