CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`text` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `action_items_owner_idx` ON `action_items` (`guild_id`,`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `action_items_status_idx` ON `action_items` (`guild_id`,`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `action_reminder_opt_outs` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`topic` text NOT NULL,
	`minutes` integer NOT NULL,
	`presenter_id` text,
	`priority_id` integer,
	`proposed_by` text NOT NULL,
	`outcome` text,
	`decision` text,
	`carried_from_id` integer,
	`carried_to_id` integer,
	`idea_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`guild_id`,`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_items_proposer_idx` ON `agenda_items` (`guild_id`,`proposed_by`);--> statement-breakpoint
CREATE TABLE `idea_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`idea_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`month` text NOT NULL,
	`dots` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idea_votes_user_month_idx` ON `idea_votes` (`guild_id`,`user_id`,`month`);--> statement-breakpoint
CREATE INDEX `idea_votes_idea_idx` ON `idea_votes` (`guild_id`,`idea_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text NOT NULL,
	`status` text DEFAULT 'parked' NOT NULL,
	`promoted_to` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ideas_guild_status_idx` ON `ideas` (`guild_id`,`status`);--> statement-breakpoint
CREATE INDEX `ideas_author_idx` ON `ideas` (`guild_id`,`author_id`,`status`);--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`guild_id` text NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `meeting_attendance_user_idx` ON `meeting_attendance` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `meeting_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`payload` text NOT NULL,
	`candidates` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meeting_drafts_guild_idx` ON `meeting_drafts` (`guild_id`,`expires_at`);--> statement-breakpoint
CREATE TABLE `meeting_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`recurrence` text NOT NULL,
	`anchor_local` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meeting_series_guild_idx` ON `meeting_series` (`guild_id`,`active`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`structured_minutes` integer NOT NULL,
	`location` text,
	`voice_channel_id` text,
	`channel_id` text,
	`created_by` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`series_id` integer,
	`occurrence` integer DEFAULT 0 NOT NULL,
	`discord_event_id` text,
	`agenda_message_id` text,
	`start_message_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `meetings_guild_start_idx` ON `meetings` (`guild_id`,`status`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_series_occurrence_idx` ON `meetings` (`series_id`,`occurrence`);--> statement-breakpoint
CREATE TABLE `priorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`rank` integer NOT NULL,
	`text` text NOT NULL,
	`target_date` text,
	`status` text DEFAULT 'active' NOT NULL,
	`idea_id` integer,
	`set_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer
);
--> statement-breakpoint
CREATE INDEX `priorities_guild_status_idx` ON `priorities` (`guild_id`,`status`,`rank`);--> statement-breakpoint
CREATE UNIQUE INDEX `priorities_active_rank_idx` ON `priorities` (`guild_id`,`rank`) WHERE status = 'active';