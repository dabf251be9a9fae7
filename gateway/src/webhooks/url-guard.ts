import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Where a webhook may point (SSRF guard). An administrator's receiver URL is fetched by the
// gateway from inside the network, so it must never reach the cloud's metadata service, the
// services behind the gateway, or (unless allowed for development) anything private. The check is
// made when the subscription is saved, and again at every delivery on the addresses the name then
// resolves to, and the connection is made to the very address checked (DNS rebinding).

/** A BlockList of ranges written `address/prefix` (CIDR). */
function blockList(ranges: { ipv4?: readonly string[]; ipv6?: readonly string[] }): BlockList {
  const list = new BlockList();
  for (const type of ['ipv4', 'ipv6'] as const) {
    for (const range of ranges[type] ?? []) {
      const [address = '', prefix = ''] = range.split('/');
      list.addSubnet(address, Number(prefix), type);
    }
  }
  return list;
}

/** Link-local (cloud metadata at 169.254.169.254), unspecified, multicast and reserved: never. */
const never = blockList({
  ipv4: ['169.254.0.0/16', '0.0.0.0/8', '224.0.0.0/4', '240.0.0.0/4'],
  ipv6: ['fe80::/10', '::/128', 'ff00::/8'],
});

/** Loopback and private ranges: only with WEBHOOK_ALLOW_PRIVATE=true (development, tests). */
const internal = blockList({
  ipv4: [
    '127.0.0.0/8',
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '100.64.0.0/10',
    '192.0.0.0/24',
    '198.18.0.0/15',
  ],
  ipv6: ['::1/128', 'fc00::/7', '64:ff9b::/96'],
});

const mapped = blockList({ ipv6: ['::ffff:0:0/96'] });

export interface ReceiverPolicy {
  allowPrivate: boolean;
  /** The gateway's and the services' own ports: refused on any address that is not public. */
  ownPorts: ReadonlySet<number>;
}

/** Why a receiver address is refused, in words for the 400 and the delivery log. */
export class ReceiverRefused extends Error {
  override readonly name = 'ReceiverRefused';
}

export interface ResolvedReceiver {
  url: URL;
  /** The address to connect to: one of those checked. */
  address: string;
  family: 4 | 6;
}

/** `::ffff:7f00:1` is 127.0.0.1: an IPv4-mapped address is judged as the IPv4 one. */
function unmapped(address: string, family: 4 | 6): { address: string; family: 4 | 6 } {
  if (family === 4 || !mapped.check(address, 'ipv6')) return { address, family };
  const groups = new URL(`http://[${address}]/`).hostname.slice(1, -1).split(':');
  const dotted = groups.at(-1) ?? '';
  if (dotted.includes('.')) return { address: dotted, family: 4 };
  const high = Number.parseInt(groups.at(-2) ?? '0', 16);
  const low = Number.parseInt(dotted, 16);
  return { address: [high >> 8, high & 255, low >> 8, low & 255].join('.'), family: 4 };
}

/** Why this address may not be called, or undefined when it may. */
export function refusalOf(rawAddress: string, port: number, policy: ReceiverPolicy): string | undefined {
  const family = isIP(rawAddress);
  if (family !== 4 && family !== 6) return 'is not an IP address';
  const { address, family: judged } = unmapped(rawAddress, family);
  const type = judged === 4 ? 'ipv4' : 'ipv6';
  if (never.check(address, type))
    return `points to a link-local or reserved address (${address}), which is never allowed`;
  const isInternal = internal.check(address, type);
  if (isInternal && policy.ownPorts.has(port)) return `points to one of CarCar's own services (port ${port})`;
  if (isInternal && !policy.allowPrivate) {
    return `points to a loopback or private address (${address}); set WEBHOOK_ALLOW_PRIVATE=true to allow that`;
  }
  return undefined;
}

function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Checks a receiver URL and every address its host resolves to; answers the address to connect to.
 * Throws `ReceiverRefused` saying why.
 */
export async function resolveReceiver(rawUrl: string, policy: ReceiverPolicy): Promise<ResolvedReceiver> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ReceiverRefused('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ReceiverRefused('must be an http(s) URL');
  if (url.username !== '' || url.password !== '') throw new ReceiverRefused('must not carry a user name or password');
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = portOf(url);
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new ReceiverRefused(`names a host that does not resolve (${host})`);
    }
  }
  if (addresses.length === 0) throw new ReceiverRefused(`names a host that does not resolve (${host})`);
  // Every address, not only the first: a name may resolve to a public and a private one.
  for (const { address } of addresses) {
    const refusal = refusalOf(address, port, policy);
    if (refusal) throw new ReceiverRefused(refusal);
  }
  const first = addresses[0] as { address: string; family: number };
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** The ports of the services behind the gateway and its own: a receiver on an internal address may not use them. */
export function ownPortsOf(port: number, serviceUrls: readonly string[]): Set<number> {
  return new Set([port, ...serviceUrls.map((url) => portOf(new URL(url)))]);
}
