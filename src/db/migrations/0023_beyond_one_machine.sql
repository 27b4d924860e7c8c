-- Tracking numbers grow past six digits (GK2026-999999 is followed by GK2026-1000000): a serial search compares
-- the whole serial, no longer its last six characters (src/queries/case-list.ts).
drop index if exists applications_serial_idx;
create index applications_serial_idx on applications ((split_part(tracking_number, '-', 2)));

-- One scheduler pass per interval across instances (src/jobs/scheduler.ts): the instance that inserts the row of
-- an interval's start runs its pass; the others find it there and skip. Rows older than a day are pruned.
create table scheduler_passes (
  interval_start timestamptz primary key,
  instance       text not null,
  started_at     timestamptz not null default now(),
  finished_at    timestamptz,
  error          text
);

-- The public page cache (src/http/public-cache.ts) learns what changed from the database itself: every write
-- that changes what the portal shows, whoever makes it (a request, a CLI command, an import), logs the cache
-- tags it touches in the same transaction. `item:<id>` is one item's page (and every list: lists may show it),
-- `lists` every list page, `agency:<id>` one agency's page, `*` everything. On PostgreSQL the tags are sent with
-- NOTIFY on commit (every instance LISTENs); the embedded database (one instance) reads public_changes.
-- A write that changes nothing public (a draft, a login, a search-token upgrade) logs nothing.
create table public_changes (
  seq  bigserial primary key,
  tag  text not null,
  at   timestamptz not null default now()
);

create function log_public_change(tag text) returns void language plpgsql as $$
begin
  -- Once per transaction for the broad tags (a bulk import of published items logs `lists` once).
  if tag in ('lists', '*') then
    if current_setting('gongkai.public_' || md5(tag), true) = txid_current()::text then return; end if;
    perform set_config('gongkai.public_' || md5(tag), txid_current()::text, true);
  end if;
  insert into public_changes (tag) values (tag);
  perform pg_notify('gongkai_public', tag);
end $$;

-- What an item's public pages show (the search columns, review notes and versions are not shown).
create function public_item_view(i catalogue_items) returns jsonb language sql immutable as $$
  select case when i.state = 'published' and i.disclosure = 'proactive' then jsonb_build_array(
    i.agency_id, i.index_no, i.title, i.doc_number, i.written_date, i.formed_date, i.publish_date, i.topic,
    i.genre, i.article_item, i.validity, i.validity_date, i.supersedes_id, i.interprets_id, i.keywords,
    i.body_html, i.published_at) end
$$;

create function catalogue_items_public_change() returns trigger language plpgsql as $$
declare
  was jsonb := case when tg_op <> 'INSERT' then public_item_view(old) end;
  now_ jsonb := case when tg_op <> 'DELETE' then public_item_view(new) end;
begin
  if was is distinct from now_ then
    -- A new public item is on no item page yet: only the lists change.
    perform log_public_change(case when was is null then 'lists' else 'item:' || old.id end);
  end if;
  return null;
end $$;
create trigger catalogue_items_public_change after insert or update or delete on catalogue_items
  for each row execute function catalogue_items_public_change();

create function catalogue_attachments_public_change() returns trigger language plpgsql as $$
declare
  item uuid := case when tg_op = 'DELETE' then old.item_id else new.item_id end;
begin
  if exists (select 1 from catalogue_items i where i.id = item and i.state = 'published' and i.disclosure = 'proactive')
  then perform log_public_change('item:' || item);
  end if;
  return null;
end $$;
create trigger catalogue_attachments_public_change after insert or update or delete on catalogue_attachments
  for each row execute function catalogue_attachments_public_change();

create function agency_pages_public_change() returns trigger language plpgsql as $$
begin
  perform log_public_change('agency:' || case when tg_op = 'DELETE' then old.agency_id else new.agency_id end);
  return null;
end $$;
create trigger agency_pages_public_change after insert or update or delete on agency_pages
  for each row execute function agency_pages_public_change();

create function annual_reports_public_change() returns trigger language plpgsql as $$
begin
  if (case when tg_op <> 'INSERT' then old.status end) is distinct from (case when tg_op <> 'DELETE' then new.status end)
    and 'published' in (case when tg_op <> 'INSERT' then old.status end, case when tg_op <> 'DELETE' then new.status end)
  then perform log_public_change('agency:' || case when tg_op = 'DELETE' then old.agency_id else new.agency_id end);
  end if;
  return null;
end $$;
create trigger annual_reports_public_change after insert or update or delete on annual_reports
  for each row execute function annual_reports_public_change();

-- Agencies' and regions' names and contacts are on every page: a change to them changes everything.
create function names_public_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and to_jsonb(old) = to_jsonb(new) then return null; end if;
  perform log_public_change('*');
  return null;
end $$;
create trigger agencies_public_change after insert or update or delete on agencies
  for each row execute function names_public_change();
create trigger regions_public_change after insert or update or delete on regions
  for each row execute function names_public_change();
