import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateSigningKey } from '@carcar/common/service/keys';
import { afterAll, describe, expect, it } from 'vitest';

// Finding #7 of the penetration test (issue 25): production started with a development key and
// printed the generated administrator's password. The real entry point, run as a process.

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'carcar-production-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a workspace's src/main.ts with `env` (and nothing of the test's own keys or admin) until it exits. */
async function run(workspace: string, env: Record<string, string>): Promise<Outcome> {
  const {
    CARCAR_ADMIN_EMAIL: _e,
    CARCAR_ADMIN_PASSWORD: _p,
    NODE_ENV: _n,
    CARCAR_MODE: _m,
    ...inherited
  } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.join(root, workspace),
      env: { ...inherited, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | null; stdout?: string; stderr?: string };
    return { code: failed.code ?? null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('production refuses to start without its keys', () => {
  const modes: Record<string, string>[] = [{ NODE_ENV: 'production' }, { CARCAR_MODE: 'production' }];
  for (const mode of modes) {
    it(`gateway with ${Object.keys(mode)[0]}=production: one line naming what is missing, no key made`, async () => {
      const outcome = await run('gateway', mode);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
      expect(outcome.stderr).toContain('CARCAR_SIGNING_KEY');
      expect(outcome.stderr).toContain('SESSION_SECRET');
      expect(outcome.stdout).not.toContain('Password');
      expect(existsSync(path.join(dataDir, 'keys'))).toBe(false);
    }, 90_000);
  }

  it('gateway with its keys but no administrator configured: refuses, printing no password', async () => {
    const { privateJwk } = await generateSigningKey('carcar-gateway');
    const outcome = await run('gateway', {
      NODE_ENV: 'production',
      CARCAR_SIGNING_KEY: JSON.stringify(privateJwk),
      SESSION_SECRET: 'a production session secret of enough length',
    });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain('CARCAR_ADMIN_EMAIL');
    expect(outcome.stdout).not.toContain('Password');
  }, 90_000);

  it('a service with NODE_ENV=production and no trusted keys: one line, before its database', async () => {
    const outcome = await run('sales-api', { NODE_ENV: 'production' });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toContain('CARCAR_TRUSTED_KEYS');
    expect(outcome.stderr).toContain('CARCAR_SIGNING_KEY');
  }, 90_000);
});
