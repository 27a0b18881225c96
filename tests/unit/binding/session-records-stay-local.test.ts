// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import {
  CameraRecordType,
  createUserId,
  createShapeId,
  defaultBindingUtils,
  defaultShapeUtils,
  Editor,
  InstancePresenceRecordType,
} from 'tldraw';
import { recordsMap, type StoredRecord } from '../../../shared/doc/index.ts';
import { createPeers, documentRecords, PAGE_ID } from './harness.ts';

const DOCUMENT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset', 'user']);
const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.dispose();
});

describe('session and presence records never reach the doc', () => {
  it('keeps camera, selection, instance and pointer per participant', () => {
    const peers = createPeers();
    const editor = new Editor({
      store: peers.storeA,
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      tools: [],
      getContainer: () => document.body,
    });
    editors.push(editor);
    const id = createShapeId('selected');
    editor.createShape({ id, type: 'geo', x: 0, y: 0 });
    editor.select(id);
    editor.setCamera({ x: 120, y: -40, z: 2 });
    editor.updateInstanceState({ isGridMode: true });
    editor.updatePointer({ point: { x: 33, y: 44 } as never });
    peers.storeA.put([
      InstancePresenceRecordType.create({
        id: InstancePresenceRecordType.createId('peer'),
        currentPageId: PAGE_ID,
        userId: createUserId('u1'),
        userName: '田中',
      }),
    ]);
    peers.flush();

    const types = [...recordsMap(peers.a).values()].map((r: StoredRecord) => r.typeName);
    expect(types).toContain('shape');
    expect(types.filter((t) => !DOCUMENT_TYPES.has(t))).toEqual([]);
    // B sees the shape but keeps its own camera and selection.
    expect(peers.storeB.has(id)).toBe(true);
    expect(peers.storeB.get(CameraRecordType.createId(PAGE_ID))).toMatchObject({ x: 0, y: 0, z: 1 });
    expect(peers.storeB.get('instance_page_state:page:page' as never)).toMatchObject({ selectedShapeIds: [] });
    expect(documentRecords(peers.storeB)).toEqual(documentRecords(peers.storeA));
  });

  it('ignores a session record that a remote put into the doc', () => {
    const reports: string[] = [];
    const peers = createPeers({ onInvalidRecord: (r) => reports.push(`${r.key} ${r.reason}`) });
    const cameraId = CameraRecordType.createId(PAGE_ID);
    const ownCamera = peers.storeB.get(cameraId);
    expect(ownCamera).toBeDefined();
    const foreign = CameraRecordType.create({ id: cameraId, x: 999, y: 999, z: 4 });
    peers.bindingA.dispose(); // A stands for a rogue client writing to the doc directly
    peers.a.transact(() => recordsMap(peers.a).set(foreign.id, foreign as unknown as StoredRecord));
    expect(peers.storeB.get(cameraId)).toEqual(ownCamera);
    expect(reports).toEqual([`${cameraId} not-document-scoped`]);
  });
});
