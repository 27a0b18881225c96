import type { TLAnyShapeUtilConstructor } from 'tldraw';

/** Our custom shapes' utils, used by the live board and the record viewer alike. */
export const boardShapeUtils: readonly TLAnyShapeUtilConstructor[] = [];
