import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/index.ts';
import { newUserId, type Identity } from '../lib/identity.ts';
import { roleOptions } from '../lib/roles.ts';

/** First visit: choose a display name and a role, remembered for next time. */
export function IdentityDialog({ initial, onDone }: { initial: Identity | undefined; onDone(identity: Identity): void }) {
  const { t, locale } = useI18n();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState(initial?.role ?? 'soudan');
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const roleId = useId();
  const errId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('identityNameRequired'));
    onDone({ id: initial?.id ?? newUserId(), name: trimmed.slice(0, 60), role });
  };

  return (
    <main className="rb-centered">
      <form className="rb-card" onSubmit={submit} aria-labelledby="rb-identity-h" noValidate>
        <h1 id="rb-identity-h">{t('identityHeading')}</h1>
        <p>{t('identityIntro')}</p>
        <div className="rb-field">
          <label htmlFor={nameId}>{t('identityName')}</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="name"
            autoFocus
            maxLength={60}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errId : undefined}
            data-testid="identity-name"
          />
          {error && (
            <p id={errId} className="rb-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="rb-field">
          <label htmlFor={roleId}>{t('identityRole')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value)} data-testid="identity-role">
            {roleOptions(locale).map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rb-primary" data-testid="identity-enter">
          {t('identityEnter')}
        </button>
      </form>
    </main>
  );
}
