import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { HttpScenario } from './scenarios.js';

// The machine's floor for the fixed-rate scenarios: the same generator, at the same rate, against
// a bare node:http server in a process of its own that answers a constant (no Express, no
// credential, no database). What its p99 shows is what the machine, Node's event loops and the
// generator cost before any CarCar code runs, so the open-loop rows can be read against it.

const SERVER = `
const http = require('node:http');
const body = JSON.stringify({ ok: true });
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export interface FloorServer {
  scenario: HttpScenario;
  stop(): Promise<void>;
}

export async function startFloorServer(): Promise<FloorServer> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`the floor server did not start: ${chunk.toString()}`);
  return {
    scenario: {
      name: "GET of a constant from a bare node:http server in its own process (the machine's floor)",
      url: `http://127.0.0.1:${port}`,
      next: () => ({ method: 'GET', path: '/', headers: {} }),
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
