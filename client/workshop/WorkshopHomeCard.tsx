import { R } from '../ruby/index.ts';
import { useId, useState, type FormEvent } from 'react';
import { JoinCodeSchema, Paths } from '../../shared/protocol/index.ts';
import { forgetFacilitated, forgetMembership, listFacilitated, listMemberships } from './localWorkshops.ts';
import { useWorkshopTexts } from './texts.ts';
import './workshop.css';

/** The home page's workshop section: create one, join with a code, reopen those used here. */
export function WorkshopHomeCard({ navigate }: { navigate(href: string): void }) {
  const tx = useWorkshopTexts();
  const [code, setCode] = useState('');
  const [facilitated, setFacilitated] = useState(listFacilitated);
  const [joined, setJoined] = useState(listMemberships);
  const codeId = useId();

  const join = (e: FormEvent) => {
    e.preventDefault();
    const parsed = JoinCodeSchema.safeParse(code);
    navigate(Paths.join(parsed.success ? parsed.data : encodeURIComponent(code.trim().toUpperCase())));
  };

  return (
    <section className="rb-ws-home" aria-labelledby="rb-ws-home-h" data-testid="ws-home">
      <div className="rb-card">
        <h2 id="rb-ws-home-h"><R>{tx('homeHeading')}</R></h2>
        <p className="rb-hint"><R>{tx('homeIntro')}</R></p>
        <div className="rb-row rb-ws-home__actions">
          <a href="/w/new" className="rb-primary rb-ws-button-link" onClick={(e) => (e.preventDefault(), navigate('/w/new'))} data-testid="ws-home-create">
            {tx('homeCreate')}
          </a>
          <form onSubmit={join} className="rb-row">
            <label htmlFor={codeId}><R>{tx('homeJoinLabel')}</R></label>
            <input id={codeId} value={code} onChange={(e) => setCode(e.target.value)} maxLength={8} autoCapitalize="characters" className="rb-ws-code-field" />
            <button type="submit"><R>{tx('homeJoin')}</R></button>
          </form>
        </div>
        {facilitated.length > 0 && (
          <>
            <h3><R>{tx('homeFacilitated')}</R></h3>
            <ul className="rb-ws-list">
              {facilitated.map((w) => (
                <li key={w.id}>
                  <a href={Paths.workshop(w.id, w.token)}>{w.title}</a>
                  <span className="rb-tag">{w.joinCode}</span>
                  <span className="rb-tag"><R>{tx('homeOpenDashboard')}</R></span>
                  <button type="button" className="rb-link-button" aria-label={`${tx('forget')}: ${w.title}`} onClick={() => (forgetFacilitated(w.id), setFacilitated(listFacilitated()))}>
                    {tx('forget')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {joined.length > 0 && (
          <>
            <h3><R>{tx('homeJoined')}</R></h3>
            <ul className="rb-ws-list">
              {joined.map((m) => (
                <li key={m.workshopId}>
                  <a href={Paths.workshopGroup(m.workshopId)}>{m.title}</a>
                  <span className="rb-tag"><R>{tx('homeOpenGroup')}</R></span>
                  <button type="button" className="rb-link-button" aria-label={`${tx('forget')}: ${m.title}`} onClick={() => (forgetMembership(m.workshopId), setJoined(listMemberships()))}>
                    {tx('forget')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
