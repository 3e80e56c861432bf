-- Custom migration: the directory full-text index.
-- Full-text search over spaces, kept in sync by triggers (contentless with contentless_delete: the text lives in
-- spaces). detail=column because queries are single-word prefix terms with column filters (no phrases, no bm25:
-- relevance is by tier, see directory-search.repo.ts), which keeps the index small. The first column, scope,
-- holds one token "a<guild id>" (approved) or "p<guild id>" (pending), so a search is scoped to one alliance's
-- approved spaces inside FTS itself, with no join.
-- Accent-insensitive (remove_diacritics 2), prefix-indexed for 2 and 3 letters.
CREATE VIRTUAL TABLE `spaces_fts` USING fts5(scope, name, city, region, tags, description, content='', contentless_delete=1, detail='column', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `spaces_fts_ai` AFTER INSERT ON `spaces` BEGIN
  INSERT INTO spaces_fts(rowid, scope, name, city, region, tags, description)
  VALUES (new.id, CASE new.status WHEN 'approved' THEN 'a' ELSE 'p' END || new.guild_id, new.name, new.city, new.region, new.tags, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `spaces_fts_ad` AFTER DELETE ON `spaces` BEGIN
  DELETE FROM spaces_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `spaces_fts_au` AFTER UPDATE OF guild_id, status, name, city, region, tags, description ON `spaces` BEGIN
  DELETE FROM spaces_fts WHERE rowid = old.id;
  INSERT INTO spaces_fts(rowid, scope, name, city, region, tags, description)
  VALUES (new.id, CASE new.status WHEN 'approved' THEN 'a' ELSE 'p' END || new.guild_id, new.name, new.city, new.region, new.tags, new.description);
END;
