-- roster_history ids from a sequence that hands out 50 at a time (Hibernate's pooled optimizer:
-- one nextval per 50 entries) instead of the bigserial default, whose value Hibernate must read
-- back after every insert. The entries a consumer batch writes then go out as one JDBC batch.
create sequence roster_history_seq increment by 50;
-- The pooled optimizer takes nextval as the top of a block of 50: start so that the first block
-- lies above every existing id.
select setval('roster_history_seq', (select coalesce(max(id), 0) from roster_history) + 50, false);
alter table roster_history alter column id drop default;
drop sequence roster_history_id_seq;
