import { BaseBoxShapeTool } from 'tldraw';
import { MEETING_DETAILS_TYPE } from '../../../shared/shapes/index.ts';

/** Places a 会議の要点 card by clicking or dragging on the canvas. */
export class MeetingDetailsTool extends BaseBoxShapeTool {
  static override id = MEETING_DETAILS_TYPE;
  override shapeType = MEETING_DETAILS_TYPE;
}
