-- Shared by every service (flyway location db/security).

-- Append-only log of reads and exports of sensitive data.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null default now(),
    actor         text        not null,
    role          text        not null,
    org_unit      uuid,
    action        text        not null,
    resource_type text        not null,
    record_ids    uuid[]      not null,
    detail        text
);
create index audit_entry_actor on audit_entry (actor, at);
create index audit_entry_records on audit_entry using gin (record_ids);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- The org tree above each community (from BuildingRegistered.orgPath), to resolve street scopes
-- in services that do not own the tree.
create table org_scope (
    community_id uuid not null,
    ancestor_id  uuid not null,
    primary key (ancestor_id, community_id)
);
