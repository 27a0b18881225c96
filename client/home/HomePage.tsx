import { R } from '../ruby/index.ts';
import { Paths } from '../../shared/protocol/index.ts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TemplateInfo } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { api } from '../lib/api.ts';
import { parseBoardLink } from '../lib/links.ts';
import { ImportBoard } from '../records/ImportBoard.tsx';
import { bestToken, forgetBoard, listLocalBoards, rememberBoard, type LocalBoard } from '../lib/localBoards.ts';
import { templateDescription, templateTitle } from '../../shared/templates/texts.ts';

/** Home: create a board from a template, reopen one used here, or open a pasted link. */
export function HomePage({ navigate }: { navigate(href: string): void }) {
  const { t, locale } = useI18n();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState('blank');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [link, setLink] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [boards, setBoards] = useState<LocalBoard[]>(listLocalBoards);
  const ids = { title: useId(), template: useId(), link: useId(), createErr: useId(), linkErr: useId() };

  useEffect(() => {
    void api.templates().then((r) => r.ok && setTemplates(r.value));
  }, []);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreating(true);
    setCreateError(null);
    const r = await api.createBoard({ ...(title.trim() ? { title: title.trim() } : {}), template });
    setCreating(false);
    if (!r.ok) return setCreateError(r.message);
    rememberBoard({ id: r.value.id, title: r.value.title, tokens: r.value.tokens });
    navigate(Paths.board(r.value.id, r.value.tokens.owner));
  };

  const open = (e: FormEvent) => {
    e.preventDefault();
    const ref = parseBoardLink(link);
    if (!ref) return setLinkError(t('homeOpenInvalid'));
    navigate(Paths.board(ref.boardId, ref.token));
  };

  const roleName = { owner: t('roleOwner'), edit: t('roleEdit'), view: t('roleView') } as const;
  const selected = templates.find((x) => x.id === template);

  return (
    <main className="rb-home">
      <header className="rb-home__header">
        <h1><R>{t('appName')}</R></h1>
        <p><R>{t('appTagline')}</R></p>
      </header>

      <section className="rb-card" aria-labelledby="rb-create-h">
        <h2 id="rb-create-h"><R>{t('homeCreateHeading')}</R></h2>
        <form onSubmit={(e) => void create(e)} aria-busy={creating}>
          <div className="rb-field">
            <label htmlFor={ids.title}><R>{t('homeTitleLabel')}</R></label>
            <input id={ids.title} value={title} maxLength={200} placeholder={t('homeTitlePlaceholder')} onChange={(e) => setTitle(e.target.value)} data-testid="home-title" />
          </div>
          <div className="rb-field">
            <label htmlFor={ids.template}><R>{t('homeTemplateLabel')}</R></label>
            <select id={ids.template} value={template} onChange={(e) => setTemplate(e.target.value)} data-testid="home-template" aria-describedby={selected ? `${ids.template}-desc` : undefined}>
              {templates.map((tp) => (
                <option key={tp.id} value={tp.id}>
                  {templateTitle(tp.id, locale) ?? tp.title}
                </option>
              ))}
            </select>
            {selected && (
              <p id={`${ids.template}-desc`} className="rb-hint">
                {templateDescription(selected.id, locale) ?? selected.description}
              </p>
            )}
          </div>
          <button type="submit" className="rb-primary" disabled={creating} data-testid="home-create">
            {creating ? t('homeCreating') : t('homeCreate')}
          </button>
          {createError && (
            <p id={ids.createErr} className="rb-error" role="alert">
              {createError}
            </p>
          )}
        </form>
      </section>

      <section className="rb-card" aria-labelledby="rb-open-h">
        <h2 id="rb-open-h"><R>{t('homeOpenHeading')}</R></h2>
        <form onSubmit={open} className="rb-row">
          <label htmlFor={ids.link} className="rb-visually-hidden">
            {t('homeOpenLabel')}
          </label>
          <input
            id={ids.link}
            value={link}
            placeholder={t('homeOpenLabel')}
            onChange={(e) => {
              setLink(e.target.value);
              setLinkError(null);
            }}
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? ids.linkErr : undefined}
          />
          <button type="submit"><R>{t('homeOpen')}</R></button>
        </form>
        {linkError && (
          <p id={ids.linkErr} className="rb-error" role="alert">
            {linkError}
          </p>
        )}
      </section>

      <ImportBoard navigate={navigate} />

      <section className="rb-card" aria-labelledby="rb-recent-h">
        <h2 id="rb-recent-h"><R>{t('homeRecentHeading')}</R></h2>
        {boards.length === 0 ? (
          <p><R>{t('homeRecentEmpty')}</R></p>
        ) : (
          <ul className="rb-recent" data-testid="recent-boards">
            {boards.map((b) => {
              const best = bestToken(b);
              return (
                <li key={b.id}>
                  {best ? <a href={Paths.board(b.id, best.token)}>{b.title}</a> : <span>{b.title}</span>}
                  {best && <span className="rb-tag">{roleName[best.capability]}</span>}
                  <time dateTime={b.lastOpened}>{new Date(b.lastOpened).toLocaleString()}</time>
                  <button
                    type="button"
                    className="rb-link-button"
                    aria-label={`${t('homeRecentForget')}: ${b.title}`}
                    onClick={() => {
                      forgetBoard(b.id);
                      setBoards(listLocalBoards());
                    }}
                  >
                    {t('homeRecentForget')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </main>
  );
}
