-- Measurements: one current value per (KPI, period), replaced values in the history, and the
-- keys of initial data already imported. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
-- "value" is quoted because VALUE is a keyword in H2; quoted lower case means the same column
-- in both databases.

CREATE TABLE measurement (
    kpi_id      VARCHAR(64)              NOT NULL,
    period      DATE                     NOT NULL,
    "value"     DOUBLE PRECISION         NOT NULL,
    source      VARCHAR                  NOT NULL,
    recorded_by VARCHAR(200)             NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- also serves the queries by KPI and period range
    CONSTRAINT measurement_pk PRIMARY KEY (kpi_id, period)
);

-- No generated id: in H2 every block of sequence values is committed at once, which writes out
-- the whole pending import each time and made replacing values several times slower.
CREATE TABLE measurement_history (
    kpi_id      VARCHAR(64)              NOT NULL,
    period      DATE                     NOT NULL,
    "value"     DOUBLE PRECISION         NOT NULL,
    source      VARCHAR                  NOT NULL,
    recorded_by VARCHAR(200)             NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX measurement_history_by_kpi ON measurement_history (kpi_id, period, replaced_at);

CREATE TABLE initial_import (
    import_key  VARCHAR(500)             NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    row_count   INT                      NOT NULL,
    -- the unique key decides which node imports when several try at once
    CONSTRAINT initial_import_pk PRIMARY KEY (import_key)
);
