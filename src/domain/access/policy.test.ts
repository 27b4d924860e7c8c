import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXPECTED_GRANTS } from '../../../test/access/expected-grants.ts';
import { ACTIONS, type Action, type Actor, can, type Resource, type Role, SYSTEM, scopeFor } from './policy.ts';

// Independent expectation table (test/access/expected-grants.ts): a wrong line in GRANTS fails here.
const OWN = EXPECTED_GRANTS;

const A: Resource = { agencyId: 'agency-a', regionPath: '620000/620600/620602' }; // own agency, in 凉州区
const B: Resource = { agencyId: 'agency-b', regionPath: '620000/620600/620602' }; // another agency, same region
const C: Resource = { agencyId: 'agency-c', regionPath: '620000/620100/620102' }; // another region (兰州)

function actor(role: Role): Actor {
  const grant =
    role === 'supervisor'
      ? { role, agencyId: null, regionPath: '620000/620600/620602' }
      : role === 'sysadmin'
        ? { role, agencyId: null, regionPath: null }
        : { role, agencyId: 'agency-a', regionPath: null };
  return { userId: `u-${role}`, username: role, grants: [grant] };
}

for (const role of Object.keys(OWN) as Role[]) {
  const allowed = new Set(OWN[role].split(' '));
  test(`policy matrix: ${role}`, () => {
    const a = actor(role);
    for (const action of ACTIONS) {
      const expectOwn = allowed.has(action);
      assert.equal(can(a, action, A), expectOwn, `${role} ${action} own agency`);
      // Another agency of the same region: only region-wide roles reach it.
      const regionWide = role === 'supervisor' || role === 'sysadmin';
      assert.equal(can(a, action, B), expectOwn && regionWide, `${role} ${action} other agency`);
      // Another region: only the system admin.
      assert.equal(can(a, action, C), expectOwn && role === 'sysadmin', `${role} ${action} other region`);
    }
  });
}

test('anonymous may do nothing staff-side', () => {
  for (const action of ACTIONS) assert.equal(can(null, action, A), false);
});

test('system-level resources only for system admin', () => {
  assert.equal(can(actor('sysadmin'), 'calendar.manage', SYSTEM), true);
  assert.equal(can(actor('supervisor'), 'agency.read', SYSTEM), false);
  assert.equal(can(actor('operator'), 'agency.read', SYSTEM), false);
});

test('supervisor of a parent region covers its children but not a sibling prefix', () => {
  const sup: Actor = {
    userId: 'u',
    username: 's',
    grants: [{ role: 'supervisor', agencyId: null, regionPath: '620000/620600' }],
  };
  assert.equal(can(sup, 'case.read', A), true);
  assert.equal(can(sup, 'case.read', { agencyId: 'x', regionPath: '620000/6206001' }), false);
});

test('scopes list the agencies and regions of the granting roles', () => {
  const multi: Actor = {
    userId: 'u',
    username: 'm',
    grants: [
      { role: 'operator', agencyId: 'agency-a', regionPath: null },
      { role: 'reviewer', agencyId: 'agency-b', regionPath: null },
    ],
  };
  assert.deepEqual(scopeFor(multi, 'case.handle' as Action), { all: false, agencyIds: ['agency-a'], regionPaths: [] });
  assert.deepEqual(scopeFor(multi, 'catalogue.read'), {
    all: false,
    agencyIds: ['agency-a', 'agency-b'],
    regionPaths: [],
  });
  assert.deepEqual(scopeFor(actor('sysadmin'), 'agency.read').all, true);
  assert.deepEqual(scopeFor(null, 'agency.read'), { all: false, agencyIds: [], regionPaths: [] });
});
