import { useId, useState } from 'react';
import { TldrawFileSchema, Paths } from '../../shared/protocol/index.ts';
import { recordsApi } from '../lib/api.ts';
import { rememberBoard } from '../lib/localBoards.ts';
import { R } from '../ruby/index.ts';
import { useRecordTexts } from './texts.ts';

/** Import a `.tldr` file into a new board (checked and migrated by the server). */
export function ImportBoard({ navigate }: { navigate(href: string): void }) {
  const t = useRecordTexts();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const parsed = TldrawFileSchema.safeParse(JSON.parse(await file.text()));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid file');
      const r = await recordsApi.importBoard({ title: file.name.replace(/\.tldr$/i, '').slice(0, 200) || undefined, file: parsed.data });
      if (!r.ok) throw new Error(r.message);
      rememberBoard({ id: r.value.id, title: r.value.title, tokens: r.value.tokens });
      navigate(Paths.board(r.value.id, r.value.tokens.owner));
    } catch (err) {
      setError(`${t('importFailed')}: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rb-card" aria-labelledby={`${id}-h`} aria-busy={busy}>
      <h2 id={`${id}-h`}><R>{t('importHeading')}</R></h2>
      <label htmlFor={id}><R>{t('importLabel')}</R></label>
      <input id={id} type="file" accept=".tldr,application/json" disabled={busy} onChange={(e) => void onFile(e.target.files?.[0])} data-testid="import-file" />
      {busy && <p role="status"><R>{t('importing')}</R></p>}
      {error && (
        <p className="rb-error" role="alert">
          <R>{error}</R>
        </p>
      )}
    </section>
  );
}
