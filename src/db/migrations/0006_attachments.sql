-- Attachments of catalogue items: type-checked by content, size-limited, stored in the data dir.
create table catalogue_attachments (
  id          uuid primary key default gen_random_uuid(),
  item_id     uuid not null references catalogue_items(id),
  filename    text not null,
  mime        text not null,
  size        integer not null,
  sha256      text not null,
  created_at  timestamptz not null default now()
);
create index catalogue_attachments_item_idx on catalogue_attachments (item_id);
