import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { DEFAULT_STAGES } from '../domain/stages.ts';
import { dateOrEmptyValidator, sizeValidator } from './common.ts';

/**
 * ライフステージ帯: the person's life as a band of stages, with the thresholds that
 * matter (18, 40, 65), their current age, and each specialist's scope beneath it.
 */
export const LIFE_STAGE_TYPE = 'rb-lifeline' as const;

/** One editable stage on the band. */
export interface LifeStageBand {
  id: string;
  label: string;
  minAge: number;
  /** Inclusive; null for the last, open-ended stage. */
  maxAge: number | null;
}

export interface LifeStageProps {
  w: number;
  h: number;
  /** 'YYYY-MM-DD' or '' when unknown; the current age is computed from it. */
  birthDate: string;
  stages: LifeStageBand[];
  /** Has a 特定疾病: then the 介護支援専門員's scope starts at 40, not 65. */
  specifiedDisease: boolean;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [LIFE_STAGE_TYPE]: LifeStageProps;
  }
}

export type LifeStageShape = TLShape<typeof LIFE_STAGE_TYPE>;

const stageValidator = T.object({
  id: T.string,
  label: T.string,
  minAge: T.number,
  maxAge: T.number.nullable(),
});

export const lifeStageProps: RecordProps<LifeStageShape> = {
  w: sizeValidator,
  h: sizeValidator,
  birthDate: dateOrEmptyValidator,
  stages: T.arrayOf(stageValidator),
  specifiedDisease: T.boolean,
};

export const lifeStageVersions = createShapePropsMigrationIds(LIFE_STAGE_TYPE, {
  AddSpecifiedDisease: 1,
});

/** Append-only: a shipped migration is never edited. */
export const lifeStageMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: lifeStageVersions.AddSpecifiedDisease,
      up: (props: Record<string, unknown>) => {
        props.specifiedDisease = false;
      },
      down: (props: Record<string, unknown>) => {
        delete props.specifiedDisease;
      },
    },
  ],
});

/** Props of a new life-stage band, with the default stages. */
export function lifeStageDefaults(): LifeStageProps {
  return {
    w: 1200,
    h: 220,
    birthDate: '',
    stages: DEFAULT_STAGES.map(({ id, label, minAge, maxAge }) => ({ id, label, minAge, maxAge })),
    specifiedDisease: false,
  };
}
