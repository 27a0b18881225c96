import { useI18n, type MessageKey } from '../i18n/index.ts';
import type { ConnectionStatus } from './BoardConnection.ts';
import { R } from '../ruby/index.ts';

const LABEL: Record<ConnectionStatus, MessageKey> = {
  connecting: 'statusConnecting',
  synced: 'statusSynced',
  offline: 'statusOffline',
  revoked: 'statusRevoked',
};

/** The connection state, always visible, announced to screen readers when it changes. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  return (
    <div className={`rb-status rb-status--${status}`} role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <span className="rb-status__dot" aria-hidden="true" />
      <R>{t(LABEL[status])}</R>
    </div>
  );
}
