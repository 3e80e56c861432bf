CREATE TABLE `alliances` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`announcements_channel_id` text,
	`organizers_channel_id` text,
	`organizer_role_id` text,
	`proposals_channel_id` text,
	`meetings_channel_id` text,
	`directory_approval` integer DEFAULT true NOT NULL,
	`idea_quota` integer DEFAULT 3 NOT NULL,
	`agenda_quota` integer DEFAULT 2 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bot_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scheduled_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`due_at` integer NOT NULL,
	`expires_at` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`finished_at` integer,
	`result` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_jobs_key_unique` ON `scheduled_jobs` (`key`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_due_idx` ON `scheduled_jobs` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `scheduled_jobs_guild_idx` ON `scheduled_jobs` (`guild_id`,`kind`);