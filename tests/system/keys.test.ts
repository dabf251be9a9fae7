import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv, promisify } from 'node:util';
import { GATEWAY_ISSUER, type Issuer, issuers } from '@carcar/common/contract/permissions';
import { createCredentialSigner } from '@carcar/common/http/credentials/sign';
import { createCredentialVerifier } from '@carcar/common/http/credentials/verify';
import { generateSigningKey, issuerOfKeyId, parseSigningKey, parseTrustedKeys } from '@carcar/common/service/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// `npm run keys` makes what docker-compose.yml and the Kubernetes Secret hand the processes: each
// output is read back the way its consumer reads it and the keys are used for real.
const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const keys = (...args: string[]) => run('npm', ['run', '-s', 'keys', '--', ...args], { cwd: root });

const signingVariables: Record<Issuer, string> = {
  'carcar-gateway': 'CARCAR_GATEWAY_SIGNING_KEY',
  'service-api': 'CARCAR_SERVICE_API_SIGNING_KEY',
  'sales-api': 'CARCAR_SALES_API_SIGNING_KEY',
};
const variableNames = [...Object.values(signingVariables), 'CARCAR_TRUSTED_KEYS', 'SESSION_SECRET'];

/** Signs a credential with each issuer's private key and has every service verify it with the trusted set. */
async function expectKeysWork(variables: Record<string, string | undefined>) {
  const trustedKeys = parseTrustedKeys(variables.CARCAR_TRUSTED_KEYS);
  expect(trustedKeys.keys.map((key) => issuerOfKeyId(key.kid)).sort()).toEqual([...issuers].sort());
  for (const issuer of issuers) {
    const privateJwk = parseSigningKey(variables[signingVariables[issuer]]);
    expect(issuerOfKeyId(privateJwk.kid)).toBe(issuer);
    const signer = createCredentialSigner({ issuer, privateJwk });
    const verifier = createCredentialVerifier({ audience: 'inventory-api', trustedKeys });
    if (issuer === GATEWAY_ISSUER) {
      const token = await signer.sign({
        audience: 'inventory-api',
        subject: 'user:1',
        claims: { name: 'Ada Admin', role: 'admin' },
      });
      expect(await verifier.verify(token)).toMatchObject({ kind: 'person', id: '1', role: 'admin' });
    } else {
      const token = await signer.serviceCredential('inventory-api');
      expect(await verifier.verify(token)).toEqual({ kind: 'service', service: issuer });
    }
  }
  // The set trusts these keys only: a stranger's key of the gateway's own issuer is refused.
  const stranger = createCredentialSigner({
    issuer: GATEWAY_ISSUER,
    privateJwk: (await generateSigningKey(GATEWAY_ISSUER)).privateJwk,
  });
  const forged = await stranger.sign({
    audience: 'inventory-api',
    subject: 'user:1',
    claims: { name: 'Ada Admin', role: 'admin' },
  });
  await expect(createCredentialVerifier({ audience: 'inventory-api', trustedKeys }).verify(forged)).rejects.toThrow(
    'unknown key id',
  );
  expect(variables.SESSION_SECRET?.length).toBeGreaterThanOrEqual(32);
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'carcar-keys-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run keys', () => {
  it('prints .env lines for docker compose: a private key per signer and the set of their public keys', async () => {
    const { stdout } = await keys();
    const variables = parseEnv(stdout);
    expect(Object.keys(variables).sort()).toEqual([...variableNames].sort());
    // Compose reads a single-quoted .env value as it is; the JSON needs no escaping inside.
    for (const name of variableNames) expect(stdout).toContain(`\n${name}='${variables[name]}'\n`);
    await expectKeysWork(variables);
  });

  it('makes new keys each run', async () => {
    const [first, second] = await Promise.all([keys(), keys()]);
    const a = parseEnv(first.stdout);
    const b = parseEnv(second.stdout);
    for (const name of variableNames) expect(a[name], name).not.toBe(b[name]);
  });

  it('writes them to a file only its owner can read, and never over an existing file', async () => {
    const file = path.join(scratch, '.env');
    const { stdout, stderr } = await keys(file);
    expect(stdout).toBe('');
    expect(stderr).toContain(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = readFileSync(file, 'utf8');
    await expectKeysWork(parseEnv(written));

    const refused = await keys(file).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toContain('already exists, so no keys were written');
    expect(readFileSync(file, 'utf8')).toBe(written);
  });

  it('--k8s: prints the Secret the Deployments read, with the same variables', async () => {
    const { stdout } = await keys('--k8s');
    const secret = parse(stdout) as {
      kind: string;
      metadata: { name: string };
      type: string;
      stringData: Record<string, string>;
    };
    expect(secret).toMatchObject({ kind: 'Secret', metadata: { name: 'carcar-keys' }, type: 'Opaque' });
    expect(Object.keys(secret.stringData).sort()).toEqual([...variableNames].sort());
    await expectKeysWork(secret.stringData);

    const file = path.join(scratch, 'keys.yaml');
    writeFileSync(file, 'kept\n');
    await expect(keys('--k8s', file)).rejects.toMatchObject({ code: 1 });
    expect(readFileSync(file, 'utf8')).toBe('kept\n');
  });

  it('refuses arguments it does not know, making no keys', async () => {
    await expect(keys('--kube')).rejects.toMatchObject({ code: 2, stdout: '' });
    await expect(keys('a.env', 'b.env')).rejects.toMatchObject({ code: 2, stdout: '' });
  });
});
