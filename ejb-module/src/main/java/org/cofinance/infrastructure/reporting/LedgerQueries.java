package org.cofinance.infrastructure.reporting;

import java.sql.Timestamp;

/**
 * The one derivation of envelope balances from ledger entries, shared by the reconciliation and the envelope-status
 * report so that they can never disagree: for each envelope, with its sub-envelopes, over the entries written before
 * a cut-off (parameter 1), reserved = RESERVE − POST − VOID, committed = POST − RELEASE,
 * disbursed = DISBURSE − RECOVER; and its ceiling is its last AMEND before the cut-off. Columns: root_id, reserved, committed, disbursed (CTE
 * {@code movements}) and envelope_id, ceiling (CTE {@code ceilings}).
 */
public final class LedgerQueries {

    /** A cut-off after every entry. */
    public static final Timestamp END_OF_TIME = Timestamp.valueOf("9999-12-31 00:00:00");

    public static final String BALANCES_FROM_ENTRIES = """
            with recursive subtree (root_id, id) as (
                select id, id from envelope
                union all
                select s.root_id, e.id from subtree s join envelope e on e.parent_id = s.id
            ), movements as (
                select s.root_id,
                       coalesce(sum(case l.kind when 'RESERVE' then l.amount when 'POST' then -l.amount
                                                when 'VOID' then -l.amount else 0 end), 0)::numeric(19,2) as reserved,
                       coalesce(sum(case l.kind when 'POST' then l.amount when 'RELEASE' then -l.amount
                                                else 0 end), 0)::numeric(19,2) as committed,
                       coalesce(sum(case l.kind when 'DISBURSE' then l.amount when 'RECOVER' then -l.amount
                                                else 0 end), 0)::numeric(19,2)
                           as disbursed
                from subtree s left join ledger_entry l on l.envelope_id = s.id and l.at < ?1
                group by s.root_id
            ), ceilings as (
                select distinct on (envelope_id) envelope_id, amount as ceiling
                from ledger_entry where kind = 'AMEND' and at < ?1 order by envelope_id, id desc
            )
            """;

    private LedgerQueries() {
    }
}
