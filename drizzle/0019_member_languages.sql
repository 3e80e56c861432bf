CREATE TABLE `member_languages` (
	`guild_id` text NOT NULL,
	`user_id` text NOT NULL,
	`language` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `user_id`)
);
