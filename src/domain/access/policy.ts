/**
 * The one authorization policy: which role may do what, over which records.
 * Roles per agency: operator (公开专员), reviewer (保密审查), approver (负责人), agency_admin;
 * supervisor over a region (政务公开办: every agency in it and below); sysadmin over everything.
 * Everything not granted here is refused; a refused read answers 404 (the record's existence is not revealed).
 */

export type Role = 'operator' | 'reviewer' | 'approver' | 'agency_admin' | 'supervisor' | 'sysadmin';

export const ROLES: readonly Role[] = ['operator', 'reviewer', 'approver', 'agency_admin', 'supervisor', 'sysadmin'];

export const roleLabels: Record<Role, string> = {
  operator: '公开专员',
  reviewer: '保密审查员',
  approver: '负责人（审批）',
  agency_admin: '机关管理员',
  supervisor: '政务公开主管（监督）',
  sysadmin: '系统管理员',
};

export type Action =
  | 'agency.read'
  | 'agency.update'
  | 'agency.create'
  | 'user.read'
  | 'user.manage'
  | 'audit.read'
  | 'case.read'
  | 'case.create'
  | 'case.handle'
  | 'case.approve'
  | 'case.view_personal'
  | 'catalogue.read'
  | 'catalogue.edit'
  | 'catalogue.review'
  | 'catalogue.approve'
  | 'catalogue.import'
  | 'report.read'
  | 'report.edit'
  | 'report.approve'
  | 'report.import'
  | 'report.supervise'
  | 'calendar.manage'
  | 'token.manage'
  | 'supervision.read'
  | 'supervision.manage'
  | 'concern.manage'
  | 'rating.moderate'
  | 'system.backup';

export const ACTIONS: readonly Action[] = [
  'agency.read',
  'agency.update',
  'agency.create',
  'user.read',
  'user.manage',
  'audit.read',
  'case.read',
  'case.create',
  'case.handle',
  'case.approve',
  'case.view_personal',
  'catalogue.read',
  'catalogue.edit',
  'catalogue.review',
  'catalogue.approve',
  'catalogue.import',
  'report.read',
  'report.edit',
  'report.approve',
  'report.import',
  'report.supervise',
  'calendar.manage',
  'token.manage',
  'supervision.read',
  'supervision.manage',
  'concern.manage',
  'rating.moderate',
  'system.backup',
];

const staffRead: Action[] = ['agency.read', 'case.read', 'catalogue.read', 'report.read'];

/** Policy as data: the actions each role grants within its scope. */
export const GRANTS: Record<Role, readonly Action[]> = {
  operator: [
    ...staffRead,
    'case.create',
    'case.handle',
    'case.view_personal',
    'catalogue.edit',
    'report.edit',
    'report.import',
    'token.manage',
    'concern.manage',
  ],
  reviewer: [...staffRead, 'catalogue.review', 'token.manage'],
  approver: [
    ...staffRead,
    'case.handle',
    'case.approve',
    'case.view_personal',
    'catalogue.approve',
    'catalogue.import',
    'report.approve',
    'token.manage',
    'supervision.read',
  ],
  agency_admin: [
    ...staffRead,
    'agency.update',
    'user.read',
    'user.manage',
    'audit.read',
    'token.manage',
    'supervision.read',
    'concern.manage',
    'rating.moderate',
  ],
  // A supervisor sees every agency of the region, checks and accepts reports; it does not handle cases
  // and never sees applicants' personal data.
  // 考核, 责任追究 and the public's ratings are the supervising government's (条例第四十七条、第五十条).
  supervisor: [
    ...staffRead,
    'user.read',
    'report.supervise',
    'audit.read',
    'token.manage',
    'supervision.read',
    'supervision.manage',
    'concern.manage',
    'rating.moderate',
  ],
  sysadmin: [
    'agency.read',
    'agency.update',
    'agency.create',
    'user.read',
    'user.manage',
    'audit.read',
    'calendar.manage',
    'token.manage',
    'report.read',
    'catalogue.read',
    'catalogue.import', // rollout: loading a legacy catalogue
    'report.import', // rollout: loading published historical reports
    'system.backup',
  ],
};

export interface Grant {
  role: Role;
  agencyId: string | null; // agency roles
  regionPath: string | null; // supervisor: path of the supervised region, e.g. '620000/620600/620602'
}

export interface Actor {
  userId: string;
  username: string;
  grants: readonly Grant[];
}

/** What an action is done to: an agency's record (with its region path), or nothing in particular. */
export interface Resource {
  agencyId: string | null;
  regionPath: string | null;
}

export const SYSTEM: Resource = { agencyId: null, regionPath: null };

function inScope(grant: Grant, resource: Resource): boolean {
  switch (grant.role) {
    case 'sysadmin':
      return true;
    case 'supervisor':
      return (
        resource.regionPath !== null &&
        grant.regionPath !== null &&
        (resource.regionPath === grant.regionPath || resource.regionPath.startsWith(`${grant.regionPath}/`))
      );
    case 'operator':
    case 'reviewer':
    case 'approver':
    case 'agency_admin':
      return resource.agencyId !== null && resource.agencyId === grant.agencyId;
    default: {
      const never: never = grant.role;
      return never;
    }
  }
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => GRANTS[g.role].includes(action) && inScope(g, resource));
}

/** Whether the actor may do the action somewhere (to show a menu entry, say). */
export function canAnywhere(actor: Actor | null, action: Action): boolean {
  return !!actor && actor.grants.some((g) => GRANTS[g.role].includes(action));
}

/**
 * A list scope: the agencies whose records an actor may see for an action, as data a repository turns into SQL.
 * `all` for sysadmin-wide grants; otherwise explicit agency ids and region path prefixes.
 */
export interface Scope {
  all: boolean;
  agencyIds: string[];
  regionPaths: string[];
}

export function scopeFor(actor: Actor | null, action: Action): Scope {
  const scope: Scope = { all: false, agencyIds: [], regionPaths: [] };
  if (!actor) return scope;
  for (const g of actor.grants) {
    if (!GRANTS[g.role].includes(action)) continue;
    if (g.role === 'sysadmin') scope.all = true;
    else if (g.role === 'supervisor' && g.regionPath) scope.regionPaths.push(g.regionPath);
    else if (g.agencyId) scope.agencyIds.push(g.agencyId);
  }
  return scope;
}

export function scopeIsEmpty(s: Scope): boolean {
  return !s.all && s.agencyIds.length === 0 && s.regionPaths.length === 0;
}
