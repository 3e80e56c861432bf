-- Custom migration: the directory index's words counted per column (fts5vocab 'col': documents holding the word in
-- each column). A search's relevance tiers are "every word in the name", "within name, city, region and tags, not all
-- in the name" and "with the description": a tier whose words never occur in the columns it needs has no match, and
-- the search skips it instead of reading its words' doclists to find nothing (src/directory/fts-query.rules.ts).
CREATE VIRTUAL TABLE `spaces_fts_columns` USING fts5vocab('spaces_fts', 'col');
