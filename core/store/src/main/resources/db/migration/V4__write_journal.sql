-- Writes of measurements in progress on the embedded H2 database. A row is committed before the write's own
-- transaction and deleted in it; a row found at the next start belongs to a write cut off by a crash, which is
-- then undone by its stamp. H2 does not always roll such a write back: after kill -9 during a 1,000,000-row CSV
-- import, 674,493 of its rows were there after the restart (bench/faults.sh). PostgreSQL does not need it.
CREATE TABLE write_journal (
    id          VARCHAR(36)              NOT NULL,
    stamp       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by VARCHAR(200)             NOT NULL,
    -- the KPIs written, separated by commas (KPI ids are slugs)
    kpi_ids     VARCHAR                  NOT NULL,
    row_count   INT                      NOT NULL,
    -- the initial import the write belongs to, if it is one
    import_key  VARCHAR(500),
    CONSTRAINT write_journal_pk PRIMARY KEY (id)
);
