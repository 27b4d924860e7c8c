import { createHash, randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import { findAgencyByCreditCode } from '../../db/repos/agencies.ts';
import { nextTrackingNumber } from '../../db/repos/applications.ts';
import type { DB } from '../../db/schema.ts';
import { addDays, chinaDate, dateZh, type ISODate } from '../../domain/calendar/index.ts';
import {
  type ApplicationInput,
  applicationInput,
  type StaffCaseInput,
  staffCaseInput,
} from '../../domain/case/application-input.ts';
import { APPLICANT_TYPE_LABELS, flagsFor } from '../../domain/case/index.ts';
import { type Channel, channelReceiptRule } from '../../domain/clock/index.ts';
import { AppError, invalid } from '../../domain/errors.ts';
import { caseClock } from '../../shared/case-clock.ts';
import { authorize, type Ctx, inTransaction } from '../../shared/context.ts';
import { nameTokens } from '../../shared/name-index.ts';
import { enqueueMail, staffEmails } from '../../shared/outbox.ts';
import {
  applicantKey,
  decrypt,
  encrypt,
  maskAddress,
  maskEmail,
  maskId,
  maskName,
  maskPhone,
} from '../../shared/pii.ts';
import { queryCodeHash } from '../../shared/tracking.ts';
import { issueLetter } from './letters.ts';

export interface IntakeResult {
  trackingNumber: string;
  queryCode: string;
  status: string;
  receivedDate: ISODate;
  replyDue: ISODate | null;
  flags: { kind: string; text: string }[];
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** 网上申请 (public, no login): the receipt date is the day the platform confirms it (条例第三十一条). */
export async function submitApplication(ctx: Ctx, body: unknown, idempotencyKey?: string): Promise<IntakeResult> {
  const input = applicationInput.parse(body);
  const key = idempotencyKey?.trim();
  if (key !== undefined && !/^[\w.:-]{8,128}$/.test(key))
    throw invalid('Idempotency-Key 格式不正确（8–128位字母、数字或 ._:-）');
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const prior = async () => {
    const row = key
      ? await ctx.db
          .selectFrom('idempotency_keys')
          .select('response')
          .where('scope', '=', 'applications')
          .where('key', '=', key)
          .executeTakeFirst()
      : undefined;
    return row ? replay(ctx.secretKey, row.response, requestHash) : null;
  };
  const earlier = await prior();
  if (earlier) return earlier;
  try {
    const receipt = {
      channel: 'online' as const,
      receivedDate: chinaDate(ctx.now()),
      receiptNote: '网上申请提交成功，平台即时确认收到',
    };
    return await intake(ctx, 'public', input, receipt, async (trx, result) => {
      if (key) {
        await trx
          .insertInto('idempotency_keys')
          // The answer holds the query code: sealed, like personal data (it is shown once, and replayed).
          .values({
            scope: 'applications',
            key,
            response: JSON.stringify({ sealed: encrypt(ctx.secretKey, { requestHash, result }) }),
          })
          .execute();
      }
    });
  } catch (err) {
    // A concurrent request with the same key committed first: answer with its result.
    if (key && (err as { code?: string }).code === '23505') {
      const first = await prior();
      if (first) return first;
    }
    throw err;
  }
}

function replay(secret: Buffer, stored: { sealed: string }, requestHash: string): IntakeResult {
  const s = decrypt<{ requestHash: string; result: IntakeResult }>(secret, stored.sealed);
  if (s.requestHash !== requestHash) throw new AppError('conflict', '该 Idempotency-Key 已用于另一份不同的申请');
  return s.result;
}

/** 登记 of an application received in person, by post, letter, fax or e-mail (staff). */
export async function registerCase(ctx: Ctx, body: unknown): Promise<IntakeResult> {
  const input = staffCaseInput.parse(body);
  const today = chinaDate(ctx.now());
  if (input.receivedDate > today) throw invalid('收到申请日期不能晚于今天');
  if (input.receivedDate < '2019-05-15') throw invalid('收到申请日期不能早于2019年5月15日（现行条例施行日）');
  return intake(ctx, 'staff', input, input);
}

async function intake(
  ctx: Ctx,
  mode: 'public' | 'staff',
  input: ApplicationInput,
  receipt: Pick<StaffCaseInput, 'channel' | 'receivedDate' | 'receiptNote'>,
  beforeCommit?: (trx: Transaction<DB>, result: IntakeResult) => Promise<void>,
): Promise<IntakeResult> {
  const agency = await findAgencyByCreditCode(ctx.db, input.agency);
  if (!agency) throw invalid(`受理机关 ${input.agency} 不存在`, { field: 'agency' });
  const isStaff = mode === 'staff';
  if (isStaff) {
    authorize(
      ctx,
      'case.create',
      { agencyId: agency.id, regionPath: agency.region_path },
      { visibleWith: 'case.read' },
    );
  }
  const a = input.applicant;
  const identifier = a.type === 'natural_person' ? `${a.idType}:${a.idNumber}` : `org:${a.creditCode}`;
  const appKey = applicantKey(ctx.secretKey, identifier);
  const received = receipt.receivedDate;
  const previous = await ctx.db
    .selectFrom('applications')
    .select(['tracking_number', 'description', 'received_date'])
    .where('agency_id', '=', agency.id)
    .where('applicant_key', '=', appKey)
    .where('received_date', '>=', addDays(received, -365))
    .execute();
  const month = received.slice(0, 7);
  const sameMonth = previous.filter((p) => p.received_date.startsWith(month)).length + 1;
  const flags = flagsFor(
    input.description,
    previous.map((p) => ({ trackingNumber: p.tracking_number, description: p.description })),
    sameMonth,
  );
  const queryCode = newQueryCode();
  const channel: Channel = receipt.channel;
  const receiptBasis = channelReceiptRule[channel] + (receipt.receiptNote ? `；${receipt.receiptNote}` : '');
  const masked = {
    name: a.type === 'natural_person' ? maskName(a.name) : a.name,
    ...(a.idNumber ? { idNumber: maskId(a.idNumber) } : {}),
    ...(a.phone ? { phone: maskPhone(a.phone) } : {}),
    ...(a.email ? { email: maskEmail(a.email) } : {}),
  };
  return inTransaction(ctx, async (trx, audit) => {
    const trackingNumber = await nextTrackingNumber(trx, Number(received.slice(0, 4)));
    const app = await trx
      .insertInto('applications')
      .values({
        agency_id: agency.id,
        tracking_number: trackingNumber,
        // The query code is kept only as this hash; the applicant sees it once, in this command's answer.
        query_code_hash: queryCodeHash(ctx.secretKey, trackingNumber, queryCode),
        channel,
        received_date: received,
        receipt_basis: receiptBasis,
        applicant_type: a.type,
        applicant_key: appKey,
        applicant_enc: encrypt(ctx.secretKey, a),
        applicant_masked: JSON.stringify(masked),
        applicant_name_tokens: nameTokens(ctx.secretKey, a.name),
        credit_code: a.creditCode ?? null,
        description: input.description,
        form: input.form,
        delivery: input.delivery ? maskAddress(input.delivery) : null,
        delivery_enc: input.delivery ? encrypt(ctx.secretKey, input.delivery) : null,
        state: 'registered',
        flags: JSON.stringify(flags),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('application_events')
      .values({
        agency_id: agency.id,
        application_id: app.id,
        seq: 1,
        type: 'registered',
        date: received,
        data: JSON.stringify({ channel, receiptBasis }),
        actor_id: ctx.actor?.userId || null,
        actor_name: ctx.actor?.username ?? '网上申请',
      })
      .execute();
    const clock = await caseClock(trx, { received_date: received, channel, region_code: agency.region_code }, []);
    await trx.updateTable('applications').set({ reply_due: clock.replyDue }).where('id', '=', app.id).execute();
    const contact = agency.contact as { office?: string; phone?: string; address?: string };
    await issueLetter(trx, {
      applicationId: app.id,
      agencyId: agency.id,
      kind: 'receipt',
      date: received,
      eventSeq: 1,
      vars: {
        agency: agency.name,
        applicant: a.name,
        trackingNumber,
        receivedDate: dateZh(received),
        description: input.description,
        replyDue: clock.replyDue ? dateZh(clock.replyDue) : '',
        office: contact.office ?? `${agency.name}政府信息公开工作机构`,
        phone: contact.phone ?? '',
        address: contact.address ?? '',
      },
    });
    if (a.email) {
      await enqueueMail(trx, {
        to: a.email,
        subject: `【${agency.name}】已收到您的政府信息公开申请（${trackingNumber}）`,
        body: `${a.name}：\n\n${agency.name}已于${dateZh(received)}收到您的政府信息公开申请。\n申请编号：${trackingNumber}\n答复期限：${clock.replyDue ? dateZh(clock.replyDue) : '待定'}\n\n您可以凭申请编号和${isStaff ? '本机关登记时告知您的' : '提交申请时页面显示的'}查询码在政府信息公开平台查询办理进度、下载告知书。为保护您的信息，平台不保存查询码，邮件中也不列出，请妥善保管。`,
      });
    }
    for (const to of await staffEmails(trx, agency.id, ['operator'])) {
      await enqueueMail(trx, {
        to,
        subject: `新的政府信息公开申请 ${trackingNumber}`,
        body: `${agency.name}收到新的政府信息公开申请（${channelReceiptRule[channel].split('，')[0]}）。\n申请编号：${trackingNumber}\n申请人类型：${APPLICANT_TYPE_LABELS[a.type]}\n答复期限：${clock.replyDue ?? '待定'}${flags.length ? `\n提示：${flags.map((f) => f.text).join('；')}` : ''}`,
      });
    }
    await audit({
      agencyId: agency.id,
      action: 'case.registered',
      entityType: 'application',
      entityId: trackingNumber,
      after: {
        channel,
        receivedDate: received,
        applicantType: a.type,
        form: input.form,
        flags: flags.map((f) => f.kind),
      },
    });
    const result: IntakeResult = {
      trackingNumber,
      queryCode,
      status: 'registered',
      receivedDate: received,
      replyDue: clock.replyDue,
      flags: isStaff ? flags : [],
    };
    await beforeCommit?.(trx, result);
    return result;
  });
}
