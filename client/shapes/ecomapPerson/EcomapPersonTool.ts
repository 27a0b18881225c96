import { BaseBoxShapeTool } from 'tldraw';
import { ECOMAP_PERSON_TYPE } from '../../../shared/shapes/index.ts';

/** Places an ecomap person by clicking or dragging on the canvas. */
export class EcomapPersonTool extends BaseBoxShapeTool {
  static override id = ECOMAP_PERSON_TYPE;
  override shapeType = ECOMAP_PERSON_TYPE;
}
