/**
 * The workflow of an annual report (条例第四十九条: departments submit to the 本级 主管部门 and publish by
 * 1月31日; governments by 3月31日): its closed list of statuses, its steps and the named sets of statuses the
 * commands ask about. Migration 0016's constraint test reads the database's list back against this one.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已审核',
  published: '已发布',
};

/** The steps of the submission workflow (条例第四十九条), in order. */
export const REPORT_STEPS = ['submit', 'return', 'accept', 'publish'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** draft → submitted → returned | accepted → published; a government's own report may publish from draft. */
export const REPORT_FLOW: Record<ReportStep, { from: readonly ReportStatus[]; to: ReportStatus; label: string }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', label: '报送' },
  return: { from: ['submitted'], to: 'returned', label: '退回修改' },
  accept: { from: ['submitted'], to: 'accepted', label: '审核通过' },
  publish: { from: ['accepted', 'draft'], to: 'published', label: '发布' },
};

interface StatusClass {
  /** With the agency: its text (sections 一, 五, 六) may be edited. */
  withAgency: boolean;
  /** Published: the numbers are frozen. */
  published: boolean;
}

const CLASS: Record<ReportStatus, StatusClass> = {
  draft: { withAgency: true, published: false },
  submitted: { withAgency: false, published: false },
  returned: { withAgency: true, published: false },
  accepted: { withAgency: false, published: false },
  published: { withAgency: false, published: true },
};

/** The narrative may change while the report is with the agency (not submitted, accepted or published). */
export const narrativeEditable = (s: ReportStatus): boolean => CLASS[s].withAgency;
/** The figures of other systems may change until publication freezes the numbers. */
export const figuresEditable = (s: ReportStatus): boolean => !CLASS[s].published;
