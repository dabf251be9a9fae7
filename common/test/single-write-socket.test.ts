import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SingleWriteSocket } from '../src/db/single-write-socket.js';

// What pg corks (several messages of one query) must reach the server whole and in order, as one write.
let server: Server;
let received: Promise<Buffer>;

beforeAll(async () => {
  received = new Promise((resolve) => {
    server = createServer((socket) => {
      const parts: Buffer[] = [];
      socket.on('data', (part) => parts.push(part));
      socket.on('end', () => resolve(Buffer.concat(parts)));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SingleWriteSocket', () => {
  it('sends corked buffers and strings as one write, byte for byte, in order', async () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const socket = new SingleWriteSocket();
    socket.connect(address.port, '127.0.0.1');
    await once(socket, 'connect');
    // What reaches the socket's handle: one write for the corked batch, never a writev of pieces.
    const writes: string[] = [];
    const original = { write: socket._write.bind(socket) };
    socket._write = (chunk, encoding, callback) => {
      writes.push(`write ${Buffer.byteLength(chunk)}`);
      original.write(chunk, encoding, callback);
    };
    socket.cork();
    socket.write(Buffer.from([0x42, 0x00, 0x01]));
    socket.write('é-utf8', 'utf8');
    socket.write('ff', 'hex');
    socket.write(Buffer.alloc(70_000, 7));
    socket.uncork();
    socket.end();
    const expected = Buffer.concat([
      Buffer.from([0x42, 0x00, 0x01]),
      Buffer.from('é-utf8', 'utf8'),
      Buffer.from([0xff]),
      Buffer.alloc(70_000, 7),
    ]);
    expect((await received).equals(expected)).toBe(true);
    expect(writes).toEqual([`write ${expected.length}`]);
  });
});
