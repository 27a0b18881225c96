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
  };
}
