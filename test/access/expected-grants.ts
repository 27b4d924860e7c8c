import type { Role } from '../../src/domain/access/index.ts';

/**
 * Roles → the actions each may take in its scope, written out by hand and independently of the policy module:
 * the policy unit test and the authorization matrix both check GRANTS against it.
 */
export const EXPECTED_GRANTS: Record<Role, string> = {
  operator:
    'agency.read case.read case.create case.handle case.view_personal catalogue.read catalogue.edit report.read report.edit report.import token.manage concern.manage',
  reviewer: 'agency.read case.read catalogue.read catalogue.review report.read token.manage',
  approver:
    'agency.read case.read case.handle case.approve case.view_personal catalogue.read catalogue.approve catalogue.import report.read report.approve token.manage supervision.read',
  agency_admin:
    'agency.read agency.update user.read user.manage audit.read case.read catalogue.read report.read token.manage supervision.read concern.manage rating.moderate',
  supervisor:
    'agency.read user.read audit.read case.read catalogue.read report.read report.supervise token.manage supervision.read supervision.manage concern.manage rating.moderate',
  sysadmin:
    'agency.read agency.update agency.create user.read user.manage audit.read catalogue.read catalogue.import report.read report.import calendar.manage token.manage system.backup',
};
