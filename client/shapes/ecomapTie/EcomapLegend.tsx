import { TIE_KINDS, TIE_KIND_LABELS } from '../../../shared/shapes/index.ts';
import { useShapeTexts } from '../texts.ts';
import { pointsToPath, tieArrowHeads, tieStroke, zigzagPoints } from './tieGeometry.ts';
import { R } from '../../ruby/index.ts';

const W = 56;
const Y = 8;

/** The ecomap legend: there is no national standard, so the board always says how it draws. */
export function EcomapLegend() {
  const { s, locale } = useShapeTexts();
  const arrow = tieArrowHeads('forward', { x: 4, y: Y }, { x: W - 4, y: Y }, 9)[0] ?? [];
  return (
    <details className="rb-panel rb-case-section rb-legend" data-testid="ecomap-legend" open>
      <summary>
        <h2><R>{s.legend}</R></h2>
      </summary>
      <p className="rb-hint"><R>{s.legendNote}</R></p>
      <ul>
        <li>
          <span className="rb-legend__person rb-legend__person--self" aria-hidden="true" />
          <R>{s.legendSelf}</R>
        </li>
        <li>
          <span className="rb-legend__person rb-legend__person--square" aria-hidden="true" />
          <R>{s.legendMale}</R>
          <span className="rb-legend__person rb-legend__person--ellipse" aria-hidden="true" />
          <R>{s.legendFemale}</R>
        </li>
        <li>
          <span className="rb-legend__person rb-legend__person--deceased" aria-hidden="true">
            ×
          </span>
          <R>{s.legendDeceased}</R>
        </li>
        {TIE_KINDS.map((k) => {
          const st = tieStroke(k);
          const pts = st.zigzag ? zigzagPoints({ x: 4, y: Y }, { x: W - 4, y: Y }, 5, 10) : [{ x: 4, y: Y }, { x: W - 4, y: Y }];
          return (
            <li key={k}>
              <svg width={W} height={Y * 2} aria-hidden="true">
                <path d={pointsToPath(pts)} fill="none" stroke="currentColor" strokeWidth={Math.min(st.width, 5)} strokeDasharray={st.dash ?? undefined} />
              </svg>
              <R>{TIE_KIND_LABELS[k][locale]}</R>
            </li>
          );
        })}
        <li>
          <svg width={W} height={Y * 2} aria-hidden="true">
            <path d={pointsToPath([{ x: 4, y: Y }, { x: W - 4, y: Y }])} stroke="currentColor" strokeWidth={2} />
            <polygon points={arrow.map((p) => `${p.x},${p.y}`).join(' ')} fill="currentColor" />
          </svg>
          <R>{s.legendArrow}</R>
        </li>
      </ul>
    </details>
  );
}
