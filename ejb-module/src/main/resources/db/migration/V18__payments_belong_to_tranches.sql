-- Every payment belongs to a tranche of the signed schedule: a funder's share of a tranche, asked by its evidence
-- (tranche_share), or a payment an officer asks outside the workflow on a tranche, paid in advance of that tranche
-- and deducted from the funder's share when the tranche's evidence asks it.
alter table disbursement add column tranche_share boolean not null default false;
update disbursement set tranche_share = true where tranche_id is not null;
create index disbursement_tranche_idx on disbursement (tranche_id);
