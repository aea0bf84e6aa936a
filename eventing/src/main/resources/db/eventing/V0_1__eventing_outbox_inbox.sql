-- Shared by every service (the eventing module ships it; each service lists db/eventing in
-- quarkus.flyway.locations). Eventing migrations take versions 0.x so they sort before the
-- service's own; out-of-order is enabled so a later 0.x still applies to an existing database.

-- Transactional outbox: a row commits with the state change it describes; the relay publishes
-- it and only then sets published_at.
create table eventing_outbox (
    id                bigserial primary key,
    event_id          uuid         not null unique,
    topic             varchar(200) not null,
    event_type        varchar(200) not null,
    aggregate_type    varchar(100) not null,
    aggregate_id      varchar(100) not null,
    aggregate_version bigint       not null,
    occurred_at       timestamptz  not null,
    producer          varchar(100) not null,
    traceparent       varchar(55),
    payload           jsonb        not null,
    created_at        timestamptz  not null default now(),
    published_at      timestamptz,
    attempts          integer      not null default 0,
    last_error        varchar(1000)
);
-- The relay only ever scans what is not yet published.
create index eventing_outbox_unpublished on eventing_outbox (id) where published_at is null;
create index eventing_outbox_published_at on eventing_outbox (published_at) where published_at is not null;

-- Idempotent inbox: an event id is recorded in the same transaction as its effect, so a
-- redelivered event is recognised and changes nothing.
create table eventing_inbox (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
create index eventing_inbox_processed_at on eventing_inbox (processed_at);
