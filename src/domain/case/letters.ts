/**
 * 告知书 templates: the platform's defaults, editable per agency. A template is a title and paragraphs
 * (separated by blank lines) with {{placeholders}} filled from the case when the letter is issued.
 */
import { APPEAL_NOTICE } from './appeal-notice.ts';
import { DECIDABLE_OUTCOMES, OUTCOME_INFO, type Outcome } from './outcomes.ts';

export type LetterKind = 'receipt' | 'correction' | 'extension' | 'third_party' | 'fee' | `reply.${Outcome}`;

export const LETTER_VARIABLES = [
  'agency',
  'applicant',
  'trackingNumber',
  'queryCode',
  'receivedDate',
  'description',
  'replyDue',
  'date',
  'office',
  'phone',
  'address',
  'details',
  'reasons',
  'basis',
  'extensionDays',
  'fee',
  'feeDue',
  'thirdPartyDue',
  'appealNotice',
] as const;
export type LetterVars = Partial<Record<(typeof LETTER_VARIABLES)[number], string>>;

export interface LetterTemplate {
  title: string;
  body: string;
}

const closing = '特此告知。\n\n联系部门：{{office}}　联系电话：{{phone}}\n\n{{agency}}\n\n{{date}}';

const replyIntro =
  '{{applicant}}：\n\n本机关于{{receivedDate}}收到您（单位）提出的政府信息公开申请（编号：{{trackingNumber}}），申请获取“{{description}}”。';

const replyMiddle: Partial<Record<Outcome, string>> = {
  granted: '经审查，您申请获取的政府信息属于公开范围。根据{{basis}}的规定，现予以公开，{{details}}',
  partially_granted:
    '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{{basis}}的规定，本机关向您提供可以公开的部分，对不予公开的部分说明理由如下：{{reasons}}',
  unavailable_not_held: '经查，本机关未制作或获取您申请的政府信息。根据{{basis}}的规定，告知如下：{{reasons}}',
  unavailable_needs_creation:
    '经查，您申请的政府信息需要本机关对现有政府信息进行加工、分析或者另行制作。根据{{basis}}的规定，本机关可以不予提供。{{reasons}}',
  unavailable_still_unclear:
    '本机关已就您的申请一次性告知补正，补正后申请内容仍不明确，无法确定所需政府信息。根据{{basis}}的规定，本机关无法提供。{{reasons}}',
  declined_complaint:
    '经审查，您提出的申请属于以政府信息公开申请形式进行信访、投诉、举报等活动。根据{{basis}}的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道依法提出。{{reasons}}',
  declined_duplicate:
    '经审查，您的申请与此前已作出答复的申请内容相同。根据{{basis}}的规定，本机关不再重复处理。{{reasons}}',
  declined_publication: '经审查，您申请获取的是公开出版物。根据{{basis}}的规定，您可以通过公开渠道获取。{{reasons}}',
  declined_excessive:
    '经审查，您申请的数量、频次明显超过合理范围且理由不合理。根据{{basis}}的规定，本机关不予处理。{{reasons}}',
  declined_confirmation:
    '经审查，您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请的处理范围。{{reasons}}',
  other_misc: '{{reasons}}',
};

function replyTemplate(outcome: Outcome): LetterTemplate {
  const middle =
    replyMiddle[outcome] ??
    (outcome.startsWith('withheld_')
      ? `经审查，您申请获取的政府信息属于${OUTCOME_INFO[outcome].label.replace('不予公开：', '')}。根据{{basis}}的规定，本机关不予公开。理由如下：{{reasons}}`
      : '{{reasons}}');
  return { title: '政府信息公开申请答复告知书', body: `${replyIntro}\n\n${middle}\n\n{{appealNotice}}\n\n${closing}` };
}

export const DEFAULT_TEMPLATES: Record<string, LetterTemplate> = {
  receipt: {
    title: '政府信息公开申请登记回执',
    body:
      '{{applicant}}：\n\n本机关已于{{receivedDate}}收到您（单位）提出的政府信息公开申请，申请获取“{{description}}”。\n\n' +
      '申请编号：{{trackingNumber}}　查询码：{{queryCode}}\n\n' +
      '本机关将依照《中华人民共和国政府信息公开条例》第三十三条的规定，在收到申请之日起20个工作日内（即{{replyDue}}前）予以答复；' +
      '需要补正、征求意见或者延长答复期限的，将另行书面告知。您可以凭申请编号和查询码查询办理进度。\n\n' +
      `${closing}`,
  },
  correction: {
    title: '政府信息公开申请补正告知书',
    body:
      '{{applicant}}：\n\n本机关于{{receivedDate}}收到您（单位）提出的政府信息公开申请（编号：{{trackingNumber}}）。经审查，您的申请内容不明确，' +
      '根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您作出补正，需补正的事项如下：{{details}}\n\n' +
      '请您在收到本告知书之日起15个工作日内补正。答复期限自本机关收到补正的申请之日起计算。' +
      '无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。\n\n' +
      `${closing}`,
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body:
      '{{applicant}}：\n\n本机关于{{receivedDate}}收到您（单位）提出的政府信息公开申请（编号：{{trackingNumber}}）。{{reasons}}' +
      '根据《中华人民共和国政府信息公开条例》第三十三条第一款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extensionDays}}个工作日，' +
      '本机关将于{{replyDue}}前予以答复。\n\n' +
      `${closing}`,
  },
  third_party: {
    title: '征求第三方意见书',
    body:
      '{{details}}：\n\n本机关收到政府信息公开申请（编号：{{trackingNumber}}），申请获取的政府信息可能涉及贵方的商业秘密、个人隐私等合法权益。' +
      '根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。\n\n' +
      '请于{{thirdPartyDue}}前（自收到本意见书之日起15个工作日内）提出意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。' +
      '贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知贵方。\n\n' +
      `${closing}`,
  },
  fee: {
    title: '政府信息公开信息处理费缴费通知书',
    body:
      '{{applicant}}：\n\n您（单位）提出的政府信息公开申请（编号：{{trackingNumber}}），根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，' +
      '需缴纳信息处理费。收费依据及标准：{{details}}；应缴金额：{{fee}}元。\n\n' +
      '请于{{feeDue}}前（自收到本通知之日起20个工作日内）按本通知载明的方式缴费。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。' +
      '自本通知发出之日至缴费之日的期间，不计算在答复期限内。\n\n' +
      `${closing}`,
  },
  ...Object.fromEntries(DECIDABLE_OUTCOMES.map((o) => [`reply.${o}`, replyTemplate(o)])),
};

export const LETTER_KIND_LABELS: Record<string, string> = {
  receipt: '登记回执',
  correction: '补正告知书',
  extension: '延期答复告知书',
  third_party: '征求第三方意见书',
  fee: '收费通知书',
  reply: '答复告知书',
};

export function letterKindLabel(kind: string): string {
  return (
    LETTER_KIND_LABELS[kind] ??
    (kind.startsWith('reply.') ? `答复告知书（${OUTCOME_INFO[kind.slice(6) as Outcome]?.label ?? ''}）` : kind)
  );
}

export { APPEAL_NOTICE };

/** Placeholders a template uses that the platform does not know: refused when a template is saved. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(LETTER_VARIABLES);
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).filter((v) => !known.has(v));
}

/** Fills a template; returns the title and the paragraphs as issued. */
export function fillLetter(t: LetterTemplate, vars: LetterVars): { title: string; paragraphs: string[] } {
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k as keyof LetterVars] ?? '');
  return {
    title: fill(t.title),
    paragraphs: fill(t.body)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  };
}
