import { createShapePropsMigrationIds, createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import type { SystemId } from '../domain/systems.ts';
import { sizeValidator, systemIdValidator, textValidator } from './common.ts';

/** エコマップの人物: a person or organisation around the person (本人 in the centre). */
export const ECOMAP_PERSON_TYPE = 'rb-person' as const;
/** エコマップの関係: a tie between two of them. */
export const ECOMAP_TIE_TYPE = 'rb-tie' as const;

export const PERSON_KINDS = ['self', 'family', 'professional', 'organisation', 'informal'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const PERSON_KIND_LABELS: Record<PersonKind, { ja: string; en: string }> = {
  self: { ja: '本人', en: 'The person' },
  family: { ja: '家族', en: 'Family' },
  professional: { ja: '専門職', en: 'Professional' },
  organisation: { ja: '機関・事業所', en: 'Organisation' },
  informal: { ja: '近隣・友人・ボランティア', en: 'Neighbours, friends, volunteers' },
};

/** Tie kinds, drawn as DOMAIN.md says: thick, thin, dashed, zigzag. */
export const TIE_KINDS = ['strong', 'normal', 'weak', 'stress'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export const TIE_KIND_LABELS: Record<TieKind, { ja: string; en: string }> = {
  strong: { ja: '強い関係（太線）', en: 'Strong tie (thick)' },
  normal: { ja: '普通の関係（細線）', en: 'Ordinary tie (thin)' },
  weak: { ja: '弱い関係（点線）', en: 'Weak tie (dashed)' },
  stress: { ja: 'ストレス・対立（ギザギザ）', en: 'Stress or conflict (zigzag)' },
};

/** Which way support flows along a tie. */
export const TIE_DIRECTIONS = ['none', 'forward', 'backward', 'both'] as const;
export type TieDirection = (typeof TIE_DIRECTIONS)[number];

/** For the genogram: □ male, ○ female (DOMAIN.md); the others are drawn as a rounded box. */
export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export interface EcomapPersonProps {
  w: number;
  h: number;
  name: string;
  kind: PersonKind;
  gender: Gender;
  /** Deceased: drawn crossed out in the genogram. */
  deceased: boolean;
  /** The system it belongs to, for its colour; null for none. */
  system: SystemId | null;
  note: string;
}

export interface EcomapTieProps {
  /** End point relative to the shape's origin (the start). */
  end: { x: number; y: number };
  kind: TieKind;
  direction: TieDirection;
  label: string;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [ECOMAP_PERSON_TYPE]: EcomapPersonProps;
    [ECOMAP_TIE_TYPE]: EcomapTieProps;
  }
}

export type EcomapPersonShape = TLShape<typeof ECOMAP_PERSON_TYPE>;
export type EcomapTieShape = TLShape<typeof ECOMAP_TIE_TYPE>;

export const ecomapPersonProps: RecordProps<EcomapPersonShape> = {
  w: sizeValidator,
  h: sizeValidator,
  name: textValidator,
  kind: T.literalEnum(...PERSON_KINDS),
  gender: T.literalEnum(...GENDERS),
  deceased: T.boolean,
  system: systemIdValidator.nullable(),
  note: textValidator,
};

export const ecomapTieProps: RecordProps<EcomapTieShape> = {
  end: T.object({ x: T.number, y: T.number }),
  kind: T.literalEnum(...TIE_KINDS),
  direction: T.literalEnum(...TIE_DIRECTIONS),
  label: textValidator,
};

export const ecomapPersonVersions = createShapePropsMigrationIds(ECOMAP_PERSON_TYPE, {
  AddGenogram: 1,
});
export const ecomapTieVersions = createShapePropsMigrationIds(ECOMAP_TIE_TYPE, {});

/** Append-only: a shipped migration is never edited. */
export const ecomapPersonMigrations = createShapePropsMigrationSequence({
  sequence: [
    {
      id: ecomapPersonVersions.AddGenogram,
      up: (props: Record<string, unknown>) => {
        props.gender = 'unknown';
        props.deceased = false;
      },
      down: (props: Record<string, unknown>) => {
        delete props.gender;
        delete props.deceased;
      },
    },
  ],
});
export const ecomapTieMigrations = createShapePropsMigrationSequence({ sequence: [] });

/** Props of a new ecomap person. */
export function ecomapPersonDefaults(): EcomapPersonProps {
  return { w: 160, h: 90, name: '', kind: 'family', gender: 'unknown', deceased: false, system: null, note: '' };
}

/** Props of a new ecomap tie. */
export function ecomapTieDefaults(): EcomapTieProps {
  return { end: { x: 200, y: 0 }, kind: 'normal', direction: 'none', label: '' };
}
