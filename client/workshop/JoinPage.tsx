import { R } from '../ruby/index.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiErrorCode, type JoinInfo, Paths } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { workshopApi } from '../lib/api.ts';
import { loadIdentity, newUserId, saveIdentity } from '../lib/identity.ts';
import { roleOptions } from '../lib/roles.ts';
import { membershipByCode, saveMembership } from './localWorkshops.ts';
import { useWorkshopTexts, type WorkshopTextKey } from './texts.ts';
import './workshop.css';

type Load = { kind: 'loading' } | { kind: 'error'; message: WorkshopTextKey } | { kind: 'ready'; info: JoinInfo };

/** `/j/<code>`: see the workshop, choose the group, name and role, and enter the group's board. */
export function JoinPage({ code, navigate }: { code: string; navigate(href: string): void }) {
  const tx = useWorkshopTexts();
  const { locale, t } = useI18n();
  const label = useWorkshopLabels();
  const normalized = code.trim().toUpperCase();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [identity] = useState(loadIdentity);
  const [group, setGroup] = useState<number | null>(null);
  const [name, setName] = useState(identity?.name ?? '');
  const [role, setRole] = useState(identity?.role ?? 'soudan');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const previous = membershipByCode(normalized);
  const ids = { name: useId(), role: useId(), err: useId() };

  useEffect(() => {
    let live = true;
    void workshopApi.joinInfo(normalized).then((r) => {
      if (!live) return;
      if (r.ok) setLoad(r.value.joinOpen ? { kind: 'ready', info: r.value } : { kind: 'error', message: 'joinClosed' });
      else setLoad({ kind: 'error', message: r.status === 404 || r.status === 400 ? 'joinCodeUnknown' : r.status === 429 ? 'joinTooMany' : 'network' });
    });
    return () => {
      live = false;
    };
  }, [normalized]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (load.kind !== 'ready') return;
    const trimmed = name.trim();
    if (!trimmed) return setError(tx('joinNameRequired'));
    const chosen = group ?? load.info.groups[0]?.index ?? 0;
    setBusy(true);
    setError(null);
    const r = await workshopApi.join({ code: normalized, group: chosen, name: trimmed.slice(0, 60), role });
    setBusy(false);
    if (!r.ok) return setError(r.code === ApiErrorCode.JoiningClosed ? tx('joinClosed') : r.status === 429 ? tx('joinTooMany') : r.status === 404 ? tx('joinCodeUnknown') : r.message);
    saveIdentity({ id: identity?.id ?? newUserId(), name: trimmed.slice(0, 60), role });
    saveMembership({ ...r.value, title: load.info.title, joinCode: normalized, joinedAt: new Date().toISOString() });
    navigate(Paths.workshopGroup(r.value.workshopId));
  };

  if (load.kind === 'loading') {
    return (
      <p className="rb-centered" role="status">
        {t('loading')}
      </p>
    );
  }
  if (load.kind === 'error') {
    return (
      <main className="rb-centered">
        <div className="rb-card">
          <p role="alert"><R>{tx(load.message)}</R></p>
          {previous && (
            <p>
              {tx('joinAlready')} <a href={Paths.workshopGroup(previous.workshopId)}><R>{tx('joinContinue')}</R></a>
            </p>
          )}
          <a href="/"><R>{tx('backHome')}</R></a>
        </div>
      </main>
    );
  }
  return (
    <main className="rb-centered">
      <form className="rb-card rb-ws-form" onSubmit={(e) => void submit(e)} aria-labelledby="rb-ws-join-h" aria-busy={busy} noValidate data-testid="ws-join-form">
        <h1 id="rb-ws-join-h"><R>{tx('joinHeading')}</R></h1>
        <p data-testid="ws-join-title">
          <strong>{load.info.title}</strong> <span className="rb-tag">{normalized}</span>
        </p>
        {previous && (
          <p className="rb-ws-note">
            {tx('joinAlready')} <a href={Paths.workshopGroup(previous.workshopId)}><R>{tx('joinContinue')}</R></a>
          </p>
        )}
        <fieldset className="rb-ws-groups-choice">
          <legend><R>{tx('joinGroup')}</R></legend>
          {load.info.groups.map((g) => (
            <label key={g.index}>
              <input type="radio" name="group" value={g.index} checked={(group ?? load.info.groups[0]?.index) === g.index} onChange={() => setGroup(g.index)} data-testid={`ws-join-group-${g.index}`} />
              {label.group(g.name)}
            </label>
          ))}
        </fieldset>
        <div className="rb-field">
          <label htmlFor={ids.name}><R>{tx('joinName')}</R></label>
          <input
            id={ids.name}
            value={name}
            maxLength={60}
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.err : undefined}
            data-testid="ws-join-name"
          />
        </div>
        <div className="rb-field">
          <label htmlFor={ids.role}><R>{tx('joinRole')}</R></label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value)} data-testid="ws-join-role">
            {roleOptions(locale).map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rb-primary" disabled={busy} data-testid="ws-join-submit">
          {busy ? tx('joining') : tx('joinSubmit')}
        </button>
        {error && (
          <p id={ids.err} className="rb-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
