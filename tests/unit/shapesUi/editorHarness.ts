import { Editor, createTLStore, defaultBindingUtils, defaultShapeUtils, defaultTools, defaultShapeTools, type TLShapeId } from 'tldraw';
import { renkeiShapeUtils, renkeiTools } from '../../../client/shapes/index.ts';

/** A real tldraw Editor over our shapes, in jsdom, like tldraw's own tests build one. */
export function makeEditor(): Editor {
  const shapeUtils = [...defaultShapeUtils, ...renkeiShapeUtils];
  const container = document.createElement('div');
  document.body.appendChild(container);
  return new Editor({
    store: createTLStore({ shapeUtils, bindingUtils: defaultBindingUtils }),
    shapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools, ...renkeiTools],
    getContainer: () => container,
    initialState: 'select',
  });
}

/** The id of the only shape of `type` on the current page created after `before`. */
export function newShapeIds(editor: Editor, before: ReadonlySet<TLShapeId>, type: string): TLShapeId[] {
  return editor
    .getCurrentPageShapes()
    .filter((s) => s.type === type && !before.has(s.id))
    .map((s) => s.id);
}
