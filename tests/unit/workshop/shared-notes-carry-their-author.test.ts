// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  Editor,
  createShapeId,
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeTools,
  defaultShapeUtils,
  defaultTools,
  tipTapDefaultExtensions,
  toRichText,
  type TLContent,
  type TLShape,
} from 'tldraw';
import { recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { boardSchema } from '../../../shared/schema/index.ts';
import { baseRecords, findTemplate } from '../../../shared/templates/index.ts';
import { initialBoardState } from '../../../server/boards/boardDocument.ts';
import { renkeiShapeUtils, renkeiTools } from '../../../client/shapes/index.ts';
import { YjsStoreBinding } from '../../../client/sync/index.ts';
import { authorOf, sharedNotes, stampAuthor } from '../../../client/workshop/shareContent.ts';

const author = { name: '山田 花子', role: 'caremanager' };

function shape(id: string, meta: Record<string, unknown> = {}, parentId = 'page:page'): TLShape {
  return { id: createShapeId(id), typeName: 'shape', type: 'note', x: 0, y: 0, rotation: 0, index: 'a1', parentId, isLocked: false, opacity: 1, meta, props: { richText: toRichText(id) } } as unknown as TLShape;
}

function content(shapes: TLShape[]): TLContent {
  return { shapes, bindings: [], rootShapeIds: [shapes[0]!.id], assets: [], schema: boardSchema().serialize() };
}

describe('stamping the author on shared content', () => {
  it('stamps every shape, children included, without touching the input', () => {
    const frame = shape('frame');
    const child = shape('child', { colour: 'keep me' }, frame.id);
    const input = content([frame, child]);
    const frozen = structuredClone(input);
    const out = stampAuthor(input, author);
    expect(input).toEqual(frozen);
    expect(out.shapes.map((s) => authorOf(s.meta))).toEqual([author, author]);
    expect(out.shapes[1]!.meta).toEqual({ colour: 'keep me', author });
    expect(out.rootShapeIds).toEqual(input.rootShapeIds);
    expect(out.schema).toBe(input.schema);
  });

  it('keeps the author of a note someone else wrote', () => {
    const theirs = shape('theirs', { author: { name: '本人', role: 'client' } });
    const out = stampAuthor(content([theirs, shape('mine')]), author);
    expect(out.shapes.map((s) => authorOf(s.meta)?.name)).toEqual(['本人', '山田 花子']);
  });

  it('reads only well-formed authors', () => {
    expect(authorOf({ author: { name: 'A' } })).toEqual({ name: 'A', role: '' });
    expect(authorOf({ author: { name: '' } })).toBeUndefined();
    expect(authorOf({ author: 'A' })).toBeUndefined();
    expect(authorOf(null)).toBeUndefined();
  });

  it('lists shared notes with author and a line of text', () => {
    const list = sharedNotes([shape('plain'), shape('shared', { author })]);
    expect(list).toEqual([{ id: 'shape:shared', author, text: 'shared' }]);
  });
});

/** A board as a client holds it: a doc seeded like the server's, a store on the board schema, the binding and an editor. */
function clientBoard(records: Parameters<typeof initialBoardState>[0]['records']) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialBoardState({ title: 't', template: 't', records }));
  const shapeUtils = [...defaultShapeUtils, ...renkeiShapeUtils];
  const store = createTLStore({ schema: boardSchema(), shapeUtils, bindingUtils: defaultBindingUtils });
  const binding = new YjsStoreBinding({ doc, store, canWrite: true, logger: { warn: () => {}, error: () => {} } as never });
  const container = document.createElement('div');
  document.body.appendChild(container);
  const editor = new Editor({ store, shapeUtils, bindingUtils: defaultBindingUtils, tools: [...defaultTools, ...defaultShapeTools, ...renkeiTools], getContainer: () => container, initialState: 'select',
    // As <Tldraw> sets them: notes carry rich text.
    options: { text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } } },
  });
  return { doc, store, binding, editor };
}

describe('「選んだメモをグループに出す」 between two real boards', () => {
  const boards: ReturnType<typeof clientBoard>[] = [];
  afterEach(() => {
    for (const b of boards.splice(0)) {
      b.editor.dispose();
      b.binding.dispose();
      b.doc.destroy();
    }
  });

  it('copies the selected notes (not the others) into the group document with their author; the private document keeps its own', () => {
    const priv = clientBoard(baseRecords('個人ワーク'));
    const template = findTemplate('exercise-1');
    expect(template).toBeDefined();
    const group = clientBoard(template!.build());
    boards.push(priv, group);

    const [a, b, secret] = [createShapeId('idea-a'), createShapeId('idea-b'), createShapeId('secret')];
    priv.editor.createShapes([
      { id: a, type: 'note', x: 0, y: 0, props: { richText: toRichText('本人は自宅での生活を続けたい') } },
      { id: b, type: 'note', x: 240, y: 0, props: { richText: toRichText('65歳の前に要介護認定を申請') } },
      { id: secret, type: 'note', x: 480, y: 0, props: { richText: toRichText('まだ言えない気がかり') } },
    ]);
    priv.binding.flush();
    priv.editor.select(a, b);

    const copied = priv.editor.getContentFromCurrentPage(priv.editor.getSelectedShapeIds());
    expect(copied?.rootShapeIds).toHaveLength(2);
    const groupShapesBefore = new Set(group.editor.getCurrentPageShapeIds());
    group.editor.putContentOntoCurrentPage(stampAuthor(copied!, author), { select: true });
    group.binding.flush();

    // The group board: two new notes, selected, new ids, the author in meta — in the editor and in the Y.Doc the server relays.
    const added = group.editor.getCurrentPageShapes().filter((s) => !groupShapesBefore.has(s.id));
    expect(added).toHaveLength(2);
    expect(new Set(group.editor.getSelectedShapeIds())).toEqual(new Set(added.map((s) => s.id)));
    expect(added.some((s) => s.id === a || s.id === b)).toBe(false);
    const inDoc = added.map((s) => recordsMap(group.doc).get(s.id) as StoredRecord & { meta: unknown; props: { richText: unknown } });
    expect(inDoc.map((r) => authorOf(r.meta))).toEqual([author, author]);
    expect(sharedNotes(group.editor.getCurrentPageShapes()).map((n) => n.text).sort()).toEqual(['65歳の前に要介護認定を申請', '本人は自宅での生活を続けたい']);
    // What was not selected never reaches the group document.
    expect(JSON.stringify([...recordsMap(group.doc).values()])).not.toContain('まだ言えない気がかり');

    // The private notes stay as they were: no author stamped at home.
    priv.binding.flush();
    for (const id of [a, b, secret]) expect(authorOf((recordsMap(priv.doc).get(id) as unknown as { meta: unknown }).meta)).toBeUndefined();
  });
});
