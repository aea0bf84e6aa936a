-- Issue 7 (access scopes): the branch an org unit belongs to (its own id for a branch, the parent
-- branch for a party group, null otherwise), so a branch secretary's scope is one column, like
-- the community scope is community_id.
alter table org_unit add column branch_id uuid;

update org_unit set branch_id = id where kind in ('BUILDING_BRANCH', 'JOINT_BRANCH');
update org_unit u set branch_id = p.id
  from org_unit p
 where p.id = u.parent_id and p.kind in ('BUILDING_BRANCH', 'JOINT_BRANCH');

create index org_unit_branch on org_unit (branch_id);
