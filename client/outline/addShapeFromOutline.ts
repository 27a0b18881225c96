import type { Editor, TLShapeId } from 'tldraw';
import { CLIENT_VOICE_TYPE, PLAN_ITEM_TYPE, SERVICE_CARD_TYPE, type ClientVoiceProps, type PlanItemProps, type ServiceCardProps } from '../../shared/shapes/index.ts';
import { addPlacedShape } from '../placement/placeNewShape.ts';
import { updateShapeProps } from '../shapes/common/shapeOps.ts';

/** A new item written in the outline, by kind. */
export type OutlineNewShape =
  | { type: typeof CLIENT_VOICE_TYPE; props: Partial<ClientVoiceProps> }
  | { type: typeof PLAN_ITEM_TYPE; props: Partial<PlanItemProps> }
  | { type: typeof SERVICE_CARD_TYPE; props: Partial<ServiceCardProps> };

/**
 * The one place the outline creates shapes: in a free spot of the kind's frame (a service card
 * in its system's column), as the case menu does. Returns the new shape's id, or undefined
 * when the board is read-only.
 */
export function addShapeFromOutline(editor: Editor, shape: OutlineNewShape): TLShapeId | undefined {
  return addPlacedShape(editor, shape.type, shape.props);
}

/** Writes some props of a shape from the outline (nothing when it is gone or read-only). */
export function updateShapeFromOutline(editor: Editor, id: string, props: Record<string, unknown>): void {
  const shape = editor.getShape(id as TLShapeId);
  if (shape) updateShapeProps(editor, shape, props as Partial<typeof shape.props>);
}
