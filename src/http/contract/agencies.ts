import { z } from 'zod';
import { userInput } from '../../domain/access/user-input.ts';
import { AGENCY_KINDS, agencyInput, agencyPatch } from '../../domain/agency/agency-input.ts';
import { letterSettingsInput } from '../../domain/agency/letter-settings.ts';
import { DOC_NUMBER_KINDS, type DocNumberKind } from '../../domain/case/letters.ts';
import { defineRoute, uuid } from './common.ts';

/** 机关与用户: the agencies in the caller's scope, and staff accounts. */

export const agency = z.object({
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string(),
  kind: z.enum(AGENCY_KINDS),
  regionCode: z.string(),
  regionName: z.string(),
  parentAgencyId: z.uuid().nullable(),
  contact: z
    .object({
      office: z.string().optional(),
      address: z.string().optional(),
      postcode: z.string().optional(),
      phone: z.string().optional(),
      fax: z.string().optional(),
      email: z.string().optional(),
      hours: z.string().optional(),
    })
    .meta({ description: '联系方式（条例第二十二条：政府信息公开指南）' }),
  indexPattern: z.string(),
});
const agencyId = z.object({ id: uuid('机关编号', 'agency id') });

export const listAgencies = defineRoute({
  method: 'GET',
  path: '/api/v1/agencies',
  operationId: 'listAgencies',
  summary: '机关列表（按权限范围）',
  tag: 'agencies',
  auth: 'login',
  responses: { 200: z.object({ items: z.array(agency) }) },
});

export const getAgency = defineRoute({
  method: 'GET',
  path: '/api/v1/agencies/:id',
  operationId: 'getAgency',
  summary: '机关信息',
  tag: 'agencies',
  auth: 'login',
  params: agencyId,
  responses: { 200: agency },
});

export const createAgency = defineRoute({
  method: 'POST',
  path: '/api/v1/agencies',
  operationId: 'createAgency',
  summary: '新增机关（系统管理员）',
  tag: 'agencies',
  auth: 'login',
  body: agencyInput,
  responses: { 201: agency },
});

export const updateAgency = defineRoute({
  method: 'PATCH',
  path: '/api/v1/agencies/:id',
  operationId: 'updateAgency',
  summary: '修改机关信息（机关管理员；调整所属地区或上级机关须系统管理员）',
  tag: 'agencies',
  auth: 'login',
  params: agencyId,
  body: agencyPatch,
  responses: { 200: agency },
});

const byRegister = <T extends z.ZodType>(v: T) =>
  z.object(Object.fromEntries(DOC_NUMBER_KINDS.map((k) => [k, v])) as Record<DocNumberKind, T>);

/** 文号 patterns (GB/T 9704-2012) and the 救济途径 bodies of an agency, with the platform's proposals. */
export const letterSettings = z.object({
  docCode: z.string().nullable().meta({ description: '机关代字，如 凉市监' }),
  patterns: byRegister(z.string().nullable()).meta({
    description:
      '各类告知书的文号格式（机关代字〔{year}〕{n}号）；null：未设置，该类告知书暂不能出具（登记回执不编号）',
  }),
  reviewBody: z.string().nullable().meta({ description: '复议机关；null：按行政区划建议' }),
  court: z.string().nullable().meta({ description: '管辖法院；null：按行政区划建议' }),
  proposed: z.object({
    patterns: byRegister(z.string()).meta({ description: '按机关代字建议的文号格式' }),
    reviewBody: z.string().nullable().meta({ description: '行政复议法第二十四条' }),
    court: z.string().nullable().meta({ description: '行政诉讼法第十四条、第十五条、第十八条' }),
  }),
});

export const getLetterSettings = defineRoute({
  method: 'GET',
  path: '/api/v1/agencies/:id/letter-settings',
  operationId: 'getLetterSettings',
  summary: '机关设置：告知书的文号格式和救济途径（复议机关、管辖法院）',
  tag: 'agencies',
  auth: 'login',
  params: agencyId,
  responses: { 200: letterSettings },
});

export const saveLetterSettings = defineRoute({
  method: 'PUT',
  path: '/api/v1/agencies/:id/letter-settings',
  operationId: 'saveLetterSettings',
  summary: '保存机关的文号格式和救济途径（机关管理员）',
  description: '整体保存：未列出的文号格式视为未设置。复议机关、管辖法院留空则按行政区划建议。',
  tag: 'agencies',
  auth: 'login',
  params: agencyId,
  body: letterSettingsInput,
  responses: { 200: letterSettings },
});

export const createUser = defineRoute({
  method: 'POST',
  path: '/api/v1/users',
  operationId: 'createUser',
  summary: '新增工作人员账号',
  tag: 'agencies',
  auth: 'login',
  body: userInput,
  responses: { 201: z.object({ id: z.uuid() }) },
});

export const agenciesContract = [
  listAgencies,
  getAgency,
  createAgency,
  updateAgency,
  getLetterSettings,
  saveLetterSettings,
  createUser,
] as const;
