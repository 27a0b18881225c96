import { R } from '../ruby/index.ts';
import { Paths } from '../../shared/protocol/index.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkshopInfo } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import { workshopApi } from '../lib/api.ts';
import { tokenFromHash } from '../lib/links.ts';
import { CopyButton } from './CopyButton.tsx';
import { MessagePanel, PhasePanel, TimerPanel, type ControlProps } from './FacilitatorControls.tsx';
import { GroupGrid } from './GroupGrid.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { LocksPanel } from './LocksPanel.tsx';
import { VotePanel } from './VotePanel.tsx';
import { SummonPanel } from './SummonPanel.tsx';
import { useServerOffset, useWorkshopState } from './hooks.ts';
import { facilitatorToken, rememberFacilitated } from './localWorkshops.ts';
import { PresentationPanel } from './PresentationPanel.tsx';
import { SessionEndPanel } from './SessionEndPanel.tsx';
import { useWorkshopTexts, type WorkshopTextKey } from './texts.ts';
import { useOverview } from './useOverview.ts';
import './workshop.css';

type Load = { kind: 'loading' } | { kind: 'error'; message: WorkshopTextKey; memberLink?: string } | { kind: 'ready'; info: WorkshopInfo; token: string };

/** `/w/<id>#t=<facilitator token>`: check the link, then show the dashboard. */
export function FacilitatorPage({ workshopId, settings }: { workshopId: string; settings: React.ReactNode }) {
  const tx = useWorkshopTexts();
  const { t } = useI18n();
  const [token] = useState(() => tokenFromHash(location.hash) ?? facilitatorToken(workshopId));
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  useEffect(() => {
    if (!token) return setLoad({ kind: 'error', message: 'noFacilitatorToken' });
    let live = true;
    void workshopApi.info(workshopId, token).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoad({ kind: 'error', message: r.status === 404 ? 'notFound' : r.status === 401 || r.status === 403 ? 'unauthorized' : 'network' });
      if (r.value.role !== 'facilitator') return setLoad({ kind: 'error', message: 'unauthorized', memberLink: Paths.workshopGroup(workshopId) });
      rememberFacilitated({ id: r.value.id, title: r.value.title, joinCode: r.value.joinCode, token });
      setLoad({ kind: 'ready', info: r.value, token });
    });
    return () => {
      live = false;
    };
  }, [workshopId, token]);

  useEffect(() => {
    if (load.kind === 'ready') document.title = `${load.info.title} — ${tx('dashboard')}`;
  }, [load, tx]);

  if (load.kind === 'ready') return <Dashboard info={load.info} token={load.token} settings={settings} />;
  return (
    <>
      {settings}
      {load.kind === 'loading' ? (
        <p className="rb-centered" role="status">
          {t('loading')}
        </p>
      ) : (
        <main className="rb-centered">
          <div className="rb-card">
            <p role="alert"><R>{tx(load.message)}</R></p>
            {load.memberLink && <a href={load.memberLink}><R>{tx('homeOpenGroup')}</R></a>} <a href="/"><R>{tx('backHome')}</R></a>
          </div>
        </main>
      )}
    </>
  );
}

/** The facilitator's dashboard: join code, controls for every group, and the groups live. */
function Dashboard({ info, token, settings }: { info: WorkshopInfo; token: string; settings: React.ReactNode }) {
  const tx = useWorkshopTexts();
  const serverOffset = useServerOffset();
  const { connection, state, status } = useWorkshopState(info.id, token);
  const { overview, error, paused, fetchedAt } = useOverview(info.id, token);
  const [pick, setPick] = useState<{ index: number; seq: number } | null>(null);
  const presentRef = useRef<HTMLDivElement>(null);
  const serverNow = useCallback(() => Date.now() + serverOffset, [serverOffset]);
  const control: ControlProps = { state, write: (patch) => connection?.write(patch), serverNow, serverOffset, disabled: status !== 'synced' || connection === null };
  const joinLink = `${location.origin}${Paths.join(info.joinCode)}`;

  return (
    <>
      {settings}
      <main className="rb-ws-page" data-testid="ws-dashboard">
        <header className="rb-ws-page__header">
          <div>
            <p className="rb-hint"><R>{tx('dashboard')}</R></p>
            <h1>{info.title}</h1>
          </div>
          <div className="rb-ws-join">
            <span className="rb-hint"><R>{tx('joinCode')}</R></span>
            <span className="rb-ws-code" data-testid="ws-dashboard-code">
              {info.joinCode}
            </span>
          </div>
          <div className="rb-ws-join">
            <span className="rb-hint"><R>{tx('joinLink')}</R></span>
            <span>
              <a className="rb-ws-join__link" href={joinLink}>
                {joinLink}
              </a>{' '}
              <CopyButton text={joinLink} label={tx('joinLink')} />
            </span>
          </div>
          <p className="rb-ws-status" role="status" data-testid="ws-state-status" data-status={status}>
            {status === 'connecting' ? tx('stateConnecting') : status === 'synced' ? '' : tx('stateOffline')}
          </p>
        </header>
        <div className="rb-ws-layout">
          <div className="rb-ws-controls">
            <PhasePanel {...control} />
            <TimerPanel {...control} />
            <MessagePanel {...control} />
            <div ref={presentRef}>
              <PresentationPanel {...control} groups={info.groups} token={token} pick={pick} />
            </div>
            <SummonPanel {...control} groups={info.groups} />
            <VotePanel workshopId={info.id} token={token} doc={connection?.doc} groups={info.groups} serverOffset={serverOffset} />
            <LocksPanel workshopId={info.id} token={token} groups={info.groups} />
            <MembersPanel info={info} token={token} />
            <SessionEndPanel workshopId={info.id} title={info.title} token={token} />
          </div>
          <section aria-labelledby="rb-ws-groups-h">
            <h2 id="rb-ws-groups-h">
              {tx('groupsHeading')} <span className="rb-count">{info.groups.length}</span>{' '}
              <span className="rb-ws-status">
                {paused ? tx('pollPaused') : fetchedAt ? tx('updatedAt', { time: new Date(fetchedAt).toLocaleTimeString() }) : ''}
              </span>
            </h2>
            {error && (
              <p className="rb-error" role="alert">
                {error}
              </p>
            )}
            <GroupGrid
              groups={info.groups}
              overview={overview}
              token={token}
              presentingIndex={state.presenting?.groupIndex ?? null}
              onPresent={(i) => {
                setPick((p) => ({ index: i, seq: (p?.seq ?? 0) + 1 }));
                presentRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
                presentRef.current?.querySelector('select')?.focus({ preventScroll: true });
              }}
            />
          </section>
        </div>
      </main>
    </>
  );
}
