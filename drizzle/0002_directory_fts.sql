-- Full-text search over spaces: accent-insensitive (remove_diacritics 2), prefix-indexed for 2 and 3 letters,
-- external content on spaces kept in sync by triggers, so no code path can forget to update it.
CREATE VIRTUAL TABLE `spaces_fts` USING fts5(name, city, region, tags, description, content='spaces', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
--> statement-breakpoint
CREATE TRIGGER `spaces_fts_ai` AFTER INSERT ON `spaces` BEGIN
  INSERT INTO spaces_fts(rowid, name, city, region, tags, description) VALUES (new.id, new.name, new.city, new.region, new.tags, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `spaces_fts_ad` AFTER DELETE ON `spaces` BEGIN
  INSERT INTO spaces_fts(spaces_fts, rowid, name, city, region, tags, description) VALUES ('delete', old.id, old.name, old.city, old.region, old.tags, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `spaces_fts_au` AFTER UPDATE OF name, city, region, tags, description ON `spaces` BEGIN
  INSERT INTO spaces_fts(spaces_fts, rowid, name, city, region, tags, description) VALUES ('delete', old.id, old.name, old.city, old.region, old.tags, old.description);
  INSERT INTO spaces_fts(rowid, name, city, region, tags, description) VALUES (new.id, new.name, new.city, new.region, new.tags, new.description);
END;
