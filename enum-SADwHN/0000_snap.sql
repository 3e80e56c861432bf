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
	`public_page` integer DEFAULT false NOT NULL,
	`public_slug` text,
	`language` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alliances_public_slug_uq` ON `alliances` (`public_slug`);--> statement-breakpoint
CREATE TABLE `calendar_tokens` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_tokens_member_uq` ON `calendar_tokens` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_tokens_token_uq` ON `calendar_tokens` (`token`);--> statement-breakpoint
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
CREATE INDEX `scheduled_jobs_guild_idx` ON `scheduled_jobs` (`guild_id`,`kind`);--> statement-breakpoint
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
	`posted_by` text,
	`content` text
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
--> statement-breakpoint
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
	`created_at` integer NOT NULL,
	`public` integer DEFAULT false NOT NULL
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
CREATE UNIQUE INDEX `priorities_active_rank_idx` ON `priorities` (`guild_id`,`rank`) WHERE status = 'active';--> statement-breakpoint
CREATE TABLE `directory_stash` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`params` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `directory_stash_created_idx` ON `directory_stash` (`created_at`);--> statement-breakpoint
CREATE INDEX `directory_stash_user_idx` ON `directory_stash` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `space_hosts` (
	`space_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`space_id`, `user_id`),
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `space_hosts_guild_user_idx` ON `space_hosts` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `space_members` (
	`space_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`requested_at` integer NOT NULL,
	`approved_at` integer,
	PRIMARY KEY(`space_id`, `user_id`),
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `space_members_guild_user_idx` ON `space_members` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `space_tags` (
	`space_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`space_id`, `tag`),
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `space_tags_guild_tag_space_idx` ON `space_tags` (`guild_id`,`tag`,`space_id`);--> statement-breakpoint
CREATE TABLE `spaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`city` text NOT NULL,
	`city_key` text NOT NULL,
	`place_id` integer,
	`region` text,
	`country` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`desks` integer,
	`website` text,
	`day_pass` text,
	`tags` text DEFAULT '' NOT NULL,
	`description` text,
	`hours` text,
	`contact` text,
	`accessibility` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`approved_at` integer,
	`approved_by` text,
	`public_listing` integer DEFAULT false NOT NULL,
	`public_tags` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spaces_guild_city_name_uq` ON `spaces` (`guild_id`,`city_key`,`name_key`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_name_idx` ON `spaces` (`guild_id`,`status`,`name_key`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_lat_lon_idx` ON `spaces` (`guild_id`,`status`,`latitude`,`longitude`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_country_idx` ON `spaces` (`guild_id`,`status`,`country`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_city_name_idx` ON `spaces` (`guild_id`,`status`,`city_key`,`country`,`city`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_desks_idx` ON `spaces` (`guild_id`,`status`,`desks`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_approved_idx` ON `spaces` (`guild_id`,`status`,`approved_at`);--> statement-breakpoint
CREATE INDEX `spaces_guild_public_idx` ON `spaces` (`guild_id`,`public_listing`,`status`,`updated_at`);--> statement-breakpoint
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
	`skill_key` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skill_match_notices_pair_uq` ON `skill_match_notices` (`older_entry_id`,`newer_entry_id`);--> statement-breakpoint
CREATE INDEX `skill_match_notices_skill_idx` ON `skill_match_notices` (`guild_id`,`skill_key`,`created_at`);--> statement-breakpoint
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
CREATE INDEX `skill_thanks_pair_idx` ON `skill_thanks` (`guild_id`,`from_user_id`,`to_user_id`);--> statement-breakpoint
CREATE TABLE `member_languages` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`language` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
--> statement-breakpoint
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
CREATE INDEX `proposal_ballots_order_idx` ON `proposal_ballots` (`proposal_id`,`at`,`event_id`);--> statement-breakpoint
CREATE TABLE `proposal_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`options` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `proposal_drafts_guild_idx` ON `proposal_drafts` (`guild_id`,`expires_at`);--> statement-breakpoint
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
CREATE TABLE `proposal_tallies` (
	`proposal_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`choice` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `choice`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
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
CREATE INDEX `proposals_message_idx` ON `proposals` (`message_id`);--> statement-breakpoint
CREATE TABLE `pass_month_passes` (
	`guild_id` text NOT NULL,
	`month` text NOT NULL,
	`pass_id` integer NOT NULL,
	`visits` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `month`, `pass_id`)
);
--> statement-breakpoint
CREATE INDEX `pass_month_passes_top_idx` ON `pass_month_passes` (`guild_id`,`month`,`visits`);--> statement-breakpoint
CREATE TABLE `pass_month_spaces` (
	`guild_id` text NOT NULL,
	`month` text NOT NULL,
	`space_id` integer NOT NULL,
	`space_name` text NOT NULL,
	`visits` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `month`, `space_id`)
);
--> statement-breakpoint
CREATE TABLE `pass_spaces` (
	`space_id` integer PRIMARY KEY NOT NULL,
	`guild_id` text NOT NULL,
	`accepts` integer NOT NULL,
	`terms` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pass_spaces_guild_idx` ON `pass_spaces` (`guild_id`,`accepts`);--> statement-breakpoint
CREATE TABLE `pass_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`pass_id` integer NOT NULL,
	`space_id` integer NOT NULL,
	`space_name` text NOT NULL,
	`day` text NOT NULL,
	`visited_at` integer NOT NULL,
	`checked_in_by` text,
	FOREIGN KEY (`pass_id`) REFERENCES `passes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pass_visits_once_a_day_uq` ON `pass_visits` (`pass_id`,`space_id`,`day`);--> statement-breakpoint
CREATE INDEX `pass_visits_guild_day_idx` ON `pass_visits` (`guild_id`,`day`,`space_id`,`pass_id`);--> statement-breakpoint
CREATE TABLE `passes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`code` text NOT NULL,
	`holder_user_id` text,
	`holder_name` text,
	`visits` integer NOT NULL,
	`valid_until` text NOT NULL,
	`note` text,
	`issued_by` text,
	`issued_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passes_guild_code_uq` ON `passes` (`guild_id`,`code`);--> statement-breakpoint
CREATE INDEX `passes_guild_holder_idx` ON `passes` (`guild_id`,`holder_user_id`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`from_space_id` integer NOT NULL,
	`from_space_name` text NOT NULL,
	`to_space_id` integer NOT NULL,
	`to_space_name` text NOT NULL,
	`need` text NOT NULL,
	`size` integer,
	`by_date` text,
	`consent` integer NOT NULL,
	`contact` text,
	`sent_by` text,
	`status` text DEFAULT 'open' NOT NULL,
	`answered_by` text,
	`answered_at` integer,
	`outcome` text,
	`outcome_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `leads_guild_from_idx` ON `leads` (`guild_id`,`from_space_id`,`outcome`);--> statement-breakpoint
CREATE INDEX `leads_guild_created_idx` ON `leads` (`guild_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `perks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`title` text NOT NULL,
	`partner` text NOT NULL,
	`details` text NOT NULL,
	`code` text,
	`until` text,
	`link` text,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `perks_guild_until_idx` ON `perks` (`guild_id`,`until`);--> statement-breakpoint
CREATE TABLE `dues_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`space_id` integer NOT NULL,
	`space_name` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`paid_on` text NOT NULL,
	`covers_until` text NOT NULL,
	`note` text,
	`reverses_id` integer,
	`recorded_by` text,
	`recorded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dues_entries_guild_number_uq` ON `dues_entries` (`guild_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `dues_entries_reverses_uq` ON `dues_entries` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `dues_entries_paid_through_idx` ON `dues_entries` (`guild_id`,`kind`,`space_id`,`covers_until`,`id`);--> statement-breakpoint
CREATE INDEX `dues_entries_space_idx` ON `dues_entries` (`guild_id`,`space_id`,`number`);--> statement-breakpoint
CREATE TABLE `dues_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`period` text NOT NULL,
	`grace_days` integer NOT NULL,
	`starts_on` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dues_plans_guild_idx` ON `dues_plans` (`guild_id`,`id`);--> statement-breakpoint
CREATE TABLE `dues_reminder_prefs` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`reminders_off` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
