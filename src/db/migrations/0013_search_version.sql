-- Which version of the search tokens a row's vector holds (domain/catalogue/search-tokens.ts). Rows written
-- before this migration hold version 1; a background job re-tokenises them, and queries ask for the newest
-- version's tokens only once no row is older (until then the older tokens, which every newer vector also has).
alter table catalogue_items add column search_version smallint not null default 1;
create index catalogue_items_search_version_idx on catalogue_items (search_version);
