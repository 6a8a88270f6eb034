-- The media library: the uploaded file's name and size, for search and the
-- library's list, and the WebP copies made beside every JPEG.
ALTER TABLE media ADD COLUMN original_name TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN size_bytes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE media ADD COLUMN webp_path TEXT NOT NULL DEFAULT '';
ALTER TABLE media_variants ADD COLUMN webp_path TEXT NOT NULL DEFAULT '';
