-- Personal data sealed at rest (个人信息保护法第五十一条), issue #23 items 3 and 4.
-- SQL cannot encrypt: the start-up step (src/shared/seal-at-rest.ts) seals the rows older versions wrote in clear,
-- once, in one transaction, before the server answers; this migration only makes room for it.

-- The query code is kept only as its hash: the encrypted copy was never read.
alter table applications drop column query_code_enc;

-- 获取信息的途径 (often a postal address): `delivery` keeps a masked form, the full text is sealed.
alter table applications add column delivery_enc text;

-- Letters keep their text with personal values as markers; the values sealed here (null: not yet sealed).
alter table letters add column personal_enc text;

-- The outbox keeps recipient and body sealed. The clear columns stay (renamed, emptied by the start-up step)
-- until a later migration drops them.
alter table mail_outbox rename column to_address to legacy_to_address;
alter table mail_outbox rename column body to legacy_body;
alter table mail_outbox alter column legacy_to_address drop not null;
alter table mail_outbox alter column legacy_body drop not null;
alter table mail_outbox add column sealed text;
alter table mail_outbox add constraint mail_outbox_sealed_or_legacy
  check (sealed is not null or legacy_to_address is not null);
