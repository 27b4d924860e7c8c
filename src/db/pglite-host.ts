/**
 * Child-process entry that owns the embedded PGlite database and serves it over a Unix socket with
 * @electric-sql/pglite-socket, so the parent talks plain PostgreSQL wire protocol through `pg` and a
 * long query never blocks the parent's event loop. Started by embedded.ts; reports readiness over IPC.
 * The server and CLI commands beside it are its clients (see session-queue.ts for how they share it).
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue.ts';

const [dbDir, socketPath] = process.argv.slice(2);
if (!dbDir || !socketPath) {
  console.error('usage: pglite-host DB_DIR SOCKET_PATH');
  process.exit(2);
}

// The database files are the applicants' personal data (encrypted) and everything else: owner only. New files
// and directories (and the socket) get no group/other bits; and PGlite's file system layer sets each file's mode
// itself (0666 for the files of a new database), so the same mask is applied to the modes it sets.
process.umask(0o077);
const ownerOnly = (mode: fs.Mode) => (typeof mode === 'number' ? mode : Number.parseInt(mode, 8)) & ~0o077;
const { chmodSync, fchmodSync } = fs;
fs.chmodSync = (path, mode) => chmodSync(path, ownerOnly(mode));
fs.fchmodSync = (fd, mode) => fchmodSync(fd, ownerOnly(mode));

// pglite-socket starts a handleData() for every TCP chunk without waiting for the previous one, so the
// messages of one client can be processed out of order ("portal does not exist") when an exchange arrives
// in several chunks. Serialise them per connection.
type Handler = { handleData(data: Buffer): Promise<number>; __chain?: Promise<unknown> };
const proto = PGLiteSocketHandler.prototype as unknown as Handler;
const handleData = proto.handleData;
proto.handleData = function (this: Handler, data: Buffer) {
  const run = (this.__chain ?? Promise.resolve()).then(() => handleData.call(this, data));
  this.__chain = run.catch(() => {});
  return run;
};

const db = await PGlite.create(dbDir);
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 64 });
// Each connection keeps the session for a whole exchange or transaction (session-queue.ts).
(server as unknown as { queryQueue: SessionQueue }).queryQueue = new SessionQueue(db);
await server.start();
process.send?.({ ready: true });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
