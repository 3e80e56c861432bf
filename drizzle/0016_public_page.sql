CREATE TABLE `calendar_tokens` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_tokens_member_uq` ON `calendar_tokens` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_tokens_token_uq` ON `calendar_tokens` (`token`);--> statement-breakpoint
ALTER TABLE `alliances` ADD `public_page` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `alliances` ADD `public_slug` text;--> statement-breakpoint
CREATE UNIQUE INDEX `alliances_public_slug_uq` ON `alliances` (`public_slug`);--> statement-breakpoint
ALTER TABLE `monthly_updates` ADD `content` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `public_listing` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `spaces` ADD `public_tags` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `spaces_guild_public_idx` ON `spaces` (`guild_id`,`public_listing`,`status`,`updated_at`);