-- Why a request was found ineligible: one row per broken rule of the call, as the eligibility decision gave it.
create table request_ineligibility_reason (
    request_id bigint not null references funding_request (id) on delete cascade,
    position   integer not null,
    reason     varchar(100) not null,
    primary key (request_id, position)
);
