import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readVersion(): string {
  // From dist/server or from server/: package.json is one or two levels up.
  for (const p of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(p) as { name?: string; version?: string };
      if (pkg.name === 'renkei-board' && pkg.version) return pkg.version;
    } catch {
      // Try the next location.
    }
  }
  return '0.0.0';
}

/** The app's version, from package.json. */
export const VERSION: string = readVersion();
