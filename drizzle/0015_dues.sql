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
--> statement-breakpoint
-- The ledger is append-only: a mistake is corrected by a reversing entry, never by editing or deleting one. Only
-- recorded_by may change (a member's erasure removes their id; the entry stays as the space's record).
CREATE TRIGGER `dues_entries_append_only_update` BEFORE UPDATE OF guild_id, number, kind, space_id, space_name, amount_minor, currency, paid_on, covers_until, note, reverses_id, recorded_at ON `dues_entries` BEGIN
  SELECT RAISE(ABORT, 'the dues ledger is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dues_entries_append_only_delete` BEFORE DELETE ON `dues_entries` BEGIN
  SELECT RAISE(ABORT, 'the dues ledger is append-only');
END;
