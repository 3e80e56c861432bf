CREATE TABLE `gazetteer_cache` (
	`key` text PRIMARY KEY NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL
);
