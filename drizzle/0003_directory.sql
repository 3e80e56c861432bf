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
CREATE INDEX `space_tags_guild_tag_idx` ON `space_tags` (`guild_id`,`tag`);--> statement-breakpoint
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
	`approved_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spaces_guild_city_name_uq` ON `spaces` (`guild_id`,`city_key`,`name_key`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_name_idx` ON `spaces` (`guild_id`,`status`,`name_key`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_lat_idx` ON `spaces` (`guild_id`,`status`,`latitude`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_country_idx` ON `spaces` (`guild_id`,`status`,`country`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_city_idx` ON `spaces` (`guild_id`,`status`,`city_key`,`country`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_desks_idx` ON `spaces` (`guild_id`,`status`,`desks`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_approved_idx` ON `spaces` (`guild_id`,`status`,`approved_at`);