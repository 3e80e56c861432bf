-- The gazetteer cache moves to its own file next to the database (<db>.cache.db): backups then hold only alliance data.
DROP TABLE `gazetteer_cache`;