-- The audit trail per agency, keyed (issues #23, #24; SECURITY.md "The audit trail"):
-- * one hash chain per agency and one for platform events (no agency), each with its own head row: an append
--   locks its chain's head only, so intakes at different agencies never wait on each other;
-- * records from now on are hashed with HMAC-SM3 under a key derived from the secret key, which is not in the
--   database (alg 'hmac-sm3'); the rows written before this migration stay as they are (alg 'sm3', unkeyed)
--   and become the first rows of the platform chain: the legacy segment. Its length is kept in the platform
--   head (legacy_seq) and in every checkpoint, and the first keyed record links onto its last hash.
-- * seq stays the global order for display (a sequence now, so appends of different chains share no row);
--   (chain, chain_seq) is the position verification walks.

alter table audit_events
  add column chain     text not null default 'platform',
  add column chain_seq bigint,
  add column alg       text not null default 'sm3';

-- The existing rows are rewritten once to get their chain position: the append-only guard steps aside for it.
alter table audit_events disable trigger audit_events_no_update;
update audit_events set chain_seq = seq;
alter table audit_events enable trigger audit_events_no_update;

alter table audit_events
  alter column chain_seq set not null,
  alter column chain drop default,
  alter column alg drop default,
  add constraint audit_events_alg_check check (alg in ('sm3', 'hmac-sm3')),
  add constraint audit_events_legacy_check check (alg = 'hmac-sm3' or chain = 'platform');
create unique index audit_events_chain_idx on audit_events (chain, chain_seq);

create sequence audit_events_seq_seq owned by audit_events.seq;
select setval('audit_events_seq_seq', greatest(1, (select coalesce(max(seq), 0) from audit_events)),
              exists (select 1 from audit_events));
alter table audit_events alter column seq set default nextval('audit_events_seq_seq');

-- One head per chain: the last record's position and hash, and how many rows at its start are legacy.
create table audit_heads (
  chain      text primary key,
  seq        bigint not null,
  hash       text not null,
  legacy_seq bigint not null default 0
);
insert into audit_heads (chain, seq, hash, legacy_seq) select 'platform', seq, hash, seq from audit_head;
drop table audit_head;

-- Heads only move forward, one record at a time, and are never removed (not a defence against the database
-- owner, who can disable a trigger: the keyed hashes and the checkpoints outside the database are).
create function audit_heads_forward_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'audit_heads rows are never deleted';
  end if;
  if new.chain <> old.chain or new.legacy_seq <> old.legacy_seq or new.seq <> old.seq + 1 then
    raise exception 'audit_heads only moves forward, one record at a time';
  end if;
  return new;
end;
$$;
create trigger audit_heads_forward before update or delete on audit_heads
  for each row execute function audit_heads_forward_only();
