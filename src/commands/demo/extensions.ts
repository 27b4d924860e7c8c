import { demoApplications } from './applications.ts';
import { demoCatalogue } from './catalogue.ts';
import { demoGuidePages } from './guide-pages.ts';
import type { DemoExtension } from './load-demo.ts';
import { demoReports } from './reports.ts';
import { demoSupervision } from './supervision.ts';

/** Demo data of the feature modules, in load order (reports count the catalogue and the applications). */
export const demoExtensions: DemoExtension[] = [
  demoCatalogue,
  demoGuidePages,
  demoApplications,
  demoReports,
  demoSupervision,
];
