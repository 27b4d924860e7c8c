import assert from 'node:assert/strict';
import { test } from 'node:test';
import type pg from 'pg';
import { connectionLost, MAX_REPLICA_LAG_MS, readRouter } from './read-router.ts';

const lsn = (n: number) => `0/${n.toString(16).toUpperCase()}`;
const lsnValue = (s: string) => {
  const [hi, lo] = s.split('/');
  return Number.parseInt(hi!, 16) * 2 ** 32 + Number.parseInt(lo!, 16);
};

/**
 * A primary and a replica as the router's health check sees them: the time since the replica's last replayed
 * commit, the primary's flushed WAL position and the replica's replayed one.
 */
function fakeServers(state: { lagMs: number | null; primaryLsn: () => number; replayLsn: () => number }) {
  const answer = (rows: object[]) => ({ rows }) as unknown as pg.QueryResult;
  const primary = {
    query: async (text: string) => {
      assert.match(text, /pg_current_wal_flush_lsn/);
      return answer([{ lsn: lsn(state.primaryLsn()) }]);
    },
  };
  const replica = {
    query: async (text: string, params: string[] = []) => {
      if (/pg_last_xact_replay_timestamp/.test(text)) return answer([{ lag: state.lagMs }]);
      assert.match(text, /pg_last_wal_replay_lsn/);
      return answer([{ behind: state.replayLsn() < lsnValue(params[0]!) }]);
    },
  };
  return readRouter(primary as unknown as pg.Pool, replica as unknown as pg.Pool);
}

test('a replica whose last replayed commit is old is behind only if it lacks WAL the primary had flushed', async () => {
  const old = MAX_REPLICA_LAG_MS * 6;
  // Idle primary: nothing to replay, the replica is current.
  const idle = fakeServers({ lagMs: old, primaryLsn: () => 5000, replayLsn: () => 5000 });
  await idle.check();
  assert.equal(idle.health().replica.status, 'ok');
  assert.equal(idle.health().serving, 'replica');
  await idle.close();

  // A long transaction on the primary writes WAL and commits nothing: the replica streams it a moment after it
  // is flushed, so at each check it lacks the newest WAL but has what the primary had at the previous check.
  let written = 1000;
  let replayed = 1000;
  const busy = fakeServers({
    lagMs: old,
    primaryLsn: () => {
      replayed = written;
      written += 4096;
      return written;
    },
    replayLsn: () => replayed,
  });
  await busy.check();
  for (let i = 0; i < 3; i++) {
    await busy.check();
    assert.equal(busy.health().replica.status, 'ok', `check ${i}`);
    assert.equal(busy.health().serving, 'replica');
  }
  await busy.close();

  // A replica that stopped replaying: lagging at the first check and after; reads go to the primary.
  let primaryAt = 9000;
  const stuck = fakeServers({ lagMs: old, primaryLsn: () => (primaryAt += 100), replayLsn: () => 8000 });
  for (let i = 0; i < 3; i++) {
    await stuck.check();
    assert.equal(stuck.health().replica.status, 'lagging', `check ${i}`);
    assert.equal(stuck.health().serving, 'primary');
    assert.equal(stuck.health().replica.lagMs, old);
  }
  await stuck.close();

  // No commit replayed since the replica started: no time to go by, the WAL positions decide.
  const fresh = fakeServers({ lagMs: null, primaryLsn: () => 7000, replayLsn: () => 7000 });
  await fresh.check();
  assert.equal(fresh.health().replica.status, 'ok');
  assert.equal(fresh.health().replica.lagMs, null);
  await fresh.close();
  const restarted = fakeServers({ lagMs: null, primaryLsn: () => 7000, replayLsn: () => 100 });
  await restarted.check();
  assert.equal(restarted.health().replica.status, 'lagging', 'a replica started from an old copy is behind');
  assert.equal(restarted.health().serving, 'primary');
  await restarted.close();

  // Recent commits replayed: close behind, the primary is not asked.
  const recent = fakeServers({
    lagMs: 300,
    primaryLsn: () => assert.fail('the primary is asked only when the last replayed commit is old'),
    replayLsn: () => 0,
  });
  await recent.check();
  assert.equal(recent.health().replica.status, 'ok');
  await recent.close();
});

test('an error that ends the replica session moves the read to the primary; a query error does not', () => {
  assert.equal(connectionLost(new Error('Connection terminated unexpectedly')), true);
  const server = (severity: string, code: string) => Object.assign(new Error(code), { severity, code });
  assert.equal(connectionLost(server('FATAL', '57P01')), true, 'pg_ctl stop -m fast: admin_shutdown');
  assert.equal(connectionLost(server('ERROR', '57P03')), true, 'cannot_connect_now');
  assert.equal(connectionLost(server('FATAL', '57P04')), true);
  assert.equal(connectionLost(server('ERROR', '08006')), true);
  assert.equal(connectionLost(server('ERROR', '22P02')), false, 'invalid input: the query itself');
  assert.equal(connectionLost(server('ERROR', '57014')), false, 'statement timeout: the query itself');
  assert.equal(connectionLost(server('ERROR', '40001')), false);
});
