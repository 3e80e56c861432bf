CREATE TABLE `proposal_tallies` (
	`proposal_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`choice` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`proposal_id`, `choice`),
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Kept by triggers: every write to proposal_ballots (votes, changes, withdrawals, members leaving and returning,
-- erasure, deletes) moves the counts of the choices it touches, whatever code path wrote it.
CREATE TRIGGER `proposal_tallies_ai` AFTER INSERT ON `proposal_ballots` WHEN new.caster_left = 0 BEGIN
  INSERT INTO proposal_tallies(proposal_id, guild_id, choice, n) VALUES (new.proposal_id, new.guild_id, new.choice, 1)
  ON CONFLICT(proposal_id, choice) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_tallies_ad` AFTER DELETE ON `proposal_ballots` WHEN old.caster_left = 0 BEGIN
  UPDATE proposal_tallies SET n = n - 1 WHERE proposal_id = old.proposal_id AND choice = old.choice;
END;
--> statement-breakpoint
CREATE TRIGGER `proposal_tallies_au` AFTER UPDATE OF proposal_id, guild_id, choice, caster_left ON `proposal_ballots` BEGIN
  UPDATE proposal_tallies SET n = n - 1 WHERE old.caster_left = 0 AND proposal_id = old.proposal_id AND choice = old.choice;
  INSERT INTO proposal_tallies(proposal_id, guild_id, choice, n) SELECT new.proposal_id, new.guild_id, new.choice, 1 WHERE new.caster_left = 0
  ON CONFLICT(proposal_id, choice) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO proposal_tallies(proposal_id, guild_id, choice, n)
  SELECT proposal_id, guild_id, choice, count(*) FROM proposal_ballots WHERE caster_left = 0 GROUP BY proposal_id, guild_id, choice;
