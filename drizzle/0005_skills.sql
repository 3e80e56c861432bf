CREATE TABLE `skill_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`skill_key` text NOT NULL,
	`term` text NOT NULL,
	`level` text,
	`note` text,
	`by_date` text,
	`created_at` integer NOT NULL,
	`renewed_at` integer NOT NULL,
	`expires_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skill_entries_owner_skill_uq` ON `skill_entries` (`guild_id`,`user_id`,`kind`,`skill_key`);--> statement-breakpoint
CREATE INDEX `skill_entries_guild_skill_idx` ON `skill_entries` (`guild_id`,`skill_key`,`kind`);--> statement-breakpoint
CREATE INDEX `skill_entries_guild_created_idx` ON `skill_entries` (`guild_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `skill_index_versions` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `skill_intros` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`requester_id` text NOT NULL,
	`target_id` text NOT NULL,
	`target_offers` text NOT NULL,
	`requester_offers` text NOT NULL,
	`channel_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`responded_at` integer,
	`requester_helped` integer,
	`target_helped` integer,
	`requester_answered_at` integer,
	`target_answered_at` integer
);
--> statement-breakpoint
CREATE INDEX `skill_intros_requester_idx` ON `skill_intros` (`guild_id`,`requester_id`,`status`);--> statement-breakpoint
CREATE INDEX `skill_intros_target_idx` ON `skill_intros` (`guild_id`,`target_id`);--> statement-breakpoint
CREATE INDEX `skill_intros_guild_created_idx` ON `skill_intros` (`guild_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `skill_match_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`older_entry_id` integer NOT NULL,
	`newer_entry_id` integer NOT NULL,
	`older_user_id` text NOT NULL,
	`newer_user_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skill_match_notices_pair_uq` ON `skill_match_notices` (`older_entry_id`,`newer_entry_id`);--> statement-breakpoint
CREATE INDEX `skill_match_notices_guild_user_idx` ON `skill_match_notices` (`guild_id`,`older_user_id`);--> statement-breakpoint
CREATE TABLE `skill_prefs` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`intros_closed` integer DEFAULT false NOT NULL,
	`reminders_off` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `skill_suggestions` (
	`guild_id` text NOT NULL,
	`skill_key` text NOT NULL,
	`label` text NOT NULL,
	`first_user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `skill_key`)
);
--> statement-breakpoint
CREATE TABLE `skill_thanks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`from_user_id` text NOT NULL,
	`to_user_id` text NOT NULL,
	`skill_key` text NOT NULL,
	`skill_label` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `skill_thanks_guild_created_idx` ON `skill_thanks` (`guild_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `skill_thanks_pair_idx` ON `skill_thanks` (`guild_id`,`from_user_id`,`to_user_id`);