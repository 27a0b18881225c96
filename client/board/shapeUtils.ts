import type { TLAnyShapeUtilConstructor } from 'tldraw';
import { renkeiShapeUtils } from '../shapes/index.ts';

/** Our custom shapes' utils, used by the live board and the record viewer alike. */
export const boardShapeUtils: readonly TLAnyShapeUtilConstructor[] = renkeiShapeUtils;
