import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Everything a run must leave behind clean: child servers and temporary directories.
 * One instance per run, handed to whatever starts children; `install` wires it to the
 * process's exit and signals so an interrupted run leaves no server behind.
 */
export class Cleanup {
  private readonly children = new Set<ChildProcess>();
  private readonly dirs = new Set<string>();

  /** A fresh temporary directory, removed at the end of the run. */
  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.dirs.add(dir);
    return dir;
  }

  /** Remove a temporary directory now. */
  removeDir(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
    this.dirs.delete(dir);
  }

  /** Track a child so it is killed if the run ends early. */
  track(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
  }

  /** Kill every child still alive and remove every temporary directory, synchronously. */
  runNow(): void {
    for (const child of this.children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    this.children.clear();
    for (const dir of this.dirs) fs.rmSync(dir, { recursive: true, force: true });
    this.dirs.clear();
  }

  /** Clean up on exit, on SIGINT/SIGTERM/SIGHUP (exit 130/143/129) and on a crash (exit 1). */
  install(onCrash: (err: unknown) => void): void {
    process.once('exit', () => this.runNow());
    const signals: Array<[NodeJS.Signals, number]> = [
      ['SIGINT', 130],
      ['SIGTERM', 143],
      ['SIGHUP', 129],
    ];
    for (const [signal, code] of signals) {
      process.once(signal, () => {
        process.stderr.write(`\nbench: ${signal}, stopping servers and removing temporary data\n`);
        this.runNow();
        process.exit(code);
      });
    }
    const crash = (err: unknown) => {
      onCrash(err);
      this.runNow();
      process.exit(1);
    };
    process.once('uncaughtException', crash);
    process.once('unhandledRejection', crash);
  }
}
