-- Open data: a programme says whether its aid is notified to the European Commission (SCDL notificationUE), and a
-- coalition may declare how its members share each grant (SCDL pourcentageSubvention): a partner's share, the lead
-- keeping the rest. Without a declared share, the lead receives the whole grant, as before.
alter table programme add column eu_notified boolean not null default false;
alter table request_partner add column grant_share numeric(3,2) check (grant_share >= 0.01 and grant_share <= 1);

-- The money each organisation brings to a request, as the leverage effect counts it, defined once for the leverage
-- and commitments reports, the programme dashboard and the public pages: what a funder committed (its posted
-- commitments) and, for the lead and the partners, their own money (self-funding lines).
create view request_contribution as
select c.request_id, c.organisation_id, c.committed as amount
from commitment c
where c.status in ('COMMITTED', 'DISBURSED', 'CLOSED')
union all
select l.request_id, l.organisation_id, l.amount
from plan_line l
where l.instrument = 'SELF_FUNDING';
