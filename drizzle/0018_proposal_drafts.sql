CREATE TABLE `proposal_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`options` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `proposal_drafts_guild_idx` ON `proposal_drafts` (`guild_id`,`expires_at`);