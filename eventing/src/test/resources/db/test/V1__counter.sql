-- A tiny aggregate for the eventing tests: counters that change and publish an event.
create table test_counter (
    id      varchar(50) primary key,
    value   bigint not null,
    version bigint not null
);
-- What the test consumer applied: one row per applied event (duplicates would show as extra rows).
create table test_effect (
    event_id     uuid not null,
    aggregate_id varchar(50) not null,
    value        bigint not null
);
