-- Lessons (leerpunten) regions share.

CREATE TABLE lesson (
    id          VARCHAR(64)              NOT NULL,
    region_id   VARCHAR(64)              NOT NULL,
    opgave_id   VARCHAR(64),
    theme       VARCHAR(64)              NOT NULL,
    title       VARCHAR                  NOT NULL,
    text        VARCHAR                  NOT NULL,
    author      VARCHAR                  NOT NULL,
    lesson_date DATE                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT lesson_pk PRIMARY KEY (id)
);

-- lessons are listed newest first
CREATE INDEX lesson_newest_first ON lesson (lesson_date, recorded_at);
