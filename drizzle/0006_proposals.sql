CREATE TABLE `decision_rules` (
	`guild_id` text NOT NULL,
	`scope` text NOT NULL,
	`rule` text NOT NULL,
	`threshold_num` integer DEFAULT 2 NOT NULL,
	`threshold_den` integer DEFAULT 3 NOT NULL,
	`quorum` integer,
	`period_minutes` integer NOT NULL,
	`voters` text DEFAULT 'everyone' NOT NULL,
	`voter_role_id` text,
	`allow_override` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `scope`)
);
--> statement-breakpoint
CREATE TABLE `decision_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`rules_locked` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `proposal_ballots` (
	`proposal_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`voter_key` text NOT NULL,
	`user_id` text,
	`choice` text NOT NULL,
	`source` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	`event_id` integer NOT NULL,
	`caster_left` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`proposal_id`, `voter_key`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_ballots_tally_idx` ON `proposal_ballots` (`guild_id`,`proposal_id`,`caster_left`,`choice`);--> statement-breakpoint
CREATE INDEX `proposal_ballots_user_idx` ON `proposal_ballots` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `proposal_electors` (
	`proposal_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`voter_key` text NOT NULL,
	`left_at` integer,
	PRIMARY KEY(`proposal_id`, `user_id`, `voter_key`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_electors_user_idx` ON `proposal_electors` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `proposal_reminder_prefs` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`enabled` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `proposal_voters` (
	`proposal_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`voter_key` text NOT NULL,
	`label` text,
	PRIMARY KEY(`proposal_id`, `voter_key`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `proposal_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`proposal_id` integer NOT NULL,
	`voter_key` text,
	`user_id` text,
	`choice` text,
	`source` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_votes_current_idx` ON `proposal_votes` (`proposal_id`,`voter_key`,`id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`number` integer NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`need` text,
	`audience` text,
	`measure` text,
	`author_id` text,
	`rule` text NOT NULL,
	`threshold_num` integer NOT NULL,
	`threshold_den` integer NOT NULL,
	`quorum` integer,
	`voters` text NOT NULL,
	`voter_role_id` text,
	`eligible_count` integer NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`hide_results` integer DEFAULT false NOT NULL,
	`opened_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`outcome` text,
	`closed_at` integer,
	`closed_by` text,
	`yes_count` integer,
	`no_count` integer,
	`abstain_count` integer,
	`block_count` integer,
	`channel_id` text,
	`message_id` text,
	`thread_id` text,
	`agenda_item_id` integer,
	`rule_change` text,
	`reminder_sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_guild_number_uq` ON `proposals` (`guild_id`,`number`);--> statement-breakpoint
CREATE INDEX `proposals_guild_status_idx` ON `proposals` (`guild_id`,`status`,`closes_at`);--> statement-breakpoint
CREATE INDEX `proposals_guild_closed_idx` ON `proposals` (`guild_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `proposals_message_idx` ON `proposals` (`message_id`);