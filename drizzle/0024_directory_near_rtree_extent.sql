-- Custom migration: the `/directory near` R*Tree (0022) rebuilt with the alliance dimension one half wide (its
-- number ± 0.25) instead of a point. SQLite's R*Tree picks the subtree for a new entry by the least growth of its
-- volume, and a dimension of zero width made every volume zero: each space went down the first subtree, so the leaves
-- held spaces from all over the map and a box of 500 m around Seattle read about 50 nodes at 100,000 spaces (0.05 ms,
-- 15× a tree built from the same rows with a width). Ranges n ± 0.25 of distinct alliances never overlap, so a query
-- for alliance n (min_g <= n AND max_g >= n) still reads nothing of another; ± 0.25 is exact in 32-bit floats.
DROP TRIGGER `spaces_geo_ai`;
--> statement-breakpoint
DROP TRIGGER `spaces_geo_au`;
--> statement-breakpoint
DROP TRIGGER `spaces_geo_ad`;
--> statement-breakpoint
DROP TABLE `spaces_geo`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `spaces_geo` USING rtree(id, min_lat, max_lat, min_lon, max_lon, min_g, max_g);
--> statement-breakpoint
INSERT INTO spaces_geo(id, min_lat, max_lat, min_lon, max_lon, min_g, max_g)
  SELECT s.id, s.latitude, s.latitude, s.longitude, s.longitude, g.n - 0.25, g.n + 0.25
  FROM spaces s JOIN spaces_geo_guilds g ON g.guild_id = s.guild_id WHERE s.status = 'approved';
--> statement-breakpoint
CREATE TRIGGER `spaces_geo_ai` AFTER INSERT ON `spaces` WHEN new.status = 'approved' BEGIN
  INSERT OR IGNORE INTO spaces_geo_guilds(guild_id) VALUES (new.guild_id);
  INSERT INTO spaces_geo(id, min_lat, max_lat, min_lon, max_lon, min_g, max_g)
  SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude, n - 0.25, n + 0.25 FROM spaces_geo_guilds WHERE guild_id = new.guild_id;
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
  SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude, n - 0.25, n + 0.25 FROM spaces_geo_guilds
  WHERE guild_id = new.guild_id AND new.status = 'approved';
END;
