import type { Channel } from './types.ts';

/** 条例第三十一条: how the receipt date is established for each channel. */
export const channelReceiptRule: Record<Channel, string> = {
  in_person: '当面提交的，以提交之日为收到申请之日',
  post: '邮寄提交的，以行政机关签收之日为收到申请之日',
  letter: '以平常信函等无需签收的方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日',
  online: '通过互联网渠道提交的，以双方确认之日为收到申请之日',
  fax: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日',
  email: '通过电子邮箱提交的，以双方确认之日为收到申请之日',
};

export const channelLabels: Record<Channel, string> = {
  in_person: '当面提交',
  post: '邮寄（签收）',
  letter: '平常信函',
  online: '互联网（网上申请）',
  fax: '传真',
  email: '电子邮件',
};
