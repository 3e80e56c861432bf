CREATE TABLE `coworking_day_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`year` integer NOT NULL,
	`space_id` integer NOT NULL,
	`space_name` text NOT NULL,
	`host_user_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`link` text,
	`discord_event_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coworking_day_events_slot_idx` ON `coworking_day_events` (`guild_id`,`space_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `coworking_day_events_year_idx` ON `coworking_day_events` (`guild_id`,`year`,`starts_at`);--> statement-breakpoint
CREATE TABLE `monthly_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`period` text NOT NULL,
	`trigger` text NOT NULL,
	`post_key` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_ids` text NOT NULL,
	`section_ids` text NOT NULL,
	`posted_at` integer NOT NULL,
	`posted_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monthly_updates_post_key_idx` ON `monthly_updates` (`guild_id`,`post_key`);--> statement-breakpoint
CREATE INDEX `monthly_updates_period_idx` ON `monthly_updates` (`guild_id`,`period`);--> statement-breakpoint
CREATE INDEX `monthly_updates_posted_idx` ON `monthly_updates` (`guild_id`,`posted_at`);--> statement-breakpoint
CREATE TABLE `rhythm_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`monthly_enabled` integer DEFAULT true NOT NULL,
	`monthly_day` integer DEFAULT 1 NOT NULL,
	`monthly_hour` integer DEFAULT 10 NOT NULL,
	`monthly_channel_id` text,
	`note` text,
	`note_by` text,
	`note_at` integer,
	`icd_reminders_enabled` integer DEFAULT true NOT NULL,
	`icd_reminders` text DEFAULT '[30,7,1,0]' NOT NULL,
	`icd_week_name` text,
	`icd_week_start` text,
	`updated_at` integer NOT NULL
);
