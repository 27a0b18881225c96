import { z } from 'zod';

/**
 * 会議の要点: what a meeting was, as 居宅サービス計画書 第4表「サービス担当者会議の要点」 asks
 * (開催日, 開催場所, 開催時間, 開催回数, 会議出席者 所属（職種）・氏名 with 本人・家族, 検討した項目,
 * 検討内容, 結論, 残された課題（次回の開催時期）) plus what the 相談支援 side's モニタリング報告
 * needs (本人の満足度, 目標の達成度, サービス等利用計画の変更の要否, 次回モニタリング月).
 * One wire shape: the board's 会議の要点 card stores it (validated by the board schema, so the
 * relay refuses a malformed one), the save dialog confirms it, and the record keeps it.
 */

const Short = z.string().max(500);
const Long = z.string().max(20_000);
const YMD = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')]);
const HM = z.union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM')]);
const YM = z.union([z.literal(''), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')]);

/** 出席・欠席 of 本人 or 家族 ('' not yet entered). */
export const AttendanceSchema = z.enum(['', 'present', 'absent']);
export type Attendance = z.infer<typeof AttendanceSchema>;

/** One person at the meeting: 所属（職種） and 氏名. */
export const MeetingAttendeeSchema = z.object({ affiliation: Short, name: Short }).strict();
export type MeetingAttendee = z.infer<typeof MeetingAttendeeSchema>;

/** One person who could not attend: who, what they were asked in writing (照会内容), what they answered. */
export const MeetingAbsenteeSchema = z.object({ affiliation: Short, name: Short, inquiry: Long, answer: Long }).strict();
export type MeetingAbsentee = z.infer<typeof MeetingAbsenteeSchema>;

/** サービス等利用計画の変更の要否. */
export const PlanChangeSchema = z.enum(['', 'needed', 'not-needed']);
export type PlanChange = z.infer<typeof PlanChangeSchema>;

/** The モニタリング報告's own items (its 実施日 is the meeting's 開催日). */
export const MonitoringSchema = z
  .object({
    satisfaction: Long,
    goalAchievement: Long,
    planChange: PlanChangeSchema,
    planChangeReason: Long,
    nextMonth: YM,
  })
  .strict();
export type Monitoring = z.infer<typeof MonitoringSchema>;

export const MeetingDetailsSchema = z
  .object({
    /** 開催日 */
    date: YMD,
    /** 開催時間: start and end */
    start: HM,
    end: HM,
    /** 開催場所; when online, the tool (Zoom, Teams…) in `onlineTool` */
    place: Short,
    online: z.boolean(),
    onlineTool: Short,
    /** 開催回数 (as written: 2, 第2回) */
    round: Short,
    /** 作成者 (居宅サービス計画作成者 or 相談支援専門員) */
    author: Short,
    /** 利用者名 */
    clientName: Short,
    clientAttendance: AttendanceSchema,
    familyAttendance: AttendanceSchema,
    /** 続柄 of the family members present */
    familyRelation: Short,
    attendees: z.array(MeetingAttendeeSchema).max(60),
    absentees: z.array(MeetingAbsenteeSchema).max(30),
    /** 検討した項目 */
    topics: Long,
    /** 検討内容 */
    discussion: Long,
    /** 結論 */
    conclusion: Long,
    /** 残された課題 */
    remaining: Long,
    /** 次回の開催時期 */
    nextMeeting: Short,
    monitoring: MonitoringSchema,
  })
  .strict();
export type MeetingDetails = z.infer<typeof MeetingDetailsSchema>;

/** Empty 会議の要点 (nothing entered yet). */
export function emptyMeetingDetails(): MeetingDetails {
  return {
    date: '', start: '', end: '', place: '', online: false, onlineTool: '', round: '', author: '', clientName: '',
    clientAttendance: '', familyAttendance: '', familyRelation: '', attendees: [], absentees: [],
    topics: '', discussion: '', conclusion: '', remaining: '', nextMeeting: '',
    monitoring: { satisfaction: '', goalAchievement: '', planChange: '', planChangeReason: '', nextMonth: '' },
  };
}

/** Labels of the 会議の要点, both languages (card, panel, save dialog, minutes): 第4表's wording. */
export const MEETING_LABELS = {
  heading: { ja: '会議の要点', en: 'Meeting details' },
  date: { ja: '開催日', en: 'Date' },
  time: { ja: '開催時間', en: 'Time' },
  start: { ja: '開始時刻', en: 'Start' },
  end: { ja: '終了時刻', en: 'End' },
  place: { ja: '開催場所', en: 'Place' },
  online: { ja: 'オンラインで開催', en: 'Held online' },
  onlineTool: { ja: '使ったツール', en: 'Online tool' },
  round: { ja: '開催回数', en: 'Meeting no.' },
  author: { ja: '作成者', en: 'Written by' },
  clientName: { ja: '利用者名', en: 'Person' },
  attendees: { ja: '会議出席者', en: 'Attendees' },
  affiliation: { ja: '所属（職種）', en: 'Organisation (profession)' },
  name: { ja: '氏名', en: 'Name' },
  client: { ja: '本人', en: 'The person' },
  family: { ja: '家族', en: 'Family' },
  familyRelation: { ja: '続柄', en: 'Relation' },
  absentees: { ja: '欠席者及び照会内容', en: 'Absent, and what they were asked' },
  inquiry: { ja: '照会内容', en: 'Asked in writing' },
  answer: { ja: '回答', en: 'Answer' },
  topics: { ja: '検討した項目', en: 'Items discussed' },
  discussion: { ja: '検討内容', en: 'Discussion' },
  conclusion: { ja: '結論', en: 'Conclusion' },
  remaining: { ja: '残された課題', en: 'Open issues' },
  nextMeeting: { ja: '次回の開催時期', en: 'Next meeting' },
  satisfaction: { ja: '本人の満足度', en: "The person's satisfaction" },
  goalAchievement: { ja: '目標の達成度', en: 'Progress towards the goals' },
  planChange: { ja: 'サービス等利用計画の変更の要否', en: 'Does the service use plan need changing?' },
  planChangeReason: { ja: '変更の理由・内容', en: 'Why, and what to change' },
  nextMonth: { ja: '次回モニタリング月', en: 'Next monitoring month' },
  monitoringDate: { ja: '実施日', en: 'Date of monitoring' },
} as const satisfies Record<string, { ja: string; en: string }>;

export const ATTENDANCE_LABELS: Record<Attendance, { ja: string; en: string }> = {
  '': { ja: '未記入', en: 'Not entered' },
  present: { ja: '出席', en: 'Present' },
  absent: { ja: '欠席', en: 'Absent' },
};

export const PLAN_CHANGE_LABELS: Record<PlanChange, { ja: string; en: string }> = {
  '': { ja: '未記入', en: 'Not entered' },
  needed: { ja: '要（変更する）', en: 'Yes, change it' },
  'not-needed': { ja: '否（変更しない）', en: 'No change' },
};
