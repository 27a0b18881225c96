import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { BoardPage } from './board/BoardPage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { useI18n } from './i18n/index.ts';
import { api } from './lib/api.ts';
import { R, RubySwitch } from './ruby/index.ts';
import { applySavedContrast } from './outline/index.ts';
// Workshops (issue #6)
import { CreateWorkshopPage } from './workshop/CreateWorkshopPage.tsx';
import { FacilitatorPage } from './workshop/FacilitatorPage.tsx';
import { JoinPage } from './workshop/JoinPage.tsx';
import { WorkshopHomeCard } from './workshop/WorkshopHomeCard.tsx';

// Pages that draw with tldraw load its code when they open, apart from the app's (the board
// page does the same with its view, see BoardPage.tsx).
const RecordViewer = lazy(() => import('./records/RecordViewer.tsx').then((m) => ({ default: m.RecordViewer })));
const ParticipantPage = lazy(() => import('./workshop/ParticipantPage.tsx').then((m) => ({ default: m.ParticipantPage })));

type Route =
  | { page: 'home' }
  | { page: 'board'; boardId: string; outline: boolean }
  | { page: 'record'; boardId: string; recordId: string }
  | { page: 'workshop-new' }
  | { page: 'workshop-dashboard'; workshopId: string }
  | { page: 'workshop-group'; workshopId: string }
  | { page: 'workshop-join'; code: string }
  | { page: 'not-found' };

/** The page a path shows. */
export function route(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const b = /^\/b\/([A-Za-z0-9_-]{8,64})(\/outline)?\/?$/.exec(pathname);
  if (b?.[1]) return { page: 'board', boardId: b[1], outline: b[2] !== undefined };
  const r = /^\/b\/([A-Za-z0-9_-]{8,64})\/r\/([A-Za-z0-9_-]{8,64})\/?$/.exec(pathname);
  if (r?.[1] && r[2]) return { page: 'record', boardId: r[1], recordId: r[2] };
  // Workshops (issue #6): /w/new, /w/<id>#t=<facilitator token>, /w/<id>/g, /j/<code>
  if (/^\/w\/new\/?$/.test(pathname)) return { page: 'workshop-new' };
  const w = /^\/w\/([A-Za-z0-9_-]{8,64})(\/g)?\/?$/.exec(pathname);
  if (w?.[1]) return w[2] ? { page: 'workshop-group', workshopId: w[1] } : { page: 'workshop-dashboard', workshopId: w[1] };
  const j = /^\/j\/([A-Za-z0-9]{1,16})\/?$/.exec(pathname);
  if (j?.[1]) return { page: 'workshop-join', code: j[1] };
  return { page: 'not-found' };
}

const LARGE_KEY = 'renkei.largeText';

/** The app shell: routes, language switch and the larger-text setting. */
export function App() {
  const { t, locale, setLocale } = useI18n();
  const [current, setCurrent] = useState<Route>(() => route(location.pathname));
  // The token lives in the fragment: another link to the same board only changes the hash.
  const [hash, setHash] = useState(() => location.hash);
  const [licenseKey, setLicenseKey] = useState<string | undefined>();
  const [large, setLarge] = useState(() => localStorage.getItem(LARGE_KEY) === '1');

  useEffect(() => {
    applySavedContrast();
    void api.config().then((r) => r.ok && setLicenseKey(r.value.tldrawLicenseKey));
    const onPop = () => {
      setCurrent(route(location.pathname));
    setHash(location.hash);
      setHash(location.hash);
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('rb-large', large);
    localStorage.setItem(LARGE_KEY, large ? '1' : '0');
  }, [large]);

  const navigate = useCallback((href: string) => {
    history.pushState(null, '', href);
    setCurrent(route(location.pathname));
  }, []);

  const settings = (
    <nav className="rb-settings" aria-label={t('language')}>
      <button type="button" onClick={() => setLocale(locale === 'ja' ? 'en' : 'ja')} lang={locale === 'ja' ? 'en' : 'ja'} data-testid="switch-language">
        {t('switchLanguage')}
      </button>
      <label className="rb-check">
        <input type="checkbox" checked={large} onChange={(e) => setLarge(e.target.checked)} />
        <R>{t('largerText')}</R>
      </label>
      <RubySwitch />
    </nav>
  );

  switch (current.page) {
    case 'home':
      return (
        <>
          {settings}
          <HomePage navigate={navigate} />
          <WorkshopHomeCard navigate={navigate} />
        </>
      );
    case 'board':
      return (
        // The outline and the canvas of a board are one page: switching keeps its connection.
        <BoardPage key={`${current.boardId}${hash}`} boardId={current.boardId} outline={current.outline} navigate={navigate} licenseKey={licenseKey} settings={settings} />
      );
    case 'record':
      return (
        <Suspense fallback={<Loading settings={settings} />}>
          <RecordViewer key={current.recordId} boardId={current.boardId} recordId={current.recordId} navigate={navigate} settings={settings} />
        </Suspense>
      );
    // Workshops (issue #6)
    case 'workshop-new':
      return (
        <>
          {settings}
          <CreateWorkshopPage navigate={navigate} />
        </>
      );
    case 'workshop-dashboard':
      return <FacilitatorPage key={current.workshopId} workshopId={current.workshopId} settings={settings} />;
    case 'workshop-group':
      return (
        <Suspense fallback={<Loading settings={settings} />}>
          <ParticipantPage key={current.workshopId} workshopId={current.workshopId} licenseKey={licenseKey} settings={settings} />
        </Suspense>
      );
    case 'workshop-join':
      return (
        <>
          {settings}
          <JoinPage key={current.code} code={current.code} navigate={navigate} />
        </>
      );
    case 'not-found':
      return (
        <main className="rb-centered">
          <div className="rb-card">
            <p role="alert">{t('errorNotFound')}</p>
            <a href="/">{t('backHome')}</a>
          </div>
        </main>
      );
  }
}

/** What a page shows while its code loads: the settings and the usual loading line. */
function Loading({ settings }: { settings: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {settings}
      <p className="rb-centered" role="status">
        {t('loading')}
      </p>
    </>
  );
}
