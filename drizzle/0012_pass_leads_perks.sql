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
-- Hand-written: the monthly visit counters follow pass_visits in the same transaction as the visit itself, so a
-- crash can never leave a visit counted twice or not at all.
CREATE TRIGGER `pass_visits_count_insert` AFTER INSERT ON `pass_visits` BEGIN
  INSERT INTO `pass_month_spaces` (`guild_id`, `month`, `space_id`, `space_name`, `visits`)
    VALUES (NEW.`guild_id`, substr(NEW.`day`, 1, 7), NEW.`space_id`, NEW.`space_name`, 1)
    ON CONFLICT (`guild_id`, `month`, `space_id`) DO UPDATE SET `visits` = `visits` + 1, `space_name` = excluded.`space_name`;
  INSERT INTO `pass_month_passes` (`guild_id`, `month`, `pass_id`, `visits`)
    VALUES (NEW.`guild_id`, substr(NEW.`day`, 1, 7), NEW.`pass_id`, 1)
    ON CONFLICT (`guild_id`, `month`, `pass_id`) DO UPDATE SET `visits` = `visits` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `pass_visits_count_delete` AFTER DELETE ON `pass_visits` BEGIN
  UPDATE `pass_month_spaces` SET `visits` = `visits` - 1 WHERE `guild_id` = OLD.`guild_id` AND `month` = substr(OLD.`day`, 1, 7) AND `space_id` = OLD.`space_id`;
  DELETE FROM `pass_month_spaces` WHERE `guild_id` = OLD.`guild_id` AND `month` = substr(OLD.`day`, 1, 7) AND `space_id` = OLD.`space_id` AND `visits` <= 0;
  UPDATE `pass_month_passes` SET `visits` = `visits` - 1 WHERE `guild_id` = OLD.`guild_id` AND `month` = substr(OLD.`day`, 1, 7) AND `pass_id` = OLD.`pass_id`;
  DELETE FROM `pass_month_passes` WHERE `guild_id` = OLD.`guild_id` AND `month` = substr(OLD.`day`, 1, 7) AND `pass_id` = OLD.`pass_id` AND `visits` <= 0;
END;
