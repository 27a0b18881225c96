export type { BusHealth, BusMessage, RelayBus } from './RelayBus.ts';
export { RedisBus, type RedisBusOptions } from './RedisBus.ts';
