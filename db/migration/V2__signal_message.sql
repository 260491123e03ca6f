-- The sentence the webhook answered with besides the results (an order the broker refused and
-- what became of the others; nothing to close), so the journal tells what the sender was told.
ALTER TABLE signals ADD COLUMN message VARCHAR(512) NULL AFTER result;
