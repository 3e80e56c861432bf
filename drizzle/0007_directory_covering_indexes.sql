DROP INDEX `space_tags_guild_tag_idx`;--> statement-breakpoint
CREATE INDEX `space_tags_guild_tag_space_idx` ON `space_tags` (`guild_id`,`tag`,`space_id`);--> statement-breakpoint
DROP INDEX `spaces_guild_status_lat_idx`;--> statement-breakpoint
DROP INDEX `spaces_guild_status_city_idx`;--> statement-breakpoint
CREATE INDEX `spaces_guild_status_lat_lon_idx` ON `spaces` (`guild_id`,`status`,`latitude`,`longitude`);--> statement-breakpoint
CREATE INDEX `spaces_guild_status_city_name_idx` ON `spaces` (`guild_id`,`status`,`city_key`,`country`,`city`);