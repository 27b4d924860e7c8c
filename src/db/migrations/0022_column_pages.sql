-- The 信息公开专栏 (国办发〔2019〕61号): an agency's pages are its 指南's sections (guide.subject, guide.fees, …)
-- and its 制度 pages (rules.secrecy, …) besides the free-form guide and rules (src/domain/catalogue/column.ts).
alter table agency_pages drop constraint if exists agency_pages_kind_check;
alter table agency_pages add constraint agency_pages_kind_check check (kind ~ '^(guide|rules)(\.[a-z]+)?$');
