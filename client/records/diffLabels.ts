import { ROLES, roleIdFrom } from '../../shared/domain/roles.ts';
import { SYSTEMS, type SystemId } from '../../shared/domain/systems.ts';
import { ATTENDANCE_LABELS, MEETING_LABELS, PLAN_CHANGE_LABELS } from '../../shared/protocol/index.ts';
import { PLAN_FIELD_LABELS, PLAN_INSURED_LABELS, PLAN_STATE_LABELS, SERVICE_STATUS_LABELS } from '../../shared/shapes/index.ts';

type Locale = 'ja' | 'en';
type Labels = Record<string, { ja: string; en: string }>;

/** A service card's fields as its panel names them. */
const SERVICE_FIELDS: Labels = {
  system: { ja: '制度', en: 'System' },
  service: { ja: 'サービス', en: 'Service' },
  serviceId: { ja: '一覧のサービス', en: 'Catalogue entry' },
  provider: { ja: '事業所', en: 'Provider' },
  amount: { ja: '量（回数・時間）', en: 'Amount' },
  status: { ja: '状態', en: 'Status' },
  note: { ja: 'メモ', en: 'Note' },
};

/** The record's own fields (title, memo) and its 会議の要点's. */
const RECORD_FIELDS: Labels = {
  title: { ja: '記録の名前', en: 'Record name' },
  note: { ja: '記録のメモ', en: "Record's note" },
};

/** A changed field's name in the UI language: a card's prop, or a record's `title` / `note` / `meeting.<field>`. */
export function fieldLabel(field: string, cardType: string | null, locale: Locale): string {
  if (cardType === null) {
    const meeting = /^meeting\.(?:monitoring\.)?(.+)$/.exec(field)?.[1];
    if (meeting === 'start' || meeting === 'end') return MEETING_LABELS[meeting][locale];
    if (meeting === 'clientAttendance') return MEETING_LABELS.client[locale];
    if (meeting === 'familyAttendance') return MEETING_LABELS.family[locale];
    if (meeting && meeting in MEETING_LABELS) return MEETING_LABELS[meeting as keyof typeof MEETING_LABELS][locale];
    return RECORD_FIELDS[field]?.[locale] ?? field;
  }
  const table: Labels = cardType === 'rb-service' ? SERVICE_FIELDS : PLAN_FIELD_LABELS;
  return table[field]?.[locale] ?? field;
}

/** A changed value in the UI language: the label of a status, state, system, role or choice; text as typed. */
export function valueLabel(field: string, value: string, locale: Locale): string {
  const pick = (labels: Labels) => labels[value]?.[locale] ?? value;
  switch (field) {
    case 'status':
      return pick(SERVICE_STATUS_LABELS);
    case 'state':
      return pick(PLAN_STATE_LABELS);
    case 'insured':
      return pick(PLAN_INSURED_LABELS);
    case 'system':
      return value in SYSTEMS ? (locale === 'ja' ? SYSTEMS[value as SystemId].label : SYSTEMS[value as SystemId].labelEn) : value;
    case 'owner': {
      const id = roleIdFrom(value);
      return id ? (locale === 'ja' ? ROLES[id].label : ROLES[id].labelEn) : value;
    }
    case 'meeting.clientAttendance':
    case 'meeting.familyAttendance':
      return value ? pick(ATTENDANCE_LABELS) : '';
    case 'meeting.monitoring.planChange':
      return value ? pick(PLAN_CHANGE_LABELS) : '';
    case 'meeting.online':
      return value ? MEETING_LABELS.online[locale] : '';
    default:
      return value;
  }
}
