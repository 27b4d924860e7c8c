/**
 * The platform's wording of each letter, editable per agency (src/commands/applications/templates.ts): the body
 * only — the 主送, 署名, 成文日期 and 发文字号 are the issuing command's. One text per statutory outcome, each
 * citing its article and item through {{basis}} (outcomes.ts `basisFor`).
 */
import type { LetterTemplate } from './letters.ts';
import { OUTCOMES, type Outcome, WITHHELD_GROUNDS, WITHHELD_OUTCOMES, type WithheldOutcome } from './outcomes.ts';

const 条例 = '《中华人民共和国政府信息公开条例》';
const intro =
  '本机关于{{receivedDate}}收到{{you}}提出的政府信息公开申请（申请编号：{{trackingNumber}}），申请获取“{{description}}”。';
const closing = '特此告知。\n\n{{contact}}';
const reply = (...middle: string[]) => [intro, ...middle, '{{details}}', '{{appealNotice}}', closing].join('\n\n');

const withheldText = (o: WithheldOutcome) =>
  o === 'withheld_administrative_query'
    ? '经审查，{{you}}申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据{{basis}}的规定，请{{you}}依照有关法律、行政法规的规定办理。说明如下：{{reasons}}'
    : `经审查，{{you}}申请获取的政府信息属于${WITHHELD_GROUNDS[o].phrase}。根据{{basis}}的规定，本机关不予公开。理由如下：{{reasons}}`;

const REPLY_TEXTS: Record<Exclude<Outcome, WithheldOutcome>, string> = {
  // 第三十六条第（一）项、第（二）项.
  granted: reply(
    '经审查，{{you}}申请获取的政府信息属于公开范围。根据{{basis}}的规定，本机关予以公开。',
    '该政府信息已经主动公开，可以通过以下方式和途径获取：{{publishedAt}}',
  ),
  // 第三十七条 and the article of the part withheld.
  partially_granted: reply(
    '经审查，{{you}}申请获取的政府信息中，部分内容属于{{withheld}}，不予公开；其余内容可以公开，且能够作区分处理。根据{{basis}}的规定，本机关向{{you}}提供可以公开的部分，不予公开部分的理由如下：{{reasons}}',
  ),
  // 第三十六条第（四）项; 第（五）项 with the agency that is to disclose it.
  unavailable_not_held: reply(
    '经检索查找，本机关没有制作或者获取{{you}}申请的政府信息。根据{{basis}}的规定，告知如下：{{reasons}}',
    '负责公开该政府信息的行政机关：{{holder}}',
  ),
  unavailable_needs_creation: reply(
    '经审查，{{you}}申请的政府信息需要本机关对现有政府信息进行加工、分析后方能提供。根据{{basis}}的规定，本机关不予提供。理由如下：{{reasons}}',
  ),
  unavailable_still_unclear: reply(
    '本机关已就{{you}}的申请一次性告知补正，补正后申请内容仍不明确，无法确定{{you}}所需的政府信息。根据{{basis}}的规定，本机关无法提供。说明如下：{{reasons}}',
  ),
  declined_complaint: reply(
    '经审查，{{you}}提出的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动。根据{{basis}}的规定，本机关不作为政府信息公开申请处理，{{you}}可以通过相应渠道依法提出。说明如下：{{reasons}}',
  ),
  declined_duplicate: reply(
    '经审查，本机关已就{{you}}此前提出的政府信息公开申请作出答复，本次申请公开的政府信息与之相同。根据{{basis}}的规定，本机关不予重复处理。说明如下：{{reasons}}',
  ),
  declined_publication: reply(
    '经审查，{{you}}申请获取的是政府公报、报刊、书籍等公开出版物。根据{{basis}}的规定，告知{{you}}获取的途径如下：{{reasons}}',
  ),
  declined_excessive: reply(
    '经审查，{{you}}申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理。根据{{basis}}的规定，本机关不予处理。理由如下：{{reasons}}',
  ),
  declined_confirmation: reply(
    '经审查，{{you}}要求本机关确认或者重新出具已获取的信息，不属于申请获取本机关已制作或者获取的政府信息。根据{{basis}}的规定，本机关不作为政府信息公开申请处理。说明如下：{{reasons}}',
  ),
  // 第三十条: deemed abandoned; issued by correction_expired.
  other_no_correction: [
    intro,
    '本机关已于{{noticeDate}}向{{you}}发出补正告知书，告知{{you}}自收到之日起15个工作日内补正。{{you}}无正当理由逾期未补正，根据{{basis}}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
    '{{appealNotice}}',
    closing,
  ].join('\n\n'),
  // 国办函〔2020〕109号: deemed abandoned; issued by fee_expired.
  other_unpaid_fee: [
    intro,
    '本机关已于{{noticeDate}}向{{you}}发出信息处理费缴费通知书，{{you}}未在规定期限内缴纳。根据{{basis}}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。',
    '{{appealNotice}}',
    closing,
  ].join('\n\n'),
  other_misc: reply('经审查，本机关对{{you}}的申请处理如下：{{reasons}}本处理的依据为{{basis}}。'),
};

const replyText = (o: Outcome): string =>
  (WITHHELD_OUTCOMES as readonly Outcome[]).includes(o)
    ? reply(withheldText(o as WithheldOutcome))
    : REPLY_TEXTS[o as Exclude<Outcome, WithheldOutcome>];

const replyTitle = (o: Outcome) =>
  o === 'other_no_correction' || o === 'other_unpaid_fee'
    ? '政府信息公开申请终止处理告知书'
    : '政府信息公开申请答复告知书';

export const DEFAULT_TEMPLATES: Record<string, LetterTemplate> = {
  // 第三十一条 (the day of receipt), 第三十三条第一款 (20 working days).
  receipt: {
    title: '政府信息公开申请登记回执',
    body: [
      `本机关已于{{receivedDate}}收到{{you}}提出的政府信息公开申请，申请获取“{{description}}”。根据${条例}第三十一条的规定，该日为本机关收到申请之日。`,
      '申请编号：{{trackingNumber}}　查询码：{{queryCode}}',
      `本机关将依照${条例}第三十三条第一款的规定，自收到申请之日起20个工作日内（即{{replyDue}}前）予以答复；需要补正、征求意见或者延长答复期限的，将另行书面告知。{{you}}可以凭申请编号和查询码查询办理进度。`,
      closing,
    ].join('\n\n'),
  },
  // 第三十条: once, within 7 working days of receipt; what to supply and a reasonable time.
  correction: {
    title: '政府信息公开申请补正告知书',
    body: [
      `${intro}经审查，申请内容不明确。根据${条例}第三十条的规定，现一次性告知{{you}}作出补正，需要补正的事项如下：{{details}}`,
      '请{{you}}自收到本告知书之日起15个工作日内补正。答复期限自本机关收到补正的申请之日起计算。{{you}}无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      closing,
    ].join('\n\n'),
  },
  // 第三十二条: which information, 15 working days to answer, no answer → the agency decides.
  third_party: {
    title: '征求第三方意见书',
    body: [
      `本机关收到一件政府信息公开申请（申请编号：{{trackingNumber}}），申请获取“{{description}}”。经审查，该政府信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开可能对贵方合法权益造成损害。根据${条例}第三十二条的规定，现书面征求贵方意见。`,
      `请贵方自收到本意见书之日起15个工作日内（即{{thirdPartyDue}}前）书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照${条例}的规定决定是否公开。`,
      '贵方不同意公开且有合理理由的，本机关不予公开。本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。',
      '特此函告。\n\n{{contact}}',
    ].join('\n\n'),
  },
  // 第三十三条第一款: the head of the 政府信息公开工作机构 agrees; at most 20 working days more; the applicant told.
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: [
      `${intro}本机关不能在规定期限内作出答复，理由如下：{{reasons}}`,
      `根据${条例}第三十三条第一款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extensionDays}}个工作日，本机关将于{{replyDue}}前作出答复。`,
      closing,
    ].join('\n\n'),
  },
  // 国办函〔2020〕109号: basis, standard and amount; 20 working days to pay; unpaid → deemed abandoned.
  fee: {
    title: '政府信息公开信息处理费缴费通知书',
    body: [
      '{{you}}提出的政府信息公开申请（申请编号：{{trackingNumber}}），申请获取“{{description}}”。根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本申请需缴纳信息处理费。收费依据及标准：{{basis}}；应缴金额：{{fee}}元。',
      '请{{you}}于{{feeDue}}前（自收到本通知之日起20个工作日内）缴纳，缴费方式请向下列联系部门咨询。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。自本通知发出之日至缴费之日的期间，不计算在答复期限内。',
      '特此通知。\n\n{{contact}}',
    ].join('\n\n'),
  },
  ...Object.fromEntries(OUTCOMES.map((o) => [`reply.${o}`, { title: replyTitle(o), body: replyText(o) }])),
};
