import { BaseBoxShapeTool } from 'tldraw';
import { CLIENT_VOICE_TYPE } from '../../../shared/shapes/index.ts';

/** Places a 本人の言葉 bubble by clicking or dragging on the canvas. */
export class ClientVoiceTool extends BaseBoxShapeTool {
  static override id = CLIENT_VOICE_TYPE;
  override shapeType = CLIENT_VOICE_TYPE;
}
