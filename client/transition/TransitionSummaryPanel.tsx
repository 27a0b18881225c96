import { useValue, type Editor } from 'tldraw';
import { SERVICE_STATUS_LABELS } from '../../shared/shapes/index.ts';
import { useShapeTexts } from '../shapes/texts.ts';
import { showShapes, summaryInput } from './boardQueries.ts';
import { summaryView, type SummaryEntry } from './summaryView.ts';
import { R } from '../ruby/index.ts';

/** 移行のまとめ: for all service cards of the board, what moves, what continues, what has no home yet. */
export function TransitionSummaryPanel({ editor }: { editor: Editor }) {
  const { s, locale } = useShapeTexts();
  const input = useValue('rb-summary-input', () => summaryInput(editor), [editor]);
  const view = summaryView(input.cards, input.links, locale);
  return (
    <details className="rb-panel rb-case-section rb-summary" data-testid="transition-summary" open>
      <summary>
        <h2><R>{s.summaryHeading}</R></h2>
      </summary>
      {view.empty ? (
        <p className="rb-hint"><R>{s.summaryEmpty}</R></p>
      ) : (
        <>
          <Bucket title={s.summaryMoves} entries={view.moves} editor={editor} testId="summary-moves" flag={(e) => ('needsProposal' in e && e.needsProposal ? s.summaryNoProposal : null)} />
          <Bucket title={s.summaryContinues} entries={view.continues} editor={editor} testId="summary-continues" />
          <Bucket title={s.summaryNoHome} entries={view.noHome} editor={editor} testId="summary-nohome" />
        </>
      )}
    </details>
  );
}

function Bucket(props: { title: string; entries: SummaryEntry[]; editor: Editor; testId: string; flag?(e: SummaryEntry): string | null }) {
  const { s, locale } = useShapeTexts();
  if (props.entries.length === 0) return null;
  return (
    <div className={`rb-summary__bucket rb-summary__bucket--${props.testId}`} data-testid={props.testId}>
      <h3>
        <R>{props.title}</R> <span className="rb-count">{props.entries.length}</span>
      </h3>
      <ul>
        {props.entries.map((e) => {
          const flag = props.flag?.(e);
          return (
            <li key={e.key}>
              <button type="button" className="rb-summary__entry" disabled={e.cardIds.length === 0} onClick={() => showShapes(props.editor, e.cardIds)} title={s.summaryShow}>
                <R>{e.title}</R>
              </button>
              <span className="rb-summary__note"><R>{e.note}</R></span>
              {flag && <span className="rb-summary__flag"><R>{flag}</R></span>}
              {e.proposals.map((p) => (
                <button key={p.id} type="button" className="rb-summary__proposal" data-testid="summary-proposal" onClick={() => showShapes(props.editor, [p.id])}>
                  <R>{locale === 'en' ? `${s.summaryProposal}: ${p.service} (${SERVICE_STATUS_LABELS[p.status].en})` : `${s.summaryProposal}：${p.service}（${SERVICE_STATUS_LABELS[p.status].ja}）`}</R>
                </button>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
