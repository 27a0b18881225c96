import { useState } from 'react';
import { forgetBoard } from '../lib/localBoards.ts';
import { privacyApi } from './privacyApi.ts';
import { R } from '../ruby/index.ts';
import { usePrivacyTexts } from './texts.ts';

/** Delete the board for good, once its title is typed again. */
export function DeleteBoardSection(props: { boardId: string; token: string; title: string; onDeleted(): void }) {
  const { tx, fill } = usePrivacyTexts();
  const [typed, setTyped] = useState('');
  const [keepRecords, setKeepRecords] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const matches = typed.normalize('NFC').trim() === props.title.normalize('NFC').trim();

  const remove = async () => {
    if (!matches) return setMessage(tx.deleteMismatch);
    setBusy(true);
    const r = await privacyApi.deleteBoard(props.boardId, props.token, typed, keepRecords);
    setBusy(false);
    if (!r.ok) return setMessage(r.message);
    forgetBoard(props.boardId);
    props.onDeleted();
  };

  return (
    <section aria-label={tx.tabDelete} data-testid="delete-board">
      <p><R>{tx.deleteIntro}</R></p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void remove();
        }}
      >
        <div className="rb-field">
          <label htmlFor="rb-delete-confirm"><R>{fill(tx.deleteConfirmLabel, { title: props.title })}</R></label>
          <input id="rb-delete-confirm" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-confirm" />
        </div>
        <label className="rb-check">
          <input type="checkbox" checked={keepRecords} onChange={(e) => setKeepRecords(e.target.checked)} /> <R>{tx.deleteKeepRecords}</R>
        </label>
        <button type="submit" className="rb-danger" disabled={busy || !matches} data-testid="delete-board-button">
          <R>{busy ? tx.deleting : tx.deleteButton}</R>
        </button>
      </form>
      {message && <p role="alert"><R>{message}</R></p>}
    </section>
  );
}
