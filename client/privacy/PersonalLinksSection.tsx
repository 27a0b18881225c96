import { useCallback, useEffect, useState } from 'react';
import type { CreatedPersonalLink, PersonalLinkInfo } from '../../shared/protocol/index.ts';
import { privacyApi } from './privacyApi.ts';
import { R } from '../ruby/index.ts';
import { usePrivacyTexts } from './texts.ts';

const DAY_MS = 24 * 3600_000;
/** Expiry choices, in days (0: none): a list is plainer than a date-time field in any language. */
const EXPIRY_DAYS = [0, 1, 7, 30, 90, 365] as const;

/** Issue a link per person, list them with their last use, stop one. */
export function PersonalLinksSection(props: { boardId: string; token: string }) {
  const { tx, dateTime } = usePrivacyTexts();
  const [links, setLinks] = useState<PersonalLinkInfo[] | undefined>();
  const [name, setName] = useState('');
  const [role, setRole] = useState<'edit' | 'view'>('edit');
  const [expiryDays, setExpiryDays] = useState<number>(0);
  const [note, setNote] = useState('');
  const [issued, setIssued] = useState<CreatedPersonalLink | undefined>();
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await privacyApi.links(props.boardId, props.token);
    if (r.ok) setLinks(r.value);
    else setMessage(r.message);
  }, [props.boardId, props.token]);
  useEffect(() => {
    void load();
  }, [load]);

  const issue = async () => {
    setBusy(true);
    setMessage(undefined);
    const r = await privacyApi.issueLink(props.boardId, props.token, {
      name,
      role,
      ...(expiryDays > 0 ? { expiresAt: new Date(Date.now() + expiryDays * DAY_MS).toISOString() } : {}),
      ...(note.trim() ? { note } : {}),
    });
    setBusy(false);
    if (!r.ok) return setMessage(r.message);
    setIssued(r.value);
    setCopied(false);
    setName('');
    setNote('');
    await load();
  };
  const revoke = async (id: string) => {
    const r = await privacyApi.revokeLink(props.boardId, props.token, id);
    setMessage(r.ok ? tx.linkRevokedNow : r.message);
    await load();
  };
  const now = Date.now();
  const expiryLabel: Record<(typeof EXPIRY_DAYS)[number], string> = {
    0: tx.linkExpiresNever,
    1: tx.linkExpiresDay,
    7: tx.linkExpiresWeek,
    30: tx.linkExpiresMonth,
    90: tx.linkExpiresQuarter,
    365: tx.linkExpiresYear,
  };

  return (
    <section aria-label={tx.tabLinks} data-testid="personal-links">
      <p><R>{tx.linksIntro}</R></p>
      <form
        className="rb-privacy__form"
        onSubmit={(e) => {
          e.preventDefault();
          void issue();
        }}
      >
        <div className="rb-field">
          <label htmlFor="rb-pl-name"><R>{tx.linkName}</R></label>
          <input id="rb-pl-name" required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} data-testid="personal-link-name" />
        </div>
        <div className="rb-field">
          <label htmlFor="rb-pl-role"><R>{tx.linkRole}</R></label>
          <select id="rb-pl-role" value={role} onChange={(e) => setRole(e.target.value === 'view' ? 'view' : 'edit')}>
            <option value="edit">{tx.linkRoleEdit}</option>
            <option value="view">{tx.linkRoleView}</option>
          </select>
        </div>
        <div className="rb-field">
          <label htmlFor="rb-pl-expires"><R>{tx.linkExpires}</R></label>
          <select id="rb-pl-expires" value={expiryDays} onChange={(e) => setExpiryDays(Number(e.target.value))}>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {expiryLabel[d]}
              </option>
            ))}
          </select>
        </div>
        <div className="rb-field">
          <label htmlFor="rb-pl-note"><R>{tx.linkNote}</R></label>
          <input id="rb-pl-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" disabled={busy || name.trim() === ''} data-testid="personal-link-issue">
          <R>{tx.linkIssue}</R>
        </button>
      </form>
      {issued && (
        <div className="rb-field rb-privacy__issued" role="status">
          <p><R>{tx.linkIssued}</R></p>
          <div className="rb-row">
            <input readOnly aria-label={issued.name} value={issued.link} onFocus={(e) => e.currentTarget.select()} data-testid="personal-link-issued" />
            <button
              type="button"
              onClick={() => {
                void navigator.clipboard?.writeText(issued.link).catch(() => undefined);
                setCopied(true);
              }}
            >
              <R>{copied ? tx.linkCopied : tx.linkCopy}</R>
            </button>
          </div>
        </div>
      )}
      {message && <p role="status"><R>{message}</R></p>}
      {links === undefined ? (
        <p><R>{tx.loading}</R></p>
      ) : links.length === 0 ? (
        <p><R>{tx.linksEmpty}</R></p>
      ) : (
        <ul className="rb-privacy__list" data-testid="personal-link-list">
          {links.map((l) => {
            const expired = l.expiresAt !== null && Date.parse(l.expiresAt) <= now;
            return (
              <li key={l.id} className={l.revokedAt || expired ? 'is-stopped' : undefined}>
                <div className="rb-privacy__line">
                  <strong>{l.name}</strong>
                  <span className="rb-role"><R>{l.role === 'edit' ? tx.linkRoleEdit : tx.linkRoleView}</R></span>
                  {l.revokedAt && <span className="rb-badge"><R>{tx.linkRevoked}</R></span>}
                  {!l.revokedAt && expired && <span className="rb-badge"><R>{tx.linkExpired}</R></span>}
                </div>
                <div className="rb-privacy__meta">
                  <R>{tx.linkLastUsed}</R>: {l.lastUsedAt ? dateTime(l.lastUsedAt) : <R>{tx.linkNeverUsed}</R>}
                  {l.expiresAt && (
                    <>
                      {' ・ '}
                      <R>{tx.linkExpiresAt}</R>: {dateTime(l.expiresAt)}
                    </>
                  )}
                  {l.note && ` ・ ${l.note}`}
                </div>
                {!l.revokedAt && !expired && (
                  <button type="button" className="rb-danger" onClick={() => void revoke(l.id)}>
                    <R>{tx.linkRevoke}</R>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
