-- Search as people type it (issue #20): the text a query's terms must occur in is folded by the application
-- (domain/catalogue/search-query.ts: NFKC, brackets, dots and dashes alike, one field a line), which the database's
-- lower() cannot do. Dropping the generated column is instant; rows get their search text when the scheduler
-- re-tokenises them (search version 3). Until then a query folds an older row's fields on the fly (its candidates
-- only), as nearly as SQL can.
alter table catalogue_items drop column match_text;
alter table catalogue_items add column search_text text;
