import { R } from '../ruby/index.ts';
import { Paths } from '../../shared/protocol/index.ts';
import { useEffect, useMemo, useState } from 'react';
import { Tldraw, createTLStore, defaultShapeUtils, type Editor, type TLRecord } from 'tldraw';
import 'tldraw/tldraw.css';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite.js';
import type { RecordInfo } from '../../shared/protocol/index.ts';
import { boardSchema } from '../../shared/schema/index.ts';
import { boardShapeUtils } from '../board/shapeUtils.ts';
import { useI18n } from '../i18n/index.ts';
import { fetchWithToken, recordsApi } from '../lib/api.ts';
import { tokenFromHash } from '../lib/links.ts';
import { rememberBoard } from '../lib/localBoards.ts';
import { MEETING_DETAILS_TYPE, type MeetingDetailsShape } from '../../shared/shapes/index.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { MeetingSummary } from './MeetingSummary.tsx';
import { openMinutes } from './minutes.ts';
import { useRecordTexts } from './texts.ts';

const assetUrls = getAssetUrlsByImport();

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; info: RecordInfo; records: TLRecord[] };

/** `/b/<boardId>/r/<recordId>#t=<token>`: a record, read-only, as the board was. */
export function RecordViewer({ boardId, recordId, navigate, settings }: { boardId: string; recordId: string; navigate(href: string): void; settings: React.ReactNode }) {
  const t = useRecordTexts();
  const { t: tt, locale } = useI18n();
  const [token] = useState(() => tokenFromHash(location.hash) ?? '');
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [forking, setForking] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      const info = await recordsApi.get(boardId, recordId, token);
      if (!info.ok) return live && setLoad({ kind: 'error', message: info.status === 404 ? tt('errorNotFound') : tt('errorUnauthorized') });
      const res = await fetchWithToken(`/api/boards/${boardId}/records/${recordId}/export.tldr`, token);
      if (!res.ok) return live && setLoad({ kind: 'error', message: tt('errorNetwork') });
      const file = (await res.json()) as { schema: unknown; records: TLRecord[] };
      const migrated = boardSchema().migrateStoreSnapshot({ store: Object.fromEntries(file.records.map((r) => [r.id, r])) as never, schema: file.schema as never });
      if (migrated.type === 'error') return live && setLoad({ kind: 'error', message: tt('readOnlySchema') });
      if (live) setLoad({ kind: 'ready', info: info.value, records: Object.values(migrated.value) as TLRecord[] });
    })();
    return () => {
      live = false;
    };
  }, [boardId, recordId, token, tt]);

  const store = useMemo(() => {
    if (load.kind !== 'ready') return null;
    const s = createTLStore({ schema: boardSchema(), shapeUtils: [...defaultShapeUtils, ...boardShapeUtils] });
    s.mergeRemoteChanges(() => s.put(load.records));
    return s;
  }, [load]);

  useEffect(() => {
    if (load.kind === 'ready') document.title = `${load.info.title} — ${tt('appName')}`;
  }, [load, tt]);

  const fork = async () => {
    setForking(true);
    const r = await recordsApi.fork(boardId, recordId, token);
    setForking(false);
    if (!r.ok) return;
    rememberBoard({ id: r.value.id, title: r.value.title, tokens: r.value.tokens });
    navigate(Paths.board(r.value.id, r.value.tokens.owner));
  };

  if (load.kind !== 'ready' || !store) {
    return (
      <>
        {settings}
        <main className="rb-centered">
          <div className="rb-card">
            <p role={load.kind === 'error' ? 'alert' : 'status'}>{load.kind === 'error' ? load.message : tt('loading')}</p>
            <a href="/">{tt('backHome')}</a>
          </div>
        </main>
      </>
    );
  }
  return (
    <div className="rb-board">
      <header className="rb-board__header">
        <h1 className="rb-board__title">{load.info.title}</h1>
        <p className="rb-readonly" role="note" data-testid="record-viewer-note">
          {t('viewerNote')}
        </p>
        <div className="rb-board__actions">
          {settings}
          <a href={Paths.board(boardId, token)}><R>{t('backToBoard')}</R></a>
        </div>
      </header>
      <div className="rb-board__body">
        <div className="rb-board__canvas" data-testid="board-canvas">
          <Tldraw
            store={store}
            assetUrls={assetUrls}
            shapeUtils={boardShapeUtils}
            onMount={(e) => {
              e.updateInstanceState({ isReadonly: true });
              e.zoomToFit();
              window.editor = e;
              setEditor(e);
            }}
          />
        </div>
        <aside className="rb-board__side">
          <section className="rb-panel">
            <button type="button" className="rb-link-button" onClick={() => void openMinutes(boardId, recordId, token, locale)} data-testid="viewer-minutes">
              {t('minutes')}
            </button>
            <button type="button" disabled={forking} onClick={() => void fork()} data-testid="record-fork">
              {forking ? t('forking') : t('fork')}
            </button>
          </section>
          <MeetingSummary details={load.info.meeting ?? (load.records.find((r): r is MeetingDetailsShape => r.typeName === 'shape' && r.type === MEETING_DETAILS_TYPE)?.props.details ?? null)} />
          {load.info.note && (
            <section className="rb-panel" aria-label={t('memo')}>
              <p className="rb-records__memo" data-testid="record-viewer-memo">
                {t('memo')}: {load.info.note}
              </p>
            </section>
          )}
          <ExportMenu editor={editor} title={load.info.title} tldrPath={`/api/boards/${boardId}/records/${recordId}/export.tldr`} token={token} />
        </aside>
      </div>
    </div>
  );
}
