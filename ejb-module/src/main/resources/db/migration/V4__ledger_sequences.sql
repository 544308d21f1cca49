-- Commitments and ledger entries take their ids from sequences handed out in blocks of 50, so that the application
-- writes a reservation's rows in one batch at commit instead of one round trip per row while the envelope is locked.
-- A row inserted without an id (by hand, by a script) takes the next block's first value: never one the application
-- may use.
create sequence commitment_block_seq increment by 50;
select setval('commitment_block_seq', coalesce((select max(id) from commitment), 0) + 50);
alter table commitment alter column id drop identity;
alter table commitment alter column id set default nextval('commitment_block_seq');

create sequence ledger_entry_block_seq increment by 50;
select setval('ledger_entry_block_seq', coalesce((select max(id) from ledger_entry), 0) + 50);
alter table ledger_entry alter column id drop identity;
alter table ledger_entry alter column id set default nextval('ledger_entry_block_seq');
