import { z } from 'zod';
import {
  accountabilityInput,
  CONCERN_SOURCES,
  concernInput,
  concernResponseInput,
  moderationInput,
} from '../../domain/supervision/supervision-input.ts';
import { dateOut, defineRoute, idOnly, ok, uuid, year } from './common.ts';

/** 责任追究 (条例第五十二条、第五十三条), 回应关切 (第六条) and moderating 社会评议 comments. */

const regionYear = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, '请指定地区代码 region（6 位）')
    .meta({ title: '地区代码', labelEn: 'region code' }),
  year: year(),
});

export const moderateRating = defineRoute({
  method: 'POST',
  path: '/api/v1/ratings/:id/moderate',
  operationId: 'moderateRating',
  summary: '审核评议意见（显示或不予显示）',
  tag: 'supervision',
  auth: 'login',
  params: z.object({ id: uuid('评议编号', 'rating id') }),
  body: moderationInput,
  responses: { 200: ok },
  errors: [409],
});

export const listAccountability = defineRoute({
  method: 'GET',
  path: '/api/v1/supervision/accountability',
  operationId: 'accountabilityRecords',
  summary: '责任追究记录',
  tag: 'supervision',
  auth: 'login',
  query: regionYear,
  responses: {
    200: z.object({
      records: z.array(
        z.object({
          id: z.uuid(),
          agency_id: z.uuid(),
          agency: z.string(),
          subject: z.string(),
          measure: z.string(),
          basis: z.string(),
          reason: z.string(),
          date: dateOut,
        }),
      ),
    }),
  },
});

export const recordAccountability = defineRoute({
  method: 'POST',
  path: '/api/v1/supervision/accountability',
  operationId: 'recordAccountability',
  summary: '登记责任追究（条例第五十二条、第五十三条）',
  tag: 'supervision',
  auth: 'login',
  body: accountabilityInput,
  responses: { 201: idOnly },
});

export const concern = z.object({
  id: z.uuid(),
  agency_id: z.uuid(),
  agency: z.string(),
  source: z.enum(Object.keys(CONCERN_SOURCES) as [string, ...string[]]),
  topic: z.string(),
  summary: z.string(),
  received_date: dateOut,
  responded_date: dateOut.nullable(),
  response_item_id: z.uuid().nullable(),
  response_title: z.string().nullable(),
  response_days: z.number().int().nullable(),
});

export const listConcerns = defineRoute({
  method: 'GET',
  path: '/api/v1/concerns',
  operationId: 'listConcerns',
  summary: '回应关切：本机关（或所监督地区）的关切事项，未回应的在前',
  tag: 'supervision',
  auth: 'login',
  responses: { 200: z.object({ concerns: z.array(concern) }) },
});

export const registerConcern = defineRoute({
  method: 'POST',
  path: '/api/v1/concerns',
  operationId: 'registerConcern',
  summary: '登记公众关切（条例第六条）',
  tag: 'supervision',
  auth: 'login',
  body: concernInput,
  responses: { 201: idOnly },
});

export const respondToConcern = defineRoute({
  method: 'POST',
  path: '/api/v1/concerns/:id/response',
  operationId: 'respondToConcern',
  summary: '以已发布的信息回应关切',
  tag: 'supervision',
  auth: 'login',
  params: z.object({ id: uuid('关切事项编号', 'concern id') }),
  body: concernResponseInput,
  responses: { 200: z.object({ respondedDate: dateOut.nullable() }) },
});

export const concernsContract = [
  moderateRating,
  listAccountability,
  recordAccountability,
  listConcerns,
  registerConcern,
  respondToConcern,
] as const;
