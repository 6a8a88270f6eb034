-- Video: an uploaded video file is a library entry whose poster is another
-- entry; YouTube and Vimeo videos in stories get posters served by us,
-- fetched (or, failing that, drawn) in the background, with the time of
-- the next attempt when the provider's thumbnail could not be had.
ALTER TABLE media ADD COLUMN poster_media_id BIGINT REFERENCES media (id) ON DELETE SET NULL;

CREATE TABLE video_posters (
    provider        TEXT NOT NULL CHECK (provider IN ('youtube', 'vimeo')),
    video_id        TEXT NOT NULL,
    media_id        BIGINT REFERENCES media (id) ON DELETE SET NULL,
    from_provider   BOOLEAN NOT NULL DEFAULT FALSE,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    PRIMARY KEY (provider, video_id)
);
CREATE INDEX video_posters_due ON video_posters (next_attempt_at);
