-- The member list's page and total are index-only scans, but only over pages the visibility map
-- marks all-visible, and only VACUUM sets those marks. By default autovacuum waits until 20 % of the
-- table has changed (20,000 updates on a register of 100,000), and every RosterChanged, status
-- change or relocation clears a page's mark meanwhile: measured on 43,000 members, a list page cost
-- PostgreSQL 3.8 ms with the marks cleared against 1.1-1.2 ms after a VACUUM (414-434 against
-- 1,060-1,112 pages a second; bench/README.md item 3, session 14). So vacuum after a fixed 1,000
-- changes or inserts, whatever the size: a vacuum reads only the pages changed since the last one,
-- and skips the indexes when few rows are dead.
alter table member set (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 1000
);
