CREATE TABLE `skill_place_versions` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Skill matching keeps members' places (their approved space, city, region, country) between requests and reads
-- this version to know when any may have changed: every write to spaces, hosts and members that can change a place bumps it.
CREATE TRIGGER `skill_place_spaces_ai` AFTER INSERT ON `spaces` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_spaces_ad` AFTER DELETE ON `spaces` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_spaces_au` AFTER UPDATE ON `spaces` WHEN old.guild_id IS NOT new.guild_id OR old.status IS NOT new.status OR old.name IS NOT new.name OR old.city IS NOT new.city OR old.region IS NOT new.region OR old.country IS NOT new.country BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
  INSERT INTO skill_place_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_hosts_ai` AFTER INSERT ON `space_hosts` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_hosts_ad` AFTER DELETE ON `space_hosts` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_hosts_au` AFTER UPDATE ON `space_hosts` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
  INSERT INTO skill_place_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_members_ai` AFTER INSERT ON `space_members` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_members_ad` AFTER DELETE ON `space_members` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `skill_place_members_au` AFTER UPDATE ON `space_members` BEGIN
  INSERT INTO skill_place_versions (guild_id, version) VALUES (new.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
  INSERT INTO skill_place_versions (guild_id, version) VALUES (old.guild_id, 1)
    ON CONFLICT (guild_id) DO UPDATE SET version = version + 1;
END;
