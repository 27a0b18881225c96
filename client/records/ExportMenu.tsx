import { useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import { extractCase } from '../../shared/records/index.ts';
import type { StoredRecord } from '../../shared/doc/index.ts';
import { fetchWithToken } from '../lib/api.ts';
import { downloadBlob, safeFileName } from './download.ts';
import { pngExportSize } from './exportSize.ts';
import { useRecordTexts } from './texts.ts';
import { R } from '../ruby/index.ts';

type Format = 'tldr' | 'png' | 'svg' | 'json';

const PADDING = 32;

/**
 * Exports of the board on screen (or of a record): the tldraw file from the server, PNG
 * and SVG of the whole current page drawn by tldraw in the browser, and the domain items.
 * `tldrPath` is the server path of the .tldr export.
 */
export function ExportMenu({ editor, title, tldrPath, token }: { editor: Editor | null; title: string; tldrPath: string; token: string }) {
  const t = useRecordTexts();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Seconds since the export began, told in a polite live region: tldraw reports no progress of
  // its own, and a big board takes a moment (bench/results/export-latest.md).
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (busy === null) return;
    setElapsed(0);
    const started = performance.now();
    const timer = window.setInterval(() => setElapsed(Math.floor((performance.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [busy]);
  const name = safeFileName(title);

  const run = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      if (format === 'tldr') {
        const res = await fetchWithToken(tldrPath, token);
        if (!res.ok) throw new Error(String(res.status));
        downloadBlob(await res.blob(), `${name}.tldr`);
      } else if (editor) {
        const ids = [...editor.getCurrentPageShapeIds()];
        if (format === 'png') {
          const bounds = editor.getCurrentPageBounds();
          const size = pngExportSize(bounds?.w ?? 0, bounds?.h ?? 0, PADDING);
          const { blob } = await editor.toImage(ids, { format: 'png', background: true, padding: PADDING, ...size });
          downloadBlob(blob, `${name}.png`);
        } else if (format === 'svg') {
          const svg = await editor.getSvgString(ids, { background: true, padding: PADDING });
          if (!svg) throw new Error('empty');
          downloadBlob(new Blob([svg.svg], { type: 'image/svg+xml' }), `${name}.svg`);
        } else {
          const content = extractCase(editor.store.allRecords() as unknown as StoredRecord[]);
          downloadBlob(new Blob([JSON.stringify({ title, exportedAt: new Date().toISOString(), content }, null, 2)], { type: 'application/json' }), `${name}.json`);
        }
      }
    } catch (err) {
      setError(`${t('error')} (${(err as Error).message})`);
    } finally {
      setBusy(null);
    }
  };

  const items: [Format, string][] = [
    ['tldr', t('exportTldr')],
    ['png', t('exportPng')],
    ['svg', t('exportSvg')],
    ['json', t('exportJson')],
  ];
  return (
    <section className="rb-panel" aria-labelledby="rb-export-h">
      <h2 id="rb-export-h"><R>{t('exportHeading')}</R></h2>
      <div className="rb-button-list" aria-busy={busy !== null}>
        {items.map(([f, label]) => (
          <button key={f} type="button" onClick={() => void run(f)} disabled={busy !== null || (f !== 'tldr' && !editor)} data-testid={`export-${f}`}>
            <R>{busy === f ? t('exporting') : label}</R>
          </button>
        ))}
      </div>
      <p role="status" className="rb-hint" data-testid="export-status">
        <R>{busy !== null ? t('exportingFor').replace('{s}', String(elapsed)) : ''}</R>
      </p>
      {error && (
        <p className="rb-error" role="alert">
          <R>{error}</R>
        </p>
      )}
    </section>
  );
}
