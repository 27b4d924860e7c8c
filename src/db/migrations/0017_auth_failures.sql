-- Failed password and code checks, counted per (account, client), per client and per account (SECURITY.md,
-- "Lockout and rate limits"): a locked pair or client is refused for a while; an account attacked from many
-- clients is refused only to clients that have failed. An attempt is counted before it is checked and a right
-- one gives its count back, so `failures` may drop to 0. Keys are HMACs (under the secret key) of the realm,
-- the scope, the account or tracking number and the client address: no address or name is stored in clear. A
-- row whose window and lock have both ended means nothing and is pruned as attempts come in. This replaces
-- users.failed_logins and users.locked_until (one per account: anyone could keep any account locked), which
-- are no longer read.
create table auth_failures (
  key            text primary key,
  realm          text not null check (realm in ('login', 'code')),
  scope          text not null check (scope in ('pair', 'client', 'account')),
  failures       integer not null check (failures >= 0),
  window_ends_at timestamptz not null,
  locked_until   timestamptz
);
create index auth_failures_window_idx on auth_failures (window_ends_at);
