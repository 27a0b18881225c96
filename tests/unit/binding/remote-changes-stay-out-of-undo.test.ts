// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createShapeId, defaultBindingUtils, defaultShapeUtils, Editor, type TLStore } from 'tldraw';
import { recordsMap } from '../../../shared/doc/index.ts';
import { createPeers, geoShape } from './harness.ts';

const editors: Editor[] = [];
function createEditor(store: TLStore): Editor {
  const editor = new Editor({
    store,
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: [],
    getContainer: () => document.body,
  });
  editors.push(editor);
  return editor;
}
afterEach(() => {
  for (const editor of editors.splice(0)) editor.dispose();
});

describe('remote changes do not enter the local undo stack', () => {
  it('undo removes the local shape and keeps the remote one', () => {
    const peers = createPeers();
    const editor = createEditor(peers.storeA);
    const localId = createShapeId('local');
    const remote = geoShape('remote', { x: 300 });

    editor.markHistoryStoppingPoint('before local shape');
    editor.createShape({ id: localId, type: 'geo', x: 10, y: 10 });
    peers.flush();
    expect(peers.storeB.has(localId)).toBe(true);

    peers.storeB.put([remote]);
    peers.flush();
    expect(editor.getShape(remote.id)).toBeDefined();

    editor.undo();
    expect(editor.getShape(localId)).toBeUndefined();
    expect(editor.getShape(remote.id)).toBeDefined();
    // The undo is a local change like any other, so it reaches the other client.
    peers.flush();
    expect(peers.storeB.has(localId)).toBe(false);
    expect(peers.storeB.has(remote.id)).toBe(true);

    editor.redo();
    peers.flush();
    expect(recordsMap(peers.b).has(localId)).toBe(true);
    expect(peers.storeB.has(localId)).toBe(true);
  });

  it('undo reverts the local edit of one shape, not a remote edit of another', () => {
    const peers = createPeers();
    const editor = createEditor(peers.storeA);
    const mine = geoShape('mine');
    const theirs = geoShape('theirs', { index: 'a2' });
    peers.storeB.put([mine, theirs]);
    peers.flush();
    expect(editor.canUndo()).toBe(false);

    editor.markHistoryStoppingPoint('before local move');
    editor.updateShape({ id: mine.id, type: 'geo', x: 50 });
    peers.flush();
    peers.storeB.update(theirs.id, (s) => ({ ...s, y: 80 }));
    peers.flush();

    editor.undo();
    expect(editor.getShape(mine.id)).toMatchObject({ x: 0 });
    expect(editor.getShape(theirs.id)).toMatchObject({ y: 80 });
    peers.flush();
    expect(peers.storeB.get(mine.id)).toMatchObject({ x: 0 });
    expect(peers.storeB.get(theirs.id)).toMatchObject({ y: 80 });
  });
});
