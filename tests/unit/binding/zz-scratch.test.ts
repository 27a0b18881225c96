// @vitest-environment jsdom
import { it, expect } from 'vitest';
import { Editor, createTLStore, defaultShapeUtils, defaultBindingUtils, createShapeId } from 'tldraw';
it('editor', () => {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
  const editor = new Editor({ store, shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils, tools: [], getContainer: () => document.body });
  editor.markHistoryStoppingPoint();
  editor.createShape({ id: createShapeId('a'), type: 'geo', x: 0, y: 0 });
  console.log(store.allRecords().map(r => r.id + ' ' + r.typeName));
  editor.undo();
  console.log(editor.getCurrentPageShapes().length);
  editor.dispose();
});
