import type { TLAnyShapeUtilConstructor } from 'tldraw';
import { renkeiShapeUtils } from '../shapes/index.ts';
import { BoardGeoShapeUtil, BoardNoteShapeUtil } from './lazyLabels.ts';

/**
 * Our custom shapes' utils, used by the live board and the record viewer alike, and tldraw's
 * geo and note utils with their labels measured when first needed (lazyLabels.ts); tldraw puts
 * these in place of its defaults of the same type. The store's schema is boardSchema(), so
 * the shapes and their records are exactly tldraw's.
 */
export const boardShapeUtils: readonly TLAnyShapeUtilConstructor[] = [...renkeiShapeUtils, BoardGeoShapeUtil, BoardNoteShapeUtil];
