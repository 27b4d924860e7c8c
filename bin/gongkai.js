#!/usr/bin/env node
// Runs the built server (dist/server/gongkai.mjs, see scripts/server-bundle.mjs) while it is as new as the
// sources; otherwise the TypeScript sources directly through tsx: no build step needed in a checkout.
import { pathToFileURL } from 'node:url';
import { bundleIsFresh, SERVER_BUNDLE } from '../scripts/server-bundle.mjs';

if (process.env.GONGKAI_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import(pathToFileURL(SERVER_BUNDLE).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exit(await main(process.argv.slice(2)));
}
