import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/** The ports the kernel hands out as the local end of outgoing connections (Linux); a guess elsewhere. */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // not Linux
  }
  return [32768, 65535];
}

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * `count` different ports no one listens on just now, each held until all are found (a port just
 * released can be handed out again at once: CI once gave sales and service the same one). They are
 * taken below the kernel's ephemeral range: a port in it can become the local end of any test's
 * outgoing connection between this check and the listen, or between a stack's stop and its
 * restart on the same ports, and the listen then fails with EADDRINUSE (the `npm start` test's
 * second start exited with 1 that way, and a Postgres drill's server could not start).
 */
export async function freePorts(count: number): Promise<number[]> {
  const [ephemeralLow] = ephemeralRange();
  const low = 10_000;
  const high = Math.max(low + 1000, ephemeralLow) - 1;
  const held: Server[] = [];
  const ports: number[] = [];
  try {
    for (let attempt = 0; ports.length < count; attempt++) {
      if (attempt > count * 200) throw new Error(`no ${count} free ports between ${low} and ${high}`);
      const port = low + Math.floor(Math.random() * (high - low + 1));
      if (ports.includes(port)) continue;
      const server = await listen(port);
      if (!server) continue;
      held.push(server);
      ports.push(port);
    }
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
  return ports;
}
