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
  /** The catalogue id when the service was picked from it, so renaming the card keeps the link. */
  serviceId: string | null;
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
  serviceId: T.string.nullable(),
  provider: textValidator,
  amount: textValidator,
  status: T.literalEnum(...SERVICE_STATUSES),
  note: textValidator,
};

export const serviceCardVersions = createShapePropsMigrationIds(SERVICE_CARD_TYPE, {
  AddServiceId: 1,
});

/** Append-only: a shipped migration is never edited. */
export const serviceCardMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: serviceCardVersions.AddServiceId,
      // Cards made before the link existed stay free text; the panel links them when edited.
      up: (props: Record<string, unknown>) => {
        props.serviceId = null;
      },
      down: (props: Record<string, unknown>) => {
        delete props.serviceId;
      },
    },
  ],
});

/** Props of a new service card. */
export function serviceCardDefaults(): ServiceCardProps {
  return { w: 240, h: 150, system: 'shogai', service: '', serviceId: null, provider: '', amount: '', status: 'in-use', note: '' };
}
