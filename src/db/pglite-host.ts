/**
 * Child-process entry that owns the embedded PGlite database and serves it over a Unix socket with
 * @electric-sql/pglite-socket, so the parent talks plain PostgreSQL wire protocol through `pg` and a
 * long query never blocks the parent's event loop. Started by embedded.ts; reports readiness over IPC.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [dbDir, socketPath] = process.argv.slice(2);
if (!dbDir || !socketPath) {
  console.error('usage: pglite-host DB_DIR SOCKET_PATH');
  process.exit(2);
}

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
