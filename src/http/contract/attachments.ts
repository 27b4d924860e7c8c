import { z } from 'zod';
import { ATTACHMENT_MIMES } from '../../domain/catalogue/index.ts';
import { attachment } from './catalogue.ts';
import { defineRoute, file, inline, uuid } from './common.ts';

/** 附件 of a catalogue item in the staff's editor: download, removal before 保密审查, and 从Word导入. */

const attachmentParams = z.object({
  id: uuid('信息编号', 'item id'),
  aid: uuid('附件编号', 'attachment id'),
});

export const downloadAttachment = defineRoute({
  method: 'GET',
  path: '/api/v1/catalogue/items/:id/attachments/:aid',
  operationId: 'downloadCatalogueAttachment',
  summary: '下载附件（工作人员，任何状态）',
  tag: 'catalogue',
  auth: 'login',
  params: attachmentParams,
  query: z.object({ inline }),
  responses: { 200: file(ATTACHMENT_MIMES, '附件原文件（文件名见 Content-Disposition，UTF-8）') },
});

export const removeAttachment = defineRoute({
  method: 'DELETE',
  path: '/api/v1/catalogue/items/:id/attachments/:aid',
  operationId: 'removeCatalogueAttachment',
  summary: '删除附件（仅草稿；提交保密审查后不能删除）',
  tag: 'catalogue',
  auth: 'login',
  params: attachmentParams,
  responses: { 200: z.object({ ok: z.literal(true) }) },
  errors: [409],
});

export const importWord = defineRoute({
  method: 'POST',
  path: '/api/v1/catalogue/items/:id/word-import',
  operationId: 'importCatalogueWord',
  summary: '从Word导入正文（.docx 作为请求体；返回清理后的正文供编辑确认，不直接保存；图片存为附件）',
  tag: 'catalogue',
  auth: 'login',
  params: z.object({ id: uuid('信息编号', 'item id') }),
  query: z.object({
    filename: z.string().trim().max(300).optional().meta({ title: '文件名', labelEn: 'file name' }),
  }),
  body: file(['application/octet-stream'], 'Word 文档（.docx，≤20MB）'),
  responses: {
    200: z.object({
      bodyHtml: z.string().meta({ description: '正文（已按保存时的规则清理）；图片为指向附件的链接' }),
      attachments: z.array(attachment).meta({ description: '由文档中的图片生成的附件' }),
      warnings: z.array(z.string()).meta({ description: '未能导入的内容（中文）' }),
    }),
  },
  errors: [409, 413, 415],
});

export const attachmentsContract = [downloadAttachment, removeAttachment, importWord] as const;
