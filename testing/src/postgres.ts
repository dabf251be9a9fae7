import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A Postgres server of a test's own, in a temporary directory on its own port, so a drill can stop
 * and restart it without disturbing the shared server other tests use. Needs Debian's postgresql
 * binaries; as root it runs them as the `postgres` user (Postgres refuses to run as root).
 */
export class PrivatePostgres {
  private readonly dir: string;
  private readonly bin: string;
  readonly url: string;

  constructor(readonly port: number) {
    const versions = readdirSync('/usr/lib/postgresql').sort();
    this.bin = path.join('/usr/lib/postgresql', versions.at(-1) ?? '', 'bin');
    this.dir = mkdtempSync(path.join(tmpdir(), 'carcar-pg-'));
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
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
