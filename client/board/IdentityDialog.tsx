import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.ts';
import { DEFAULT_ROLE, NAME_MAX, identityFrom, type Identity } from '../lib/identity.ts';
import { roleOptions } from '../lib/roles.ts';
import { R } from '../ruby/index.ts';

/** What the dialog asks: on the way in (first visit), or over the board (change who you are). */
type Mode = { kind: 'enter' } | { kind: 'change'; onCancel(): void };

/**
 * Choose a display name and a role, remembered for next time. With a remembered identity it
 * offers 「…さんではありませんか？」: the next person on a shared office PC starts fresh, as a
 * new participant (a new id), instead of editing the last one's name.
 */
export function IdentityDialog({ initial, onDone, mode = { kind: 'enter' } }: { initial: Identity | undefined; onDone(identity: Identity): void; mode?: Mode }) {
  const { t, locale } = useI18n();
  const [fresh, setFresh] = useState(false);
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState(initial?.role ?? DEFAULT_ROLE);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const roleId = useId();
  const errId = useId();
  const headingId = useId();
  const changing = mode.kind === 'change';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = identityFrom({ previous: initial, fresh, name, role });
    if (!next) return setError(t('identityNameRequired'));
    onDone(next);
  };

  const startFresh = () => {
    setFresh(true);
    setName('');
    setRole(DEFAULT_ROLE);
    setError(null);
    document.getElementById(nameId)?.focus();
  };

  const form = (
    <form
      className={changing ? 'rb-dialog' : 'rb-card'}
      onSubmit={submit}
      aria-labelledby={headingId}
      noValidate
      data-testid="identity-dialog"
      {...(changing ? { role: 'dialog', 'aria-modal': true } : {})}
      onKeyDown={(e) => {
        if (mode.kind !== 'change' || e.key !== 'Escape') return;
        e.stopPropagation();
        mode.onCancel();
      }}
    >
      {changing ? <h2 id={headingId}><R>{t('identityChangeHeading')}</R></h2> : <h1 id={headingId}><R>{t('identityHeading')}</R></h1>}
      {initial && !fresh && (
        <p className="rb-not-you">
          <span>{t('identityNotYou').replace('{name}', initial.name)}</span>{' '}
          <button type="button" className="rb-link-button" onClick={startFresh} data-testid="identity-not-you">
            <R>{t('identityStartFresh')}</R>
          </button>
        </p>
      )}
      <p role={fresh ? 'status' : undefined}><R>{fresh ? t('identityFreshNote') : changing ? t('identityChangeIntro') : t('identityIntro')}</R></p>
      <div className="rb-field">
        <label htmlFor={nameId}><R>{t('identityName')}</R></label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
          autoFocus
          maxLength={NAME_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errId : undefined}
          data-testid="identity-name"
        />
        {error && (
          <p id={errId} className="rb-error" role="alert">
            <R>{error}</R>
          </p>
        )}
      </div>
      <div className="rb-field">
        <label htmlFor={roleId}><R>{t('identityRole')}</R></label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value)} data-testid="identity-role">
          {roleOptions(locale).map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="rb-dialog__actions">
        {mode.kind === 'change' && (
          <button type="button" onClick={mode.onCancel} data-testid="identity-cancel">
            <R>{t('cancel')}</R>
          </button>
        )}
        <button type="submit" className="rb-primary" data-testid="identity-enter">
          <R>{changing ? t('identityChangeSave') : t('identityEnter')}</R>
        </button>
      </div>
    </form>
  );
  return changing ? <div className="rb-dialog-backdrop">{form}</div> : <main className="rb-centered">{form}</main>;
}
