import { BaseBoxShapeTool } from 'tldraw';
import { PLAN_ITEM_TYPE } from '../../../shared/shapes/index.ts';

/** Places a 支援計画項目 by clicking or dragging on the canvas. */
export class PlanItemTool extends BaseBoxShapeTool {
  static override id = PLAN_ITEM_TYPE;
  override shapeType = PLAN_ITEM_TYPE;
}
