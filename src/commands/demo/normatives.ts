import { addDays } from '../../domain/calendar/index.ts';
import { renderPdf } from '../../render/pdf.ts';
import type { Ctx } from '../../shared/context.ts';
import { rng } from '../../shared/random.ts';
import { addAttachment } from '../catalogue/attachments.ts';
import { createItem, itemStep } from '../catalogue/items.ts';
import { demoActor } from './actors.ts';
import { DEMO_AGENCIES, DEMO_STAFF } from './data.ts';
import type { DemoEnv } from './load-demo.ts';
import { NORMATIVE_AGENCIES, type Normative, normative, RULES_OF } from './text/normative.ts';
import { toHtml } from './text/parts.ts';

const TOPIC: Record<string, string> = {
  samr: '市场监管',
  gov: '综合政务',
  edu: '教育',
  health: '卫生健康',
  nr: '自然资源',
};
const FIRST_YEAR = 2021;

/** The agency's staff who write, review and approve its items in the demo. */
async function staff(sys: Ctx, key: string) {
  if (key === 'samr')
    return Promise.all(['demo-operator', 'demo-reviewer', 'demo-approver'].map((u) => demoActor(sys, u)));
  const u = DEMO_STAFF.find((s) => s.agency === key)!;
  const one = await demoActor(sys, u.username);
  return [one, one, one];
}

/** Through the review workflow, published on `day` (条例第十七条: reviewed before it is published). */
async function publish(people: Ctx[], id: string, day: string) {
  const [op, rev, ap] = people as [Ctx, Ctx, Ctx];
  await itemStep(op, id, 'submit');
  await itemStep(rev, id, 'review', { disclosure: 'proactive' });
  await itemStep(ap, id, 'approve', { publishDate: day });
}

interface Planned {
  key: string;
  doc: Normative;
  day: string;
  written: string;
  /** The PDF, rendered while the catalogue imports (the database works in its own process meanwhile). */
  pdf: Promise<Buffer> | null;
}

/**
 * 规范性文件 (条例第二十条第一项) of the agencies that make them, spread over the years to today, each with the
 * PDF as issued (the platform's own PDF renderer). Without a data directory (some tests) no PDF is made.
 */
export function planNormatives(today: string, env: DemoEnv): Planned[] {
  const r = rng(2019);
  // One PDF after the other, each in its own turn of the event loop, so the imports' answers are not held up.
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = (render: () => Promise<Buffer>) => {
    const next = last.then(() => new Promise((ok) => setImmediate(ok))).then(render);
    next.catch(() => undefined); // awaited (and its failure reported) where the attachment is stored
    last = next;
    return next;
  };
  const now = Number(today.slice(0, 4));
  const years = now - FIRST_YEAR + 1;
  const plan: Planned[] = [];
  for (const key of NORMATIVE_AGENCIES) {
    const a = DEMO_AGENCIES.find((x) => x.key === key)!;
    const count = key === 'samr' || key === 'gov' ? Math.min(RULES_OF(key), years) : Math.min(2, years);
    const numbers = new Map<number, number>();
    for (let k = 0; k < count; k++) {
      const year = FIRST_YEAR + Math.floor((k * years) / count);
      let day = `${year}-${String(r.int(3, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      if (day > addDays(today, -3)) day = addDays(today, -3);
      const n = (numbers.get(year) ?? 0) + 1;
      numbers.set(year, n);
      const doc = normative(r, a, k, year, n, day);
      plan.push({
        key,
        doc,
        day,
        written: addDays(day, -r.int(3, 12)),
        pdf: env.dataDir ? inTurn(() => renderPdf(doc.pdf)) : null,
      });
    }
  }
  return plan;
}

/**
 * The planned 规范性文件 through the review workflow, the PDF attached to each, and its 政策解读 published the same
 * day, linked to it (《关于全面推进政务公开工作的意见》: a 规范性文件 and its 解读 go out together).
 */
export async function demoNormatives(
  sys: Ctx,
  ids: Record<string, string>,
  env: DemoEnv,
  plan: Planned[],
  titles: Map<string, Set<string>>,
) {
  const people = new Map<string, Ctx[]>();
  for (const { key, doc, day, written, pdf } of plan) {
    if (!people.has(key)) people.set(key, await staff(sys, key));
    const staffOf = people.get(key)!;
    titles.get(key)!.add(doc.title).add(doc.interpretation.title);
    const id = await createItem(staffOf[0]!, ids[key]!, {
      title: doc.title,
      docNumber: doc.docNumber,
      writtenDate: written,
      genre: 'normative',
      articleItem: '20.1',
      topic: TOPIC[key],
      keywords: `${doc.field} 规范性文件`,
      bodyHtml: toHtml(doc.paras),
    });
    if (env.dataDir && pdf) await addAttachment(staffOf[0]!, env.dataDir, id, `${doc.name}.pdf`, await pdf);
    await publish(staffOf, id, day);
    const reading = await createItem(staffOf[0]!, ids[key]!, {
      title: doc.interpretation.title,
      writtenDate: day,
      genre: 'interpretation',
      articleItem: '20.1',
      topic: TOPIC[key],
      keywords: `政策解读 ${doc.field}`,
      interpretsId: id,
      bodyHtml: toHtml(doc.interpretation.paras),
    });
    await publish(staffOf, reading, day);
  }
}
