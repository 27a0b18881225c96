export type { BoardPresence, BusHealth, BusMessage, RelayBus } from './RelayBus.ts';
export { RedisBus, type RedisBusOptions } from './RedisBus.ts';
export { PresenceSharing, type PresenceSharingOptions } from './PresenceSharing.ts';
