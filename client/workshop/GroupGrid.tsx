import { R } from '../ruby/index.ts';
import { useWorkshopLabels } from './useWorkshopLabels.ts';
import { Paths } from '../../shared/protocol/index.ts';
import { useI18n } from '../i18n/index.ts';
import type { WorkshopOverviewInfo } from '../lib/api.ts';
import { roleLabel } from '../lib/roles.ts';
import { useWorkshopTexts } from './texts.ts';
import { relativeTime } from './viewModel.ts';

type Group = WorkshopOverviewInfo['groups'][number];

/** Members connected now, wherever they are. */
function online(g: Group): number {
  return g.members.filter((m) => m.place !== 'offline').length;
}

/** An SVG thumbnail as an image (a data: URL, so none of its markup runs in the page). */
function svgSrc(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Every group at a glance: thumbnail, who is there, last change, and a link to open the board as its owner. */
export function GroupGrid(props: {
  groups: readonly { index: number; name: string; boardId: string }[];
  overview: WorkshopOverviewInfo | null;
  token: string;
  presentingIndex: number | null;
  onPresent(index: number): void;
}) {
  const tx = useWorkshopTexts();
  const { locale } = useI18n();
  const label = useWorkshopLabels();
  const byIndex = new Map<number, Group>((props.overview?.groups ?? []).map((g) => [g.index, g]));
  const now = props.overview?.now ?? Date.now();
  return (
    <ul className="rb-ws-grid" aria-label={tx('groupsHeading')} data-testid="ws-groups">
      {props.groups.map((g) => {
        const o = byIndex.get(g.index);
        const rel = relativeTime(o?.lastActivity ?? null, now);
        const when = tx(rel.key, 'n' in rel ? { n: rel.n } : {});
        const presenting = props.presentingIndex === g.index;
        return (
          <li
            key={g.index}
            className={`rb-ws-group${presenting ? ' is-presenting' : ''}`}
            data-testid={`ws-group-${g.index}`}
            data-shapes={o?.shapeCount ?? ''}
            data-participants={o?.participants.length ?? ''}
            data-joined={o?.members.length ?? ''}
            data-online={o ? online(o) : ''}
          >
            <h3>
              <span>{label.group(g.name)}</span>
              <span className="rb-count">{o && o.members.length > 0 ? tx('onlineCount', { joined: o.members.length, online: online(o) }) : tx('participantsCount', { n: o?.participants.length ?? 0 })}</span>
            </h3>
            {o?.svg ? (
              <img className="rb-ws-thumb" src={svgSrc(o.svg)} alt={tx('thumbnailAlt', { group: label.group(g.name) })} data-testid={`ws-thumb-${g.index}`} />
            ) : (
              <div className="rb-ws-thumb rb-ws-thumb--empty">…</div>
            )}
            {o && o.members.length > 0 ? (
              <ul className="rb-ws-people rb-ws-people--members" data-testid={`ws-members-${g.index}`}>
                {o.members.map((m) => (
                  <li key={m.id} className={`rb-ws-person is-${m.place}`} data-place={m.place}>
                    <span className="rb-ws-person__dot" aria-hidden="true" />
                    <span className="rb-ws-person__name">
                      {m.name}
                      <span className="rb-count">（{roleLabel(m.role, locale)}）</span>
                    </span>
                    <span className="rb-ws-person__place"><R>{tx(`place${m.place}`)}</R></span>
                  </li>
                ))}
              </ul>
            ) : o && o.participants.length > 0 ? (
              <ul className="rb-ws-people">
                {o.participants.map((p, i) => (
                  <li key={`${i}-${p.name}`}>
                    {p.name}
                    <span className="rb-count">（{roleLabel(p.role, locale)}）</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="rb-ws-meta"><R>{tx('nobodyYet')}</R></p>
            )}
            <p className="rb-ws-meta">
              <span>{rel.key === 'noChangeYet' ? when : tx('lastChange', { when })}</span>
              {o && <span><R>{tx('shapeCount', { n: o.shapeCount })}</R></span>}
            </p>
            <div className="rb-ws-group__actions">
              <a href={Paths.board(g.boardId, props.token)} target="_blank" rel="noopener" data-testid={`ws-open-${g.index}`}>
                {tx('openBoard')}
              </a>
              <button type="button" className="rb-link-button" onClick={() => props.onPresent(g.index)}>
                {tx('presentHeading')}…
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
