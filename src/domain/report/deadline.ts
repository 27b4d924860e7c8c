/** 条例第四十九条: 部门 publish by 1月31日, 县级以上人民政府 by 3月31日 of the following year. */
export function reportDeadline(kind: string, year: number): string {
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}
