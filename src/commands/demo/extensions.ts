import type { DemoExtension } from './load-demo.ts';

/** Demo data of the feature modules (calendar, catalogue, applications, reports), in load order. */
export const demoExtensions: DemoExtension[] = [];
