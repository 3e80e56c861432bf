-- Custom migration: an R*Tree over approved spaces' coordinates for `/directory near`.
-- The (guild, status, latitude, longitude) index answers a box by scanning the alliance's whole latitude band (a
-- 50 km circle around Seattle read every space from Spokane to the coast), and near measured every space in range:
-- 10× slower at 100,000 spaces than at 100. The R*Tree reads only the boxes that overlap: near counts a box inside
-- the circle up to the cap, and for a busy circle SQLite keeps only the page's nearest spaces
-- (directory-near.service.ts). One point per approved space: min = max, which the module rounds outwards to 32-bit
-- floats (well under a metre here). The third dimension is the alliance as a small integer (spaces_geo_guilds, one
-- row per guild that ever had an approved space), so a query is scoped to one alliance inside the index itself:
-- exact, unlike a guild id in a 32-bit float, and without auxiliary columns (each costs a lookup per row).
CREATE TABLE `spaces_geo_guilds` (
  `n` integer PRIMARY KEY,
  `guild_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `spaces_geo` USING rtree(id, min_lat, max_lat, min_lon, max_lon, min_g, max_g);
--> statement-breakpoint
INSERT OR IGNORE INTO spaces_geo_guilds(guild_id) SELECT DISTINCT guild_id FROM spaces WHERE status = 'approved';
--> statement-breakpoint
INSERT INTO spaces_geo(id, min_lat, max_lat, min_lon, max_lon, min_g, max_g)
  SELECT s.id, s.latitude, s.latitude, s.longitude, s.longitude, g.n, g.n
  FROM spaces s JOIN spaces_geo_guilds g ON g.guild_id = s.guild_id WHERE s.status = 'approved';
--> statement-breakpoint
CREATE TRIGGER `spaces_geo_ai` AFTER INSERT ON `spaces` WHEN new.status = 'approved' BEGIN
  INSERT OR IGNORE INTO spaces_geo_guilds(guild_id) VALUES (new.guild_id);
  INSERT INTO spaces_geo(id, min_lat, max_lat, min_lon, max_lon, min_g, max_g)
  SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude, n, n FROM spaces_geo_guilds WHERE guild_id = new.guild_id;
END;
--> statement-breakpoint
CREATE TRIGGER `spaces_geo_ad` AFTER DELETE ON `spaces` BEGIN
  DELETE FROM spaces_geo WHERE id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `spaces_geo_au` AFTER UPDATE OF guild_id, status, latitude, longitude ON `spaces` BEGIN
  DELETE FROM spaces_geo WHERE id = old.id;
  INSERT OR IGNORE INTO spaces_geo_guilds(guild_id) SELECT new.guild_id WHERE new.status = 'approved';
  INSERT INTO spaces_geo(id, min_lat, max_lat, min_lon, max_lon, min_g, max_g)
  SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude, n, n FROM spaces_geo_guilds
  WHERE guild_id = new.guild_id AND new.status = 'approved';
END;
