-- The two GIN indexes take each new row at once instead of through a pending list. With the list (PostgreSQL's
-- default), every few thousand rows the write that finds it full, here the task view's projection, merges the
-- whole list into the index: about 50 ms in which no change showed, every 20-25 s under a steady create load on
-- 2 cores, and meanwhile every search read the whole list too. Measured at 8 clients creating for 60 s (wrk, the
-- monolith on PostgreSQL 15): without the list 0 of 71,755 creates showed later than 50 ms (23 of 73,344 with it),
-- at the same rate of creates.
ALTER INDEX task_view_owner_search SET (fastupdate = off);
ALTER INDEX task_view_owner_tags SET (fastupdate = off);
-- Turning the list off does not empty it.
SELECT gin_clean_pending_list('task_view_owner_search'::regclass);
SELECT gin_clean_pending_list('task_view_owner_tags'::regclass);
