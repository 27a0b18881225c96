import { BaseBoxShapeTool } from 'tldraw';
import { SERVICE_CARD_TYPE } from '../../../shared/shapes/index.ts';

/** Places a サービスカード by clicking or dragging on the canvas. */
export class ServiceCardTool extends BaseBoxShapeTool {
  static override id = SERVICE_CARD_TYPE;
  override shapeType = SERVICE_CARD_TYPE;
}
