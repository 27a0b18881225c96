import { R } from '../ruby/index.ts';
import { useState } from 'react';
import { fetchWithToken, workshopApi, type SavedGroupRecords } from '../lib/api.ts';
import { useWorkshopTexts } from './texts.ts';

/** End of session: one action saves a record of every group; then all minutes open for printing. */
export function SessionEndPanel({ workshopId, title, token }: { workshopId: string; title: string; token: string }) {
  const tx = useWorkshopTexts();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ at: Date; records: SavedGroupRecords } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<string | null>(null);

  const saveAll = async () => {
    setBusy(true);
    setError(null);
    const at = new Date();
    const r = await workshopApi.saveRecords(workshopId, token, `${title} ${at.toLocaleDateString('ja-JP')}`.slice(0, 200));
    setBusy(false);
    if (!r.ok) return setError(tx('endFailed', { message: r.message }));
    setSaved({ at, records: r.value });
  };

  const openMinutes = async () => {
    setError(null);
    // Open the tab inside the click, so that pop-up blockers let it through.
    const tab = window.open('', '_blank');
    try {
      const res = await fetchWithToken(workshopApi.minutesPath(workshopId), token);
      if (!res.ok) throw new Error(`${res.status}`);
      const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' }));
      setDownload(url);
      if (tab) tab.location.href = url;
    } catch (err) {
      tab?.close();
      setError(tx('endFailed', { message: (err as Error).message }));
    }
  };

  return (
    <section className="rb-card" aria-labelledby="rb-ws-end-h" data-testid="ws-end-panel">
      <h2 id="rb-ws-end-h"><R>{tx('endHeading')}</R></h2>
      <div className="rb-button-list">
        <button type="button" className="rb-primary" disabled={busy} onClick={() => void saveAll()} data-testid="ws-save-all">
          {busy ? tx('endSaving') : tx('endSaveAll')}
        </button>
        <button type="button" onClick={() => void openMinutes()} data-testid="ws-open-minutes">
          {tx('endMinutes')}
        </button>
        {download && (
          <a href={download} download={`${title}.html`}>
            {tx('endMinutesDownload')}
          </a>
        )}
      </div>
      <div role="status" aria-live="polite">
        {saved && (
          <>
            <p className="rb-ws-toast" data-testid="ws-saved">
              {tx('endSaved', { n: saved.records.length, time: saved.at.toLocaleTimeString() })}
            </p>
            <ul className="rb-ws-saved">
              {saved.records.map((r) => (
                <li key={r.record.id}>{r.group}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {error && (
        <p className="rb-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
