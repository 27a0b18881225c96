import { useId, useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import { SYSTEM_IDS, systemInfo, type SystemId } from '../../../shared/domain/index.ts';
import { laneFor } from '../../../shared/placement/frames.ts';
import { laneOfCard } from '../../placement/boardRules.ts';
import { SERVICE_STATUSES, SERVICE_STATUS_LABELS, type ServiceCardShape, type ServiceStatus } from '../../../shared/shapes/index.ts';
import { SelectField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts, type ShapeTextKey } from '../texts.ts';
import { cardServiceLink, catalogueFor, serviceUpdate, type CardServiceLink } from './catalogue.ts';

/** The one line the panel says about the service name (never two that disagree). */
function linkHint(link: CardServiceLink, s: Record<ShapeTextKey, string>, systemName: (id: SystemId) => string, locale: 'ja' | 'en'): string {
  const name = (service: { name: string; nameEn: string }) => (locale === 'en' ? service.nameEn : service.name);
  switch (link.kind) {
    case 'empty':
      return s.serviceHint;
    case 'linked':
      return locale === 'en' ? `${s.serviceLinked}: ${name(link.service)}` : `${s.serviceLinked}：${name(link.service)}`;
    case 'other-system':
      return s.serviceOtherSystem.replace('{service}', name(link.service)).replace('{system}', systemName(link.service.system));
    case 'free':
      return s.serviceFree;
  }
}

/** The side-panel form of a サービスカード. */
export function ServiceCardPanel({ editor, shape, readonly }: { editor: Editor; shape: ServiceCardShape; readonly: boolean }) {
  const { s, locale } = useShapeTexts();
  const listId = useId();
  const p = shape.props;
  const set = (props: Partial<ServiceCardShape['props']>) => updateShapeProps(editor, shape, props);
  const link = cardServiceLink(p);
  const systemName = (id: SystemId) => (locale === 'ja' ? systemInfo(id).label : systemInfo(id).labelEn);
  const setSystem = (system: SystemId) => set({ system, ...serviceUpdate(p.service, system) });
  // Moved into another system's column: offer (not force) that column's system.
  const lane = useValue('rb-card-lane', () => laneOfCard(editor, shape.id), [editor, shape.id]);
  const [kept, setKept] = useState<SystemId | null>(null);
  const offerLane = !readonly && lane !== undefined && lane !== laneFor(p.system) && kept !== lane ? lane : undefined;
  return (
    <div className="rb-shape-form" data-testid="service-panel">
      {offerLane && (
        <div className="rb-offer" role="status" data-testid="column-system-offer">
          <p>{s.columnPrompt.replaceAll('{system}', systemName(offerLane))}</p>
          <div className="rb-row">
            <button type="button" className="rb-primary" onClick={() => setSystem(offerLane)} data-testid="column-system-change">
              {s.columnChange}
            </button>
            <button type="button" onClick={() => setKept(offerLane)}>
              {s.columnKeep}
            </button>
          </div>
        </div>
      )}
      <SelectField<SystemId>
        label={s.system}
        value={p.system}
        disabled={readonly}
        testId="service-system"
        options={SYSTEM_IDS.map((id) => ({ value: id, label: locale === 'ja' ? systemInfo(id).label : systemInfo(id).labelEn }))}
        onChange={setSystem}
      />
      <TextField
        label={s.service}
        value={p.service}
        disabled={readonly}
        list={listId}
        testId="service-name"
        onCommit={(v) => set(serviceUpdate(v, p.system))}
        hint={linkHint(link, s, systemName, locale)}
      />
      {link.kind === 'other-system' && !readonly && (
        <button type="button" className="rb-link-button" onClick={() => setSystem(link.service.system)} data-testid="service-use-system">
          {s.serviceUseSystem.replace('{system}', systemName(link.service.system))}
        </button>
      )}
      <datalist id={listId}>
        {catalogueFor(p.system).map((svc) => (
          <option key={svc.id} value={svc.name} />
        ))}
      </datalist>
      <TextField label={s.provider} value={p.provider} disabled={readonly} testId="service-provider" onCommit={(provider) => set({ provider })} />
      <TextField
        label={s.amount}
        value={p.amount}
        disabled={readonly}
        placeholder={s.amountPlaceholder}
        testId="service-amount"
        onCommit={(amount) => set({ amount })}
      />
      <SelectField<ServiceStatus>
        label={s.status}
        value={p.status}
        disabled={readonly}
        testId="service-status"
        options={SERVICE_STATUSES.map((v) => ({ value: v, label: SERVICE_STATUS_LABELS[v][locale] }))}
        onChange={(status) => set({ status })}
      />
      <TextField label={s.note} value={p.note} disabled={readonly} multiline testId="service-note" onCommit={(note) => set({ note })} />
    </div>
  );
}
