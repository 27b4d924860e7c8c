import { addWorkdays, type Calendar, type ISODate } from '../../domain/calendar/index.ts';
import type { ApplicantType, Outcome } from '../../domain/case/index.ts';
import { completeCreditCode } from '../../domain/credit-code.ts';
import { completeResidentId } from '../../domain/id-number.ts';
import type { Ctx } from '../../shared/context.ts';
import type { Rng } from '../../shared/random.ts';
import { addAppeal, updateAppeal } from '../applications/appeals.ts';
import { registerCase } from '../applications/intake.ts';
import { recordCaseEvent } from '../applications/record-event.ts';
import { SEED_AGENCY_CODE } from './data.ts';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '桂兰',
  '建华',
  '志强',
];
const COMPANIES = [
  '武威市凉州区鑫源商贸有限公司',
  '甘肃天马食品有限公司',
  '武威宏达建材有限责任公司',
  '凉州区金穗农资经营部',
  '甘肃祁连乳业有限公司',
];
const REQUESTS = [
  '凉州区{y}年度食品安全监督抽检计划及抽检结果',
  '{y}年凉州区特种设备安全监察年度工作总结',
  '{y}年对某超市销售过期食品投诉的处理结果',
  '凉州区{y}年“双随机、一公开”抽查事项清单及抽查结果',
  '{y}年对某餐饮店作出的行政处罚决定书',
  '凉州区{y}年度市场主体登记注册统计数据',
  '某药店{y}年药品经营许可证核发材料',
  '凉州区{y}年计量器具强制检定目录及检定机构名单',
  '某公司{y}年食品经营许可申请的审查意见',
  '{y}年凉州区农贸市场价格监测报告',
  '凉州区市场监督管理局{y}年部门预算及决算说明',
  '{y}年某电梯事故的调查处理报告',
];

const OUTCOME_WEIGHTS: [Outcome, number][] = [
  ['granted', 34],
  ['partially_granted', 10],
  ['withheld_third_party', 5],
  ['withheld_process_info', 5],
  ['withheld_internal_affairs', 3],
  ['withheld_enforcement_file', 3],
  ['unavailable_not_held', 18],
  ['unavailable_needs_creation', 4],
  ['declined_complaint', 6],
  ['declined_duplicate', 3],
  ['declined_confirmation', 2],
];

const REASONS: Partial<Record<Outcome, string>> = {
  partially_granted:
    '所申请信息中涉及第三方商业秘密的部分，经征求意见，第三方不同意公开，依据第十五条不予公开，其余部分予以公开。',
  withheld_third_party: '所申请信息涉及第三方商业秘密，第三方书面表示不同意公开，依据第十五条不予公开。',
  withheld_process_info: '所申请信息属于案件办理过程中的内部讨论记录，依据第十六条第二款不予公开。',
  withheld_internal_affairs: '所申请信息属于本机关内部人事管理信息，依据第十六条第一款不予公开。',
  withheld_enforcement_file: '所申请信息属于行政执法案卷，依据第十六条第二款不予公开。',
  unavailable_not_held: '经检索，本机关未制作或获取该政府信息。',
  unavailable_needs_creation: '所申请内容需要对现有信息进行汇总、分析后另行制作，本机关不予提供。',
  declined_complaint: '所提申请实为投诉举报，已转至12315投诉举报处理渠道办理。',
  declined_duplicate: '申请人此前已提出相同申请，本机关已作出答复。',
  declined_confirmation: '申请人要求本机关确认已获取信息的真实性，不属于政府信息公开申请。',
};

/** 告知事项 the letter carries. */
const DETAILS: Partial<Record<Outcome, string>> = {
  granted: '相关信息随本告知书一并提供。',
  partially_granted: '可以公开的部分随本告知书一并提供，不予公开的内容已作遮盖处理。',
};

function applicantFor(r: Rng, type: ApplicantType) {
  if (type === 'natural_person') {
    const birth = `19${r.int(55, 99)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    return {
      type,
      name: r.pick([...SURNAMES]) + r.pick(GIVEN),
      idType: '居民身份证' as const,
      idNumber: completeResidentId(`620602${birth}${String(r.int(100, 999))}`),
      phone: `139${String(r.int(10000000, 99999999))}`,
      address: `甘肃省武威市凉州区${r.pick(['东大街', '西关街', '北关街', '南大街'])}${r.int(1, 200)}号`,
    };
  }
  const body = `MA${String(r.int(100000, 999999))}`;
  return {
    type,
    name:
      type === 'commercial'
        ? r.pick(COMPANIES)
        : type === 'legal_services'
          ? '甘肃某某律师事务所'
          : type === 'research'
            ? '武威职业学院食品研究所'
            : '凉州区消费者权益保护协会',
    creditCode: completeCreditCode(`91620602${body}`),
    contactPerson: r.pick([...SURNAMES]) + r.pick(GIVEN),
    phone: `0935-${r.int(2200000, 2299999)}`,
  };
}

/**
 * One demo case, received on `received`, walked through a plausible course. `open` leaves it in progress.
 */
export async function addCase(
  op: Ctx,
  ap: Ctx,
  _agencyId: string,
  received: ISODate,
  r: Rng,
  cal: Calendar,
  opts: { year?: number; open?: boolean },
) {
  const wd = (from: ISODate, n: number) => addWorkdays(cal, from, n).date;
  const type = r.weighted<ApplicantType>([
    ['natural_person', 70],
    ['commercial', 15],
    ['research', 3],
    ['nonprofit', 3],
    ['legal_services', 7],
    ['other_org', 2],
  ]);
  const year = Number(received.slice(0, 4));
  const channel = r.weighted([
    ['online', 55],
    ['in_person', 20],
    ['post', 20],
    ['email', 5],
  ] as const);
  const { trackingNumber } = await registerCase(op, {
    agency: SEED_AGENCY_CODE,
    applicant: applicantFor(r, type),
    description: `${r.pick(REQUESTS).replace('{y}', String(year - r.int(0, 1)))}`,
    form: r.pick(['paper', 'email', 'paper', 'viewing'] as const),
    channel,
    receivedDate: received,
  });
  const ev = (body: Record<string, unknown>, ctx = op) => recordCaseEvent(ctx, trackingNumber, body);
  let day = received;
  const next = (n: number) => {
    day = wd(day, n);
    return day;
  };
  if (opts.open) {
    if (r.chance(0.5))
      await ev({
        type: 'consultation_started',
        date: next(2),
        party: 'third_party',
        partyName: '武威某食品有限公司',
      }).then(() => ev({ type: 'consultation_ended', date: next(4), result: 'no_answer' }));
    return trackingNumber;
  }
  if (r.chance(0.08)) {
    await ev({ type: 'withdrawn', date: wd(day, 3), note: '申请人书面撤回申请' });
    return trackingNumber;
  }
  if (r.chance(0.2)) {
    await ev({
      type: 'correction_requested',
      date: next(r.int(2, 6)),
      items: '请写明所需信息的具体名称、年度或文号',
    });
    if (r.chance(0.2)) {
      await ev({ type: 'correction_expired', date: wd(day, 16) });
      return trackingNumber;
    }
    await ev({ type: 'correction_received', date: next(r.int(2, 8)) });
  }
  const outcome = r.weighted(OUTCOME_WEIGHTS);
  if (outcome === 'partially_granted' || outcome === 'withheld_third_party' || r.chance(0.08)) {
    await ev({
      type: 'consultation_started',
      date: next(2),
      party: 'third_party',
      partyName: '武威某食品有限公司',
    });
    await ev({
      type: 'consultation_ended',
      date: next(r.int(5, 14)),
      result: outcome === 'granted' ? 'agree' : 'object',
    });
  }
  if (year >= 2021 && r.chance(0.1)) {
    await ev({ type: 'fee_notice_sent', date: next(2), mode: 'per_volume', pages: r.int(40, 120) });
    if (r.chance(0.3)) {
      await ev({ type: 'fee_expired', date: wd(day, 21) });
      return trackingNumber;
    }
    await ev({ type: 'fee_paid', date: next(r.int(1, 6)) });
  }
  if (r.chance(0.12)) {
    await ev({ type: 'extension_requested', date: next(5), reason: '所需信息涉及多个科室，需要调取档案' });
    await ev(
      {
        type: 'extension_approved',
        date: day,
        workdays: r.pick([10, 15, 20]),
        reason: '需调取历史档案并征求业务科室意见',
      },
      ap,
    );
  }
  const decided = next(r.int(3, 10));
  await ev({
    type: 'decided',
    date: decided,
    outcome,
    reasons: REASONS[outcome],
    details: DETAILS[outcome],
    // 条例第三十七条: the part withheld under 第十五条 (the third party objected).
    withheld: outcome === 'partially_granted' ? 'withheld_third_party' : undefined,
  });
  await ev({ type: 'served', date: next(1), method: r.pick(['邮寄', '当面送达', '电子邮件']) });
  await ev({ type: 'closed', date: day });
  if (outcome !== 'granted' && r.chance(0.35)) {
    const kind = r.weighted([
      ['reconsideration', 3],
      ['litigation_direct', 1],
    ] as const);
    const filed = wd(day, r.int(10, 40));
    const { id } = await addAppeal(op, trackingNumber, { kind, filedDate: filed });
    const result = r.weighted([
      ['upheld', 5],
      ['corrected', 1],
      ['other', 1],
      ['pending', 1],
    ] as const);
    if (result !== 'pending') await updateAppeal(op, id, { result, resultDate: wd(filed, r.int(30, 55)) });
  }
  return trackingNumber;
}
