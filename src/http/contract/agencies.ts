import { z } from 'zod';
import { userInput } from '../../domain/access/user-input.ts';
import { AGENCY_KINDS, agencyInput, agencyPatch } from '../../domain/agency/agency-input.ts';
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

export const agenciesContract = [listAgencies, getAgency, createAgency, updateAgency, createUser] as const;
