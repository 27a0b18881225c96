import { BaseBoxShapeTool } from 'tldraw';
import { LIFE_STAGE_TYPE } from '../../../shared/shapes/index.ts';

/** Places a ライフステージ帯 by clicking or dragging on the canvas. */
export class LifeStageTool extends BaseBoxShapeTool {
  static override id = LIFE_STAGE_TYPE;
  override shapeType = LIFE_STAGE_TYPE;
}
