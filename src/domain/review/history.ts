/**
 * Review loops with words (issue #18): the steps of a catalogue item's 保密审查 and approval (条例第十七条),
 * of an annual report's submission to its 主管部门 (条例第四十九条) and of a case's extension (条例第三十三条第一款),
 * each recorded as a decision with its comment. One table of decisions and one mapping per subject.
 */
import type { ItemAction } from '../catalogue/catalogue.ts';
import type { ReportStep } from '../report/status.ts';

export const REVIEW_SUBJECTS = ['catalogue_item', 'annual_report', 'case'] as const;
export type ReviewSubject = (typeof REVIEW_SUBJECTS)[number];

export const REVIEW_DECISIONS = [
  'submitted',
  'passed',
  'returned',
  'approved',
  'refused',
  'published',
  'withdrawn',
  'requested',
] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const DECISION_LABELS: Record<ReviewDecision, { zh: string; en: string }> = {
  submitted: { zh: '提交', en: 'Submitted' },
  passed: { zh: '通过', en: 'Passed' },
  returned: { zh: '退回', en: 'Returned' },
  approved: { zh: '批准', en: 'Approved' },
  refused: { zh: '不批准', en: 'Refused' },
  published: { zh: '发布', en: 'Published' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  requested: { zh: '申请延期', en: 'Extension requested' },
};

/** The decision a catalogue step records (every step of the item's workflow is one). */
export function itemDecision(action: Exclude<ItemAction, 'edit'>): ReviewDecision {
  switch (action) {
    case 'submit':
      return 'submitted';
    case 'review':
      return 'passed';
    case 'return':
      return 'returned';
    case 'approve':
      return 'approved';
    case 'publish':
      return 'published';
    case 'withdraw':
      return 'withdrawn';
    default: {
      const never: never = action;
      throw new Error(`unknown step ${never}`);
    }
  }
}

/** The decision an annual report's step records (条例第四十九条: the 主管部门 returns or accepts). */
export function reportDecision(step: ReportStep): ReviewDecision {
  switch (step) {
    case 'submit':
      return 'submitted';
    case 'return':
      return 'returned';
    case 'accept':
      return 'passed';
    case 'publish':
      return 'published';
    default: {
      const never: never = step;
      throw new Error(`unknown step ${never}`);
    }
  }
}

/** The case events that are steps of a review loop (条例第三十三条第一款: the head consents to an extension). */
export const CASE_REVIEW_EVENTS: Readonly<Record<string, ReviewDecision>> = {
  extension_requested: 'requested',
  extension_approved: 'approved',
  extension_refused: 'refused',
};

/** 退回 states its reasons: a return without words tells the author nothing. */
export const RETURN_COMMENT_REQUIRED = '退回须填写退回意见（说明需要修改的内容）';
