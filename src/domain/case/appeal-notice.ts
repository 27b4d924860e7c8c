/**
 * 救济途径 in a letter that ends or limits an application: to whom and within what time. 行政复议 within 60 days of
 * receiving the letter (行政复议法第二十条), to the 复议机关 of the agency (第二十四条: for a department, the
 * government of its level; for a government, the one above; 第二十七条: vertically led bodies, the body above in
 * their line); 行政诉讼 within 6 months (行政诉讼法第四十六条), at the court of the agency's place (第十四条、第十八条;
 * 第十五条: a county-level or higher government itself, the 中级人民法院). The names are the agency's settings.
 */
export interface AppealBodies {
  /** 复议机关, e.g. 凉州区人民政府. */
  reviewBody: string;
  /** The court of first instance, e.g. 凉州区人民法院. */
  court: string;
}

/** What the applicant may contest: the reply itself, or the notice that the application is deemed abandoned. */
export type AppealSubject = 'reply' | 'notice';

export function appealNotice(b: AppealBodies, subject: AppealSubject = 'reply'): string {
  const what = subject === 'reply' ? '本答复' : '本告知';
  return `如对${what}不服，可以在收到本告知书之日起60日内向${b.reviewBody}申请行政复议，或者在6个月内向${b.court}提起行政诉讼。`;
}
