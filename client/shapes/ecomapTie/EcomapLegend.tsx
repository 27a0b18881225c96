import { TIE_KINDS, TIE_KIND_LABELS } from '../../../shared/shapes/index.ts';
import { useShapeTexts } from '../texts.ts';
import { pointsToPath, tieArrowHeads, tieStroke, zigzagPoints } from './tieGeometry.ts';

const W = 56;
const Y = 8;

/** The ecomap legend: there is no national standard, so the board always says how it draws. */
export function EcomapLegend() {
  const { s, locale } = useShapeTexts();
  const arrow = tieArrowHeads('forward', { x: 4, y: Y }, { x: W - 4, y: Y }, 9)[0] ?? [];
  return (
    <details className="rb-panel rb-case-section rb-legend" data-testid="ecomap-legend" open>
      <summary>
        <h2>{s.legend}</h2>
      </summary>
      <p className="rb-hint">{s.legendNote}</p>
      <ul>
        <li>
          <span className="rb-legend__person rb-legend__person--self" aria-hidden="true" />
          {s.legendSelf}
        </li>
        <li>
          <span className="rb-legend__person rb-legend__person--square" aria-hidden="true" />
          {s.legendMale}
          <span className="rb-legend__person rb-legend__person--ellipse" aria-hidden="true" />
          {s.legendFemale}
        </li>
        <li>
          <span className="rb-legend__person rb-legend__person--deceased" aria-hidden="true">
            ×
          </span>
          {s.legendDeceased}
        </li>
        {TIE_KINDS.map((k) => {
          const st = tieStroke(k);
          const pts = st.zigzag ? zigzagPoints({ x: 4, y: Y }, { x: W - 4, y: Y }, 5, 10) : [{ x: 4, y: Y }, { x: W - 4, y: Y }];
          return (
            <li key={k}>
              <svg width={W} height={Y * 2} aria-hidden="true">
                <path d={pointsToPath(pts)} fill="none" stroke="currentColor" strokeWidth={Math.min(st.width, 5)} strokeDasharray={st.dash ?? undefined} />
              </svg>
              {TIE_KIND_LABELS[k][locale]}
            </li>
          );
        })}
        <li>
          <svg width={W} height={Y * 2} aria-hidden="true">
            <path d={pointsToPath([{ x: 4, y: Y }, { x: W - 4, y: Y }])} stroke="currentColor" strokeWidth={2} />
            <polygon points={arrow.map((p) => `${p.x},${p.y}`).join(' ')} fill="currentColor" />
          </svg>
          {s.legendArrow}
        </li>
      </ul>
    </details>
  );
}
