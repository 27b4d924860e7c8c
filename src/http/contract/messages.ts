import { z } from 'zod';
import { MALFORMED_TEXT_MESSAGE } from '../../domain/text-guard.ts';

/**
 * Validation messages people can read, in Chinese (first) and English: one sentence per problem, naming the
 * field. A field's name comes from its schema (`.meta({ title: '姓名或名称', labelEn: 'name' })`), else from
 * the table below by the last key of its path, else the path itself. Messages written by hand in a schema are
 * kept as they are (zod gives them precedence over any map); the English page reads them through `EN_MESSAGES`.
 * Pure (zod only): the console imports it too.
 */
export type MessageLocale = 'zh-CN' | 'en';

export interface FieldLabel {
  title: string;
  labelEn?: string;
  /** Chosen from a list (a select): a missing value asks to choose (请选择…), not to type (请填写…). */
  choose?: boolean;
}

/** Field names used across the API, by the last key of the path. */
export const FIELD_LABELS: Record<string, [zh: string, en: string]> = {
  agency: ['受理机关', 'agency'],
  agencyId: ['机关', 'agency'],
  applicant: ['申请人信息', 'applicant'],
  name: ['名称', 'name'],
  type: ['类型', 'type'],
  idType: ['证件类型', 'ID type'],
  idNumber: ['证件号码', 'ID number'],
  creditCode: ['统一社会信用代码', 'unified social credit code'],
  contactPerson: ['联系人', 'contact person'],
  phone: ['联系电话', 'phone number'],
  email: ['电子邮箱', 'email address'],
  address: ['通信地址', 'postal address'],
  postcode: ['邮政编码', 'postcode'],
  description: ['所需政府信息的描述', 'description of the information'],
  form: ['获取信息的方式', 'form of the information'],
  delivery: ['获取信息的途径', 'delivery'],
  channel: ['申请渠道', 'channel'],
  receivedDate: ['收到申请日期', 'date received'],
  receiptNote: ['收到说明', 'receipt note'],
  number: ['申请编号', 'tracking number'],
  code: ['查询码', 'query code'],
  tn: ['申请编号', 'tracking number'],
  id: ['编号', 'id'],
  format: ['格式', 'format'],
  kind: ['类型', 'kind'],
  title: ['标题', 'title'],
  body: ['正文', 'body'],
  date: ['日期', 'date'],
  year: ['年份', 'year'],
  region: ['地区代码', 'region code'],
  note: ['备注', 'note'],
  reason: ['理由', 'reason'],
  result: ['结果', 'result'],
  resultDate: ['审结日期', 'date of the result'],
  filedDate: ['立案日期', 'date filed'],
  state: ['状态', 'state'],
  queue: ['待办队列', 'queue'],
  limit: ['条数', 'limit'],
  username: ['用户名', 'username'],
  password: ['密码', 'password'],
  displayName: ['姓名', 'display name'],
  keywords: ['关键词', 'keywords'],
  filename: ['文件名', 'file name'],
  step: ['操作', 'step'],
  lang: ['语言', 'language'],
  received: ['收到申请的日期和渠道', 'receipt'],
  events: ['事件', 'events'],
  cases: ['案件', 'cases'],
  notice: ['国务院办公厅通知', 'State Council notice'],
  regionCode: ['行政区划代码', 'region code'],
};

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  date: '日期',
};
const TYPE_EN: Record<string, string> = {
  string: 'text',
  number: 'number',
  int: 'whole number',
  boolean: 'yes or no',
  object: 'object',
  array: 'list',
  date: 'date',
};

/** English for the messages written by hand in the schemas people meet first (the public application form). */
export const EN_MESSAGES: Record<string, string> = {
  申请人类型不正确: 'The applicant type is not valid',
  请填写申请人姓名或名称: "Please enter the applicant's name",
  证件类型不正确: 'The ID type is not valid',
  联系电话格式不正确: 'The phone number is not valid',
  电子邮箱格式不正确: 'The email address is not valid',
  邮政编码应为6位数字: 'The postcode must be 6 digits',
  请选择身份证件类型: 'Please choose the type of ID',
  请填写身份证件号码: 'Please enter the ID number',
  居民身份证号码不正确: 'The resident ID number is not valid',
  请填写统一社会信用代码: 'Please enter the unified social credit code',
  '请至少填写一种联系方式（电话、电子邮箱或通信地址）':
    'Please give at least one way to contact you (phone, email or postal address)',
  请选择受理机关: 'Please choose the agency',
  '请描述所需政府信息（名称、文号或其他特征），至少5个字':
    'Please describe the information you need (title, document number or other features), at least 5 characters',
  '申请内容过长（不超过5000字）': 'The description is too long (at most 5000 characters)',
  获取信息的方式不正确: 'The form of the information is not valid',
  请填写申请编号: 'Please enter the tracking number',
  请填写查询码: 'Please enter the query code',
  申请编号或查询码不正确: 'The tracking number or query code is not correct',
  状态不正确: 'The state is not valid',
  待办类别不正确: 'The queue is not valid',
  体裁不正确: 'The genre is not valid',
  所属事项不正确: 'The article item is not valid',
  机关编号格式不正确: 'The agency id is not valid',
  排序方式不正确: 'The sort order is not valid',
  申请渠道不正确: 'The channel is not valid',
  答复结果不正确: 'The outcome is not valid',
  搜索词不超过60个字: 'The search text must be at most 60 characters',
  '页码过大：请用搜索或筛选缩小范围': 'The page is too far: please narrow the list with a search or a filter',
  请填写本栏内容: 'Please enter the text of this section',
  内容不能超过20000字: 'The text must be at most 20,000 characters',
  [MALFORMED_TEXT_MESSAGE]:
    'The input contains characters that cannot be read (perhaps pasted from other software); please remove them and try again',
};

type RawIssue = z.core.$ZodRawIssue & { schema?: z.core.$ZodType };

const metaOf = (iss: RawIssue) =>
  iss.schema ? (z.globalRegistry.get(iss.schema as z.ZodType) as FieldLabel | undefined) : undefined;

function labelOf(iss: RawIssue, locale: MessageLocale): string {
  const meta = metaOf(iss);
  const path = (iss.path ?? []).filter((p) => typeof p !== 'symbol');
  const last = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const table = last ? FIELD_LABELS[last] : undefined;
  if (locale === 'en') return meta?.labelEn ?? table?.[1] ?? (path.length ? `field "${path.join('.')}"` : 'input');
  return meta?.title ?? table?.[0] ?? (path.length ? `字段“${path.join('.')}”` : '输入');
}

const isMissing = (v: unknown) => v === undefined || v === null;
const sized = (origin: string | undefined) => origin === 'string' || origin === 'array' || origin === 'set';

/** A message for an issue that its schema left without one. */
export function issueMessage(iss: RawIssue, locale: MessageLocale): string {
  const l = labelOf(iss, locale);
  const en = locale === 'en';
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const the = `the ${l}`;
  const ask = metaOf(iss)?.choose
    ? en
      ? `Please choose ${the}`
      : `请选择${l}`
    : en
      ? `Please enter ${the}`
      : `请填写${l}`;
  switch (iss.code) {
    case 'invalid_type': {
      if (isMissing(iss.input)) return ask;
      const want = en ? (TYPE_EN[iss.expected] ?? iss.expected) : (TYPE_ZH[iss.expected] ?? iss.expected);
      const article = want === 'text' ? '' : /^[aeiou]/.test(want) ? 'an ' : 'a ';
      return en ? `${cap(the)} must be ${article}${want}` : `${l}应为${want}`;
    }
    case 'too_small': {
      const n = String(iss.minimum);
      if (iss.origin === 'string') {
        if (Number(iss.minimum) <= 1) return ask;
        return en ? `${cap(the)} must be at least ${n} characters` : `${l}至少${n}字`;
      }
      if (sized(iss.origin)) return en ? `Please give at least ${n} ${the}` : `${l}至少${n}项`;
      if (!iss.inclusive) return en ? `${cap(the)} must be more than ${n}` : `${l}应大于${n}`;
      return en ? `${cap(the)} must be at least ${n}` : `${l}不能小于${n}`;
    }
    case 'too_big': {
      const n = String(iss.maximum);
      if (iss.origin === 'string') return en ? `${cap(the)} must be at most ${n} characters` : `${l}不超过${n}字`;
      if (sized(iss.origin)) return en ? `Please give at most ${n} ${the}` : `${l}最多${n}项`;
      if (!iss.inclusive) return en ? `${cap(the)} must be less than ${n}` : `${l}应小于${n}`;
      return en ? `${cap(the)} must be at most ${n}` : `${l}不能大于${n}`;
    }
    case 'invalid_format':
      return en ? `${cap(the)} is not valid` : `${l}格式不正确`;
    case 'invalid_value': {
      const values = iss.values.map((v) => String(v)).join(en ? ', ' : '、');
      return en ? `${cap(the)} must be one of: ${values}` : `${l}应为以下之一：${values}`;
    }
    case 'unrecognized_keys': {
      const keys = iss.keys.join(en ? ', ' : '、');
      return en ? `Unknown field(s): ${keys}` : `不认识的字段：${keys}`;
    }
    case 'invalid_union': {
      // The alternative that got furthest (its first problem lies deepest) says what is wrong.
      const options = (iss as { errors?: { path: PropertyKey[]; message: string }[][] }).errors ?? [];
      const best = options
        .map((o) => o[0])
        .filter((i) => i !== undefined)
        .sort((a, b) => b.path.length - a.path.length)[0];
      if (best?.path.length) return best.message;
      return en ? `${cap(the)} is not valid` : `${l}不正确`;
    }
    case 'not_multiple_of':
      return en ? `${cap(the)} must be a multiple of ${String(iss.divisor)}` : `${l}应为${String(iss.divisor)}的倍数`;
    default:
      return en ? `${cap(the)} is not valid` : `${l}不正确`;
  }
}

/** The zod error map of a locale: `schema.safeParse(x, { error: zodErrorMap('en') })`, or `z.config`. */
export const zodErrorMap =
  (locale: MessageLocale) =>
  (iss: RawIssue): string =>
    issueMessage(iss, locale);

/** A message in the locale: English for the hand-written Chinese messages it knows, else as written. */
export function localized(message: string, locale: MessageLocale): string {
  return locale === 'en' ? (EN_MESSAGES[message] ?? message) : message;
}
