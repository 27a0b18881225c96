import { forwardRef, useCallback, useSyncExternalStore } from 'react';
import { DefaultShapeWrapper, react, useEditor, type Editor, type TLShapeId, type TLShapeWrapperProps } from 'tldraw';

/**
 * Drawing a shape's content once it is first in view, instead of for every shape at once.
 *
 * tldraw renders every shape of the page (its SVG body, its label's HTML, their hooks) and
 * hides the ones outside the viewport (`editor.getCulledShapes()`) with `display: none`. On
 * a board of 2,000 shapes most of that work, about a second of a cold open, is for shapes
 * nobody sees yet. This wrapper, tldraw's `ShapeWrapper` component, renders tldraw's own
 * wrapper element always (position, size, culling and data attributes stay tldraw's) and
 * its content from the first time the shape is not culled: in view, selected or being
 * edited. From then on the content stays mounted, so later culling is tldraw's as before.
 *
 * A shape coming into view (a pan, a zoom, select-all) is revealed by one reactor per
 * editor and redrawn through `useSyncExternalStore`, which React renders synchronously, in
 * the same task as the camera change, so it is drawn in the frame it comes into view.
 * Nothing else depends on the DOM of off-screen shapes: geometry, hit-testing, selection,
 * export and text measurement all work from the store.
 */
class ShapeContentGate {
  private readonly revealed = new Set<TLShapeId>();
  private readonly waiting = new Map<TLShapeId, Set<() => void>>();
  private stop: (() => void) | undefined;

  constructor(private readonly editor: Editor) {}

  /** Whether the shape's content is drawn: it has been out of the culled set at least once. */
  isRevealed(id: TLShapeId): boolean {
    if (this.revealed.has(id)) return true;
    if (this.editor.getCulledShapes().has(id)) return false;
    this.revealed.add(id);
    return true;
  }

  /** Calls `onReveal` when the shape is no longer culled (once), until unsubscribed. */
  subscribe(id: TLShapeId, onReveal: () => void): () => void {
    if (this.revealed.has(id)) return () => {};
    let listeners = this.waiting.get(id);
    if (!listeners) this.waiting.set(id, (listeners = new Set()));
    listeners.add(onReveal);
    this.start();
    return () => {
      const current = this.waiting.get(id);
      current?.delete(onReveal);
      if (current?.size === 0) this.waiting.delete(id);
    };
  }

  /** One reactor for all the waiting shapes, running while the editor lives. */
  private start(): void {
    if (this.stop || this.editor.isDisposed) return;
    this.stop = react('renkei: reveal shapes coming into view', () => {
      const culled = this.editor.getCulledShapes();
      for (const [id, listeners] of this.waiting) {
        if (culled.has(id)) continue;
        this.revealed.add(id);
        this.waiting.delete(id);
        for (const onReveal of listeners) onReveal();
      }
    });
    this.editor.disposables.add(() => {
      this.stop?.();
      this.waiting.clear();
    });
  }
}

const gates = new WeakMap<Editor, ShapeContentGate>();

function gateFor(editor: Editor): ShapeContentGate {
  let gate = gates.get(editor);
  if (!gate) gates.set(editor, (gate = new ShapeContentGate(editor)));
  return gate;
}

/** tldraw's shape wrapper, its content rendered from the first time the shape is in view. */
export const DeferredShapeWrapper = forwardRef<HTMLDivElement, TLShapeWrapperProps>(function DeferredShapeWrapper({ children, ...props }, ref) {
  const editor = useEditor();
  const id = props.shape.id;
  const gate = gateFor(editor);
  const subscribe = useCallback((onReveal: () => void) => gate.subscribe(id, onReveal), [gate, id]);
  const isRevealed = useCallback(() => gate.isRevealed(id), [gate, id]);
  const revealed = useSyncExternalStore(subscribe, isRevealed, isRevealed);
  return (
    <DefaultShapeWrapper ref={ref} {...props}>
      {revealed ? children : null}
    </DefaultShapeWrapper>
  );
});
