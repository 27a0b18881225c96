export { Room, type RoomHooks, type RoomOptions, type RoomState } from './Room.ts';
export { RoomRegistry, type RoomRegistryOptions, type ConnectionHandle } from './RoomRegistry.ts';
export { createMetrics, type RelayMetrics } from './metrics.ts';
export type { RelaySocket, SharedFrame } from './SocketLike.ts';
export type { Session } from './Session.ts';
export * from './wire.ts';
