import { demoApplications } from './applications.ts';
import { demoCatalogue } from './catalogue.ts';
import type { DemoExtension } from './load-demo.ts';

/** Demo data of the feature modules (catalogue, applications, reports), in load order. */
export const demoExtensions: DemoExtension[] = [demoCatalogue, demoApplications];
