-- Which bridge serves the account: set when a bridge loads it at start-up (the last one started
-- takes it over), checked by every commit of the account's changes, so that a second bridge on the
-- same database (a deploy overlapping the old one, a copy started by mistake) stops the first one's
-- trading on the account instead of both trading it and overwriting each other's rows. NULL until a
-- bridge has loaded it.
ALTER TABLE broker_state ADD COLUMN owner VARCHAR(128) NULL AFTER version;
