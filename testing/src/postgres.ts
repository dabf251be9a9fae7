import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePorts } from './ports.js';

/**
 * A Postgres server of a test's own, in a temporary directory on its own port, so a drill can stop
 * and restart it without disturbing the shared server other tests use. Needs Debian's postgresql
 * binaries; as root it runs them as the `postgres` user (Postgres refuses to run as root).
 */
export class PrivatePostgres {
  private readonly dir: string;
  private readonly bin: string;
  private port = 0;

  constructor() {
    const versions = readdirSync('/usr/lib/postgresql').sort();
    this.bin = path.join('/usr/lib/postgresql', versions.at(-1) ?? '', 'bin');
    this.dir = mkdtempSync(path.join(tmpdir(), 'carcar-pg-'));
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /**
   * The first start, on a port that was free a moment before. A fixed or random port once met a
   * client socket of another test holding it as its local port (CI: pg_ctl could not start), so a
   * start that fails tries again on another free port.
   */
  async startOnFreePort(attempts = 5): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      this.port = (await freePorts(1))[0] ?? 0;
      try {
        this.start();
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
    }
  }

  private run(tool: string, args: string[]): void {
    const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
    const [command, ...rest] = [...asPostgres, path.join(this.bin, tool), ...args];
    execFileSync(command as string, rest, { stdio: 'ignore' });
  }

  init(): void {
    if (process.getuid?.() === 0) {
      const owner = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const group = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(this.dir, owner, group);
    }
    chmodSync(this.dir, 0o700);
    this.run('initdb', ['-D', path.join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync']);
  }

  /** Starts (again) on its port; the first start is `startOnFreePort`. */
  start(): void {
    this.run('pg_ctl', [
      '-D',
      path.join(this.dir, 'data'),
      '-w',
      '-l',
      path.join(this.dir, 'log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  }

  stop(): void {
    this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-w', '-m', 'fast', 'stop']);
  }

  remove(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
