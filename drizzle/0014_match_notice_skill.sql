ALTER TABLE `skill_match_notices` ADD `skill_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `skill_match_notices_skill_idx` ON `skill_match_notices` (`guild_id`,`skill_key`,`created_at`);--> statement-breakpoint
-- Notices recorded before skill_key existed: take the skill from either entry while it still exists.
UPDATE `skill_match_notices` SET `skill_key` = coalesce((SELECT `skill_key` FROM `skill_entries` WHERE `id` = `older_entry_id`), (SELECT `skill_key` FROM `skill_entries` WHERE `id` = `newer_entry_id`), '') WHERE `skill_key` = '';
