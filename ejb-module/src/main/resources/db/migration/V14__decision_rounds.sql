-- Two people for two committee levels: each routing of a plan to its funders is a round of decisions, and in one
-- round a person decides for an organisation at most once (its later level is someone else's say). Decisions given
-- before rounds were kept stay in round 0, outside the rule.
alter table funding_request add column decision_round integer not null default 0;
alter table decision add column round integer not null default 0;
create unique index decision_one_level_per_person_per_round on decision (request_id, organisation_id, round, author)
    where round > 0;

-- A decision, once given, is never changed nor taken back, whoever asks (as for the ledger's entries). One function
-- refuses it for every table whose rows are immutable, naming the table.
create function row_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% rows are immutable: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger decision_no_update_delete
    before update or delete on decision
    for each row execute function row_is_immutable();

create trigger decision_no_truncate
    before truncate on decision
    for each statement execute function row_is_immutable();
