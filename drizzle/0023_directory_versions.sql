CREATE TABLE `directory_versions` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- A /directory search remembers the ids it found with this version (src/directory/directory-search.service.ts) and
-- reuses them while it has not moved: every write to an alliance's spaces or their tags moves it.
CREATE TRIGGER `directory_versions_spaces_ai` AFTER INSERT ON `spaces` BEGIN
  INSERT INTO directory_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `directory_versions_spaces_ad` AFTER DELETE ON `spaces` BEGIN
  INSERT INTO directory_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `directory_versions_spaces_au` AFTER UPDATE ON `spaces` BEGIN
  INSERT INTO directory_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
  INSERT INTO directory_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `directory_versions_tags_ai` AFTER INSERT ON `space_tags` BEGIN
  INSERT INTO directory_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `directory_versions_tags_ad` AFTER DELETE ON `space_tags` BEGIN
  INSERT INTO directory_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `directory_versions_tags_au` AFTER UPDATE ON `space_tags` BEGIN
  INSERT INTO directory_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
  INSERT INTO directory_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
