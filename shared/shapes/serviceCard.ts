import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import type { SystemId } from '../domain/systems.ts';
import { sizeValidator, systemIdValidator, textValidator } from './common.ts';

/** サービスカード: one service in use, proposed, or ending. */
export const SERVICE_CARD_TYPE = 'rb-service' as const;

export const SERVICE_STATUSES = ['in-use', 'proposed', 'ending'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Labels of the statuses: 利用中 / 提案 / 終了予定. */
export const SERVICE_STATUS_LABELS: Record<ServiceStatus, { ja: string; en: string }> = {
  'in-use': { ja: '利用中', en: 'In use' },
  proposed: { ja: '提案', en: 'Proposed' },
  ending: { ja: '終了予定', en: 'Ending' },
};

export interface ServiceCardProps {
  w: number;
  h: number;
  system: SystemId;
  /** The service's name, from the catalogue or free text. */
  service: string;
  provider: string;
  /** How much: times or hours per week, in words (e.g. 週3回・各2時間). */
  amount: string;
  status: ServiceStatus;
  note: string;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [SERVICE_CARD_TYPE]: ServiceCardProps;
  }
}

export type ServiceCardShape = TLShape<typeof SERVICE_CARD_TYPE>;

export const serviceCardProps: RecordProps<ServiceCardShape> = {
  w: sizeValidator,
  h: sizeValidator,
  system: systemIdValidator,
  service: textValidator,
  provider: textValidator,
  amount: textValidator,
  status: T.literalEnum(...SERVICE_STATUSES),
  note: textValidator,
};

export const serviceCardVersions = createShapePropsMigrationIds(SERVICE_CARD_TYPE, {});

/** Append-only: a shipped migration is never edited. */
export const serviceCardMigrations = createShapePropsMigrationSequence({ sequence: [] });

/** Props of a new service card. */
export function serviceCardDefaults(): ServiceCardProps {
  return { w: 240, h: 150, system: 'shogai', service: '', provider: '', amount: '', status: 'in-use', note: '' };
}
