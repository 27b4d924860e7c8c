import type { Ctx } from '../../shared/context.ts';
import { rng } from '../../shared/random.ts';
import { createItem, itemStep } from '../catalogue/items.ts';
import { recordAccountability } from '../supervision/accountability.ts';
import { registerConcern, respondToConcern } from '../supervision/concerns.ts';
import { setAssessmentPlan } from '../supervision/plans.ts';
import { submitRating } from '../supervision/ratings.ts';
import { demoActor } from './actors.ts';
import type { DemoExtension } from './load-demo.ts';

/**
 * 2025's supervision of 凉州区: the 考核 plan, the public's ratings of published items through the year, one
 * 责任追究, and 回应关切 — so the 2025 government report draft states its 考核, 社会评议 and 责任追究 results.
 */
export const demoSupervision: DemoExtension = async (sys, ids) => {
  const sup = await demoActor(sys, 'demo-supervisor');
  await setAssessmentPlan(sup, '620602', 2025, {
    indicators: [
      { key: 'on_time_replies', weight: 30 },
      { key: 'disclosure_timeliness', weight: 20 },
      { key: 'interpretation_coverage', weight: 20 },
      { key: 'report_on_time', weight: 15 },
      { key: 'appeals_not_corrected', weight: 15 },
    ],
  });
  const items = await sys.db
    .selectFrom('catalogue_items')
    .select(['id', 'publish_date'])
    .where('state', '=', 'published')
    .where('publish_date', '>=', '2025-01-01')
    .where('publish_date', '<=', '2025-11-30')
    .orderBy('publish_date')
    .orderBy('id')
    .execute();
  const r = rng(50);
  for (let k = 0; k < 40 && items.length; k++) {
    const item = items[r.int(0, items.length - 1)]!;
    const at = new Date(`${item.publish_date}T03:00:00Z`);
    at.setUTCDate(at.getUTCDate() + r.int(1, 20));
    if (at.getUTCFullYear() !== 2025) continue;
    const score = r.pick([5, 5, 5, 4, 4, 4, 3, 2]);
    await submitRating(
      { ...sys, actor: null, now: () => at },
      'item',
      { itemId: item.id, score, comment: score <= 2 ? '希望附上办事指南的下载链接' : '' },
      `demo-visitor-${k}`,
    );
  }
  const at2025 = (date: string): Ctx => ({ ...sup, now: () => new Date(`${date}T02:00:00Z`) });
  await recordAccountability(at2025('2025-06-18'), {
    agencyId: ids.town!,
    subject: '凉州区某镇人民政府党政办公室',
    measure: '约谈',
    basis: '《中华人民共和国政府信息公开条例》第五十二条',
    reason: '2025年第一季度主动公开栏目更新不及时',
    date: '2025-06-18',
  });
  const op = await demoActor(sys, 'demo-operator');
  const ap = await demoActor(sys, 'demo-approver');
  const rev = await demoActor(sys, 'demo-reviewer');
  const concern = await registerConcern(at2025('2025-08-04'), {
    agencyId: ids.samr!,
    source: 'hotline',
    topic: '校园周边食品安全专项检查结果',
    summary: '多名家长来电询问开学前校园周边食品经营店检查情况',
    receivedDate: '2025-08-04',
  });
  await registerConcern(at2025('2025-11-20'), {
    agencyId: ids.samr!,
    source: 'message_board',
    topic: '电动自行车充电器质量抽检',
    receivedDate: '2025-11-20',
  });
  const when = (d: string) => ({ now: () => new Date(`${d}T02:00:00Z`) });
  const response = await createItem({ ...op, ...when('2025-08-07') }, ids.samr!, {
    title: '凉州区市场监督管理局关于2025年秋季开学校园周边食品安全专项检查情况的通报',
    genre: 'announcement',
    articleItem: '20.13',
    topic: '食品药品',
    formedDate: '2025-08-07',
    bodyHtml:
      '<p>为保障秋季开学校园食品安全，我局于8月5日至6日对全区中小学校周边食品经营店开展专项检查，共检查经营户126家，责令整改9家，立案查处1家。检查结果将持续公开。</p>',
  });
  await itemStep({ ...op, ...when('2025-08-07') }, response, 'submit', {});
  await itemStep({ ...rev, ...when('2025-08-08') }, response, 'review', { disclosure: 'proactive' });
  await itemStep({ ...ap, ...when('2025-08-08') }, response, 'approve', {});
  await respondToConcern(op, concern.id, { itemId: response });
};
