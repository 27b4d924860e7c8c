import { completeResidentId } from '../../src/domain/id-number.ts';

export const PERSON_ID = completeResidentId('62060219850315123');

export function personApplication(agencyCode: string, overrides: Record<string, unknown> = {}) {
  return {
    agency: agencyCode,
    applicant: {
      type: 'natural_person',
      name: '张三',
      idType: '居民身份证',
      idNumber: PERSON_ID,
      phone: '13800138000',
      email: 'zhangsan@example.cn',
      address: '甘肃省武威市凉州区东大街1号',
    },
    description: '请公开2025年凉州区食品安全监督抽检计划及抽检结果',
    form: 'email',
    ...overrides,
  };
}

export function companyApplication(agencyCode: string, creditCode = '11341702486344515H') {
  return {
    agency: agencyCode,
    applicant: {
      type: 'commercial',
      name: '武威某某商贸有限公司',
      creditCode,
      contactPerson: '李四',
      phone: '0935-1234567',
    },
    description: '请公开本公司2024年行政许可办理结果的决定书',
    form: 'paper',
  };
}
