import type { SchemaPropsInfo } from '@tldraw/tlschema';
import { BASIC_INFO_TYPE, basicInfoMigrations, basicInfoProps } from './basicInfo.ts';
import { CLIENT_VOICE_TYPE, clientVoiceMigrations, clientVoiceProps } from './clientVoice.ts';
import { ECOMAP_PERSON_TYPE, ECOMAP_TIE_TYPE, ecomapPersonMigrations, ecomapPersonProps, ecomapTieMigrations, ecomapTieProps } from './ecomap.ts';
import { MEETING_DETAILS_TYPE, meetingDetailsMigrations, meetingDetailsProps } from './meetingDetails.ts';
import { LIFE_STAGE_TYPE, lifeStageMigrations, lifeStageProps } from './lifeStage.ts';
import { PLAN_ITEM_TYPE, planItemMigrations, planItemProps } from './planItem.ts';
import { SERVICE_CARD_TYPE, serviceCardMigrations, serviceCardProps } from './serviceCard.ts';

export * from './common.ts';
export * from './serviceCard.ts';
export * from './planItem.ts';
export * from './clientVoice.ts';
export * from './lifeStage.ts';
export * from './ecomap.ts';
export * from './basicInfo.ts';
export * from './meetingDetails.ts';

/**
 * The schema halves of our shapes (props validators and migrations), keyed by type: the
 * server, the client's ShapeUtils and the tests build the same schema from these.
 */
export const CUSTOM_SHAPE_SCHEMAS = {
  [SERVICE_CARD_TYPE]: { props: serviceCardProps, migrations: serviceCardMigrations },
  [PLAN_ITEM_TYPE]: { props: planItemProps, migrations: planItemMigrations },
  [CLIENT_VOICE_TYPE]: { props: clientVoiceProps, migrations: clientVoiceMigrations },
  [LIFE_STAGE_TYPE]: { props: lifeStageProps, migrations: lifeStageMigrations },
  [ECOMAP_PERSON_TYPE]: { props: ecomapPersonProps, migrations: ecomapPersonMigrations },
  [ECOMAP_TIE_TYPE]: { props: ecomapTieProps, migrations: ecomapTieMigrations },
  [BASIC_INFO_TYPE]: { props: basicInfoProps, migrations: basicInfoMigrations },
  [MEETING_DETAILS_TYPE]: { props: meetingDetailsProps, migrations: meetingDetailsMigrations },
} as const satisfies Record<string, SchemaPropsInfo>;

export const CUSTOM_SHAPE_TYPES = Object.keys(CUSTOM_SHAPE_SCHEMAS) as (keyof typeof CUSTOM_SHAPE_SCHEMAS)[];
