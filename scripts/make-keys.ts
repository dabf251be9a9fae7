// Makes the signing keys a deployment needs (docs/identity.md, "Keys"): an Ed25519 key pair for
// each signer, the set of their public keys every service trusts, and a secret for the gateway's
// session cookie. New keys each run, so run it once per deployment and keep the result private.
//   npm run keys                        the lines for docker compose's .env, printed
//   npm run keys -- .env                the same, written to .env (only you can read it)
//   npm run -s keys -- --k8s            a Kubernetes Secret (carcar-keys) instead, printed
//   npm run keys -- --k8s keys.yaml     the Secret, written to keys.yaml
// A file given is never overwritten: replacing keys signs everyone out and must be deliberate.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { type Issuer, issuers } from '@carcar/common/contract/permissions';
import { generateSigningKey } from '@carcar/common/service/keys';

/** The variable each signer's private key travels in; docker-compose.yml and deploy/k8s use these names. */
const signingKeyVariables = {
  'carcar-gateway': 'CARCAR_GATEWAY_SIGNING_KEY',
  'service-api': 'CARCAR_SERVICE_API_SIGNING_KEY',
  'sales-api': 'CARCAR_SALES_API_SIGNING_KEY',
} as const satisfies Record<Issuer, string>;

const SECRET_NAME = 'carcar-keys';

async function makeVariables(): Promise<[string, string][]> {
  const pairs = await Promise.all(issuers.map(async (issuer) => [issuer, await generateSigningKey(issuer)] as const));
  return [
    ...pairs.map(([issuer, pair]): [string, string] => [signingKeyVariables[issuer], JSON.stringify(pair.privateJwk)]),
    ['CARCAR_TRUSTED_KEYS', JSON.stringify({ keys: pairs.map(([, pair]) => pair.publicJwk) })],
    ['SESSION_SECRET', randomBytes(32).toString('base64url')],
  ];
}

// Single quotes keep JSON's double quotes as they are, in a compose .env file as in YAML.
const dotenvQuoted = (value: string) => {
  if (value.includes("'")) throw new Error('A generated value holds a single quote and cannot be written to .env');
  return `'${value}'`;
};
const yamlQuoted = (value: string) => `'${value.replaceAll("'", "''")}'`;

function dotenv(variables: [string, string][]): string {
  return [
    `# CarCar's signing keys, made ${new Date().toISOString()} by npm run keys. Keep this file private.`,
    ...variables.map(([name, value]) => `${name}=${dotenvQuoted(value)}`),
    '',
  ].join('\n');
}

function secretManifest(variables: [string, string][]): string {
  return [
    `# CarCar's signing keys, made ${new Date().toISOString()} by npm run keys -- --k8s. Keep this file private.`,
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${SECRET_NAME}`,
    'type: Opaque',
    'stringData:',
    ...variables.map(([name, value]) => `  ${name}: ${yamlQuoted(value)}`),
    '',
  ].join('\n');
}

const args = process.argv.slice(2);
const k8s = args.includes('--k8s');
const rest = args.filter((arg) => arg !== '--k8s');
const unknown = rest.filter((arg) => arg.startsWith('-'));
if (unknown.length > 0 || rest.length > 1) {
  process.stderr.write(
    `Usage: npm run keys -- [--k8s] [file]\nNot understood: ${[...unknown, ...rest.slice(1)].join(' ')}\n`,
  );
  process.exit(2);
}
const file = rest[0];

const variables = await makeVariables();
const text = k8s ? secretManifest(variables) : dotenv(variables);
if (file === undefined) {
  process.stdout.write(text);
} else {
  try {
    // `wx`: never replace existing keys by accident.
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    process.stderr.write(
      `${file} already exists, so no keys were written. New keys sign everyone out; to replace the old ones, delete ${file} first.\n`,
    );
    process.exit(1);
  }
  const next = k8s ? `kubectl apply -f ${file}` : 'docker compose up --build';
  process.stderr.write(`Wrote the keys to ${file}; only you can read it. Next: ${next}\n`);
}
