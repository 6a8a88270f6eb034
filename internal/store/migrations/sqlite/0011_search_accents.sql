-- Accent folding: SQLite's index already folds accents (unicode61
-- remove_diacritics 2, migration 0006); PostgreSQL gains the same in its
-- 0011. Nothing changes here; the file keeps the two folders in step.
SELECT 1;
