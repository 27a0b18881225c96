import { BaseBoxShapeTool } from 'tldraw';
import { BASIC_INFO_TYPE } from '../../../shared/shapes/index.ts';

/** Places a 基本情報 card by clicking or dragging on the canvas. */
export class BasicInfoTool extends BaseBoxShapeTool {
  static override id = BASIC_INFO_TYPE;
  override shapeType = BASIC_INFO_TYPE;
}
