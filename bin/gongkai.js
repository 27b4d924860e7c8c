#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step in the checkout.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
