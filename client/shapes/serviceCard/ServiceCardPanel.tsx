import { useId } from 'react';
import type { Editor } from 'tldraw';
import { SYSTEM_IDS, serviceById, systemInfo, type SystemId } from '../../../shared/domain/index.ts';
import { SERVICE_STATUSES, SERVICE_STATUS_LABELS, type ServiceCardShape, type ServiceStatus } from '../../../shared/shapes/index.ts';
import { SelectField, TextField } from '../common/fields.tsx';
import { updateShapeProps } from '../common/shapeOps.ts';
import { useShapeTexts } from '../texts.ts';
import { catalogueFor, serviceUpdate } from './catalogue.ts';

/** The side-panel form of a サービスカード. */
export function ServiceCardPanel({ editor, shape, readonly }: { editor: Editor; shape: ServiceCardShape; readonly: boolean }) {
  const { s, locale } = useShapeTexts();
  const listId = useId();
  const p = shape.props;
  const set = (props: Partial<ServiceCardShape['props']>) => updateShapeProps(editor, shape, props);
  const linked = p.serviceId ? serviceById(p.serviceId) : undefined;
  return (
    <div className="rb-shape-form" data-testid="service-panel">
      <SelectField<SystemId>
        label={s.system}
        value={p.system}
        disabled={readonly}
        testId="service-system"
        options={SYSTEM_IDS.map((id) => ({ value: id, label: locale === 'ja' ? systemInfo(id).label : systemInfo(id).labelEn }))}
        onChange={(system) => set({ system, ...serviceUpdate(p.service, system) })}
      />
      <TextField
        label={s.service}
        value={p.service}
        disabled={readonly}
        list={listId}
        testId="service-name"
        onCommit={(v) => set(serviceUpdate(v, p.system))}
        hint={p.service.trim() === '' ? s.serviceHint : linked ? `${s.serviceLinked}：${linked.name}` : s.serviceFree}
      />
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
