-- The review-by date for which an item was last announced stale (ItemsWentStale), so that the daily
-- stale check announces each passed review-by date once. Verifying the item sets a new review-by date,
-- which no longer matches: the item is announced again once that date passes too.
ALTER TABLE library_item ADD COLUMN stale_announced_for TIMESTAMP WITH TIME ZONE;
