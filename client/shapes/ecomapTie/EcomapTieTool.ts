import { StateNode, createShapeId, type TLShapeId } from 'tldraw';
import { ECOMAP_TIE_TYPE, ecomapTieDefaults } from '../../../shared/shapes/index.ts';

const MIN_DRAG = 8;

/** Draws a tie: press where it starts and drag to where it ends (a click gives the default length). */
export class EcomapTieTool extends StateNode {
  static override id = ECOMAP_TIE_TYPE;
  private creating: { id: TLShapeId; x: number; y: number } | null = null;

  override onEnter(): void {
    this.editor.setCursor({ type: 'cross', rotation: 0 });
  }

  override onPointerDown(): void {
    if (this.editor.getIsReadonly()) return;
    const { x, y } = this.editor.inputs.getCurrentPagePoint();
    const id = createShapeId();
    this.editor.markHistoryStoppingPoint('rb-tie-create');
    this.editor.createShape({ id, type: ECOMAP_TIE_TYPE, x, y, props: { end: { x: 0.1, y: 0 } } });
    this.creating = { id, x, y };
  }

  override onPointerMove(): void {
    if (!this.creating) return;
    const { x, y } = this.editor.inputs.getCurrentPagePoint();
    this.editor.updateShape({ id: this.creating.id, type: ECOMAP_TIE_TYPE, props: { end: { x: x - this.creating.x, y: y - this.creating.y } } });
  }

  override onPointerUp(): void {
    if (!this.creating) return;
    const { id, x, y } = this.creating;
    this.creating = null;
    const p = this.editor.inputs.getCurrentPagePoint();
    if (Math.hypot(p.x - x, p.y - y) < MIN_DRAG) {
      this.editor.updateShape({ id, type: ECOMAP_TIE_TYPE, props: { end: ecomapTieDefaults().end } });
    }
    this.editor.select(id);
    this.editor.setCurrentTool('select');
  }

  override onCancel(): void {
    if (this.creating) this.editor.deleteShape(this.creating.id);
    this.creating = null;
    this.editor.setCurrentTool('select');
  }
}
