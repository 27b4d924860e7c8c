import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `gongkai serve` as a real process on `port`, resolved once it has printed that it started. In its own
 * process group: killing the group takes the embedded database host with it, as a crash would.
 */
export function startServerProcess(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/gongkai.js'), 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('gongkai 已启动')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
}

/** Stops a server process started above and waits for it to exit. */
export async function stopServerProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}
