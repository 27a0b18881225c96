import { R } from '../ruby/index.ts';
import { Paths } from '../../shared/protocol/index.ts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CreateWorkshopResponse, TemplateInfo } from '../../shared/protocol/index.ts';
import { api, workshopApi } from '../lib/api.ts';
import { CopyButton } from './CopyButton.tsx';
import { rememberFacilitated } from './localWorkshops.ts';
import { useWorkshopTexts } from './texts.ts';
import { parseGroupNames } from './viewModel.ts';
import './workshop.css';

/** `/w/new`: the facilitator creates a workshop (title, template, groups, names), then gets the join code. */
export function CreateWorkshopPage({ navigate }: { navigate(href: string): void }) {
  const tx = useWorkshopTexts();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState('exercise-1');
  const [groups, setGroups] = useState('6');
  const [names, setNames] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateWorkshopResponse | null>(null);
  const ids = { title: useId(), template: useId(), groups: useId(), names: useId(), err: useId() };

  useEffect(() => {
    void api.templates().then((r) => {
      if (!r.ok) return;
      setTemplates(r.value);
      if (!r.value.some((t) => t.id === 'exercise-1')) setTemplate(r.value[0]?.id ?? 'blank');
    });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(groups);
    const groupNames = parseGroupNames(names);
    if (!title.trim()) return setError(tx('createTitleRequired'));
    if (!Number.isInteger(n) || n < 1 || n > 60) return setError(tx('createGroupsRange'));
    if (groupNames.length > 0 && groupNames.length !== n) return setError(tx('createGroupNamesMismatch', { got: groupNames.length, want: n }));
    setBusy(true);
    setError(null);
    const r = await workshopApi.create({ title: title.trim(), template, groups: n, ...(groupNames.length ? { groupNames } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.message);
    rememberFacilitated({ id: r.value.id, title: title.trim(), joinCode: r.value.joinCode, token: r.value.tokens.facilitator });
    setCreated(r.value);
  };

  if (created) {
    const joinLink = created.links.join;
    return (
      <main className="rb-home">
        <section className="rb-card rb-ws-created" aria-labelledby="rb-ws-created-h" data-testid="ws-created">
          <h1 id="rb-ws-created-h"><R>{tx('createdHeading')}</R></h1>
          <p><R>{tx('joinCode')}</R></p>
          <p className="rb-ws-code" data-testid="ws-join-code">
            {created.joinCode}
          </p>
          <p>
            {tx('joinLink')}：
            <a href={joinLink} className="rb-ws-join__link" data-testid="ws-join-link">
              {joinLink}
            </a>{' '}
            <CopyButton text={joinLink} label={tx('joinLink')} />
          </p>
          <p className="rb-hint"><R>{tx('joinHowTo')}</R></p>
          <p className="rb-hint"><R>{tx('facilitatorKept')}</R></p>
          <button type="button" className="rb-primary" onClick={() => navigate(Paths.workshop(created.id, created.tokens.facilitator))} data-testid="ws-open-dashboard">
            {tx('openDashboard')}
          </button>
        </section>
      </main>
    );
  }

  const selected = templates.find((x) => x.id === template);
  return (
    <main className="rb-home">
      <form className="rb-card rb-ws-form" onSubmit={(e) => void submit(e)} aria-labelledby="rb-ws-create-h" aria-busy={busy} noValidate>
        <h1 id="rb-ws-create-h"><R>{tx('createHeading')}</R></h1>
        <p className="rb-hint"><R>{tx('createIntro')}</R></p>
        <div className="rb-field">
          <label htmlFor={ids.title}><R>{tx('createTitle')}</R></label>
          <input id={ids.title} value={title} maxLength={200} placeholder={tx('createTitlePlaceholder')} onChange={(e) => setTitle(e.target.value)} data-testid="ws-title" />
        </div>
        <div className="rb-field">
          <label htmlFor={ids.template}><R>{tx('createTemplate')}</R></label>
          <select id={ids.template} value={template} onChange={(e) => setTemplate(e.target.value)} data-testid="ws-template" aria-describedby={selected ? `${ids.template}-d` : undefined}>
            {templates.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.title}
              </option>
            ))}
          </select>
          {selected && (
            <p id={`${ids.template}-d`} className="rb-hint">
              {selected.description}
            </p>
          )}
        </div>
        <div className="rb-field">
          <label htmlFor={ids.groups}><R>{tx('createGroups')}</R></label>
          <input id={ids.groups} type="number" min={1} max={60} value={groups} onChange={(e) => setGroups(e.target.value)} data-testid="ws-groups" />
        </div>
        <div className="rb-field">
          <label htmlFor={ids.names}><R>{tx('createGroupNames')}</R></label>
          <textarea id={ids.names} value={names} onChange={(e) => setNames(e.target.value)} aria-describedby={`${ids.names}-h`} data-testid="ws-group-names" />
          <p id={`${ids.names}-h`} className="rb-hint">
            {tx('createGroupNamesHint')}
          </p>
        </div>
        <button type="submit" className="rb-primary" disabled={busy} data-testid="ws-create">
          {busy ? tx('creating') : tx('createSubmit')}
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
