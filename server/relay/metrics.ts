/** Counters of one relay process, for tests, health and benchmarks. */
export interface RelayMetrics {
  storedUpdates: number;
  deliveredFrames: number;
  droppedViewWrites: number;
  malformedFrames: number;
  oversizedFrames: number;
  storeFailures: number;
  /** ms since epoch of the last failed and the last successful append (0 = never). */
  lastStoreFailureAt: number;
  lastStoreSuccessAt: number;
  compactions: number;
  /** Documents rebuilt from storage after a refused update had touched them. */
  repairs: number;
  roomsLoaded: number;
  roomsUnloaded: number;
  rejectedUpgrades: number;
  /** Step-2 answers sent from the cache (the document had not changed since the same question). */
  step2Reused: number;
  /** Server updates that mended a structure two concurrent edits broke (SPEC D3). */
  structureRepairs: number;
  /** Server updates that restored or stamped a note's author (SPEC D6). */
  authorFixes: number;
  /** Server updates that put back locked records an edit-role session changed (SPEC D7). */
  lockRestores: number;
  /** Step-1 and awareness frames dropped by a session's rate limit, oversized awareness states. */
  droppedStep1: number;
  droppedAwareness: number;
  /** Sessions closed because they did not read what the server sent (SPEC R10). */
  slowConsumers: number;
  /** Sessions closed because their link was revoked (rotation, removal), here or on another instance. */
  revokedSessions: number;
}

/** A zeroed set of counters. */
export function createMetrics(): RelayMetrics {
  return {
    storedUpdates: 0,
    deliveredFrames: 0,
    droppedViewWrites: 0,
    malformedFrames: 0,
    oversizedFrames: 0,
    storeFailures: 0,
    lastStoreFailureAt: 0,
    lastStoreSuccessAt: 0,
    compactions: 0,
    repairs: 0,
    roomsLoaded: 0,
    roomsUnloaded: 0,
    rejectedUpgrades: 0,
    step2Reused: 0,
    structureRepairs: 0,
    authorFixes: 0,
    lockRestores: 0,
    droppedStep1: 0,
    droppedAwareness: 0,
    slowConsumers: 0,
    revokedSessions: 0,
  };
}
