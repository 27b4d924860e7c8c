import { z } from 'zod';
import { REPLY_DEADLINE_STATUSES } from '../../domain/case/index.ts';
import { REVIEW_DECISIONS } from '../../domain/review/history.ts';
import { dateOut, defineRoute, instant, trackingNumber, uuid, year } from './common.ts';

/**
 * Review loops with words (issue #18): the history of a catalogue item's, an annual report's and a case's
 * review steps (who, when, decision, comment), and the 工作台 of returns, extensions and decisions awaiting.
 */

export const reviewEntry = z.object({
  id: z.uuid(),
  at: instant,
  step: z.string().meta({ description: '流程步骤（如 return、accept、extension_refused）' }),
  decision: z.enum(REVIEW_DECISIONS),
  decisionLabel: z.string().meta({ description: '通过、退回、批准、不批准……' }),
  comment: z.string().nullable(),
  by: z.string().meta({ description: '操作人的姓名' }),
});
const history = z.object({ items: z.array(reviewEntry) });

export const itemReviews = defineRoute({
  method: 'GET',
  path: '/api/v1/catalogue/items/:id/reviews',
  operationId: 'itemReviews',
  summary: '信息的审查记录（保密审查、退回、批准，条例第十七条）',
  tag: 'reviews',
  auth: 'login',
  params: z.object({ id: uuid('信息编号', 'item id') }),
  responses: { 200: history },
});

export const reportReviews = defineRoute({
  method: 'GET',
  path: '/api/v1/reports/:agencyId/:year/reviews',
  operationId: 'reportReviews',
  summary: '年度报告的审核记录（报送、退回、审核通过，条例第四十九条）',
  tag: 'reviews',
  auth: 'login',
  params: z.object({ agencyId: uuid('机关编号', 'agency id'), year: year(2019) }),
  responses: { 200: history },
});

export const caseReviews = defineRoute({
  method: 'GET',
  path: '/api/v1/cases/:tn/reviews',
  operationId: 'caseReviews',
  summary: '案件的审批记录（延期申请、批准、不批准，条例第三十三条）',
  tag: 'reviews',
  auth: 'login',
  params: z.object({ tn: trackingNumber() }),
  responses: { 200: history },
});

const headCase = z.object({
  trackingNumber: z.string(),
  agency: z.string(),
  description: z.string(),
  stateLabel: z.string(),
  replyDue: dateOut.nullable(),
  deadline: z
    .object({
      due: dateOut,
      daysLeft: z.number().int(),
      status: z.enum(REPLY_DEADLINE_STATUSES),
      overdue: z.boolean(),
    })
    .nullable(),
});

export const reviewWorkbench = defineRoute({
  method: 'GET',
  path: '/api/v1/workbench/reviews',
  operationId: 'reviewWorkbench',
  summary: '工作台：被退回的信息和年报、待批准的延期申请、待负责人作出的答复',
  description:
    '延期（条例第三十三条第一款）须经政府信息公开工作机构负责人同意；mayApprove、mayRefuse 为当前用户此刻可否批准或不批准（与登记事件时的校验相同）。',
  tag: 'reviews',
  auth: 'login',
  responses: {
    200: z.object({
      returned: z.array(
        z.object({
          kind: z.enum(['catalogue_item', 'annual_report']),
          id: z.string().meta({ description: '信息编号，或年报的 机关编号/年度' }),
          title: z.string(),
          agency: z.string(),
          by: z.string(),
          at: instant,
          comment: z.string(),
        }),
      ),
      extensions: z.array(
        headCase.extend({
          requestedDate: dateOut,
          requestedBy: z.string(),
          reason: z.string(),
          mayApprove: z.boolean(),
          mayRefuse: z.boolean(),
        }),
      ),
      decisions: z.array(headCase),
    }),
  },
});

export const reviewsContract = [itemReviews, reportReviews, caseReviews, reviewWorkbench] as const;
