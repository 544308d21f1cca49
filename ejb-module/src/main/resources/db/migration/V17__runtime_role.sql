-- Least privilege: the application runs as ${runtimeRole}, which reads and writes rows and nothing more. It cannot
-- alter a table or disable a trigger (only the owner, who runs these migrations, can); it may neither update nor
-- delete what is immutable: the ledger's entries, the decisions, the sign-in attempts and the users' audit (the
-- triggers refuse it too, whoever asks). Tables and sequences later migrations create are granted alike by default.
-- When the application runs as the owner itself (a single-role development database), there is nothing to grant.
do $$
begin
    if current_user <> '${runtimeRole}' then
        execute 'grant usage on schema ' || current_schema() || ' to ${runtimeRole}';
        execute 'grant select, insert, update, delete on all tables in schema ' || current_schema()
                || ' to ${runtimeRole}';
        execute 'grant usage, select on all sequences in schema ' || current_schema() || ' to ${runtimeRole}';
        execute 'alter default privileges in schema ' || current_schema()
                || ' grant select, insert, update, delete on tables to ${runtimeRole}';
        execute 'alter default privileges in schema ' || current_schema()
                || ' grant usage, select on sequences to ${runtimeRole}';
        revoke update, delete, truncate on ledger_entry, decision, sign_in_attempt, user_event from ${runtimeRole};
        revoke all on cofinance_schema_history from ${runtimeRole};
    end if;
end
$$;
