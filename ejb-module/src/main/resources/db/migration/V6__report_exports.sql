-- Reports produced in the background: their request, their progress and, once done, their content. Kept in the
-- database so that any node of the cluster can answer for an export another node produces.
create table report_export (
    id            uuid primary key,
    name          varchar(40)  not null,
    format        varchar(10)  not null,
    locale        varchar(10)  not null,
    filters       varchar(1000) not null,
    requested_by  varchar(64)  not null,
    requested_at  timestamptz  not null,
    status        varchar(10)  not null check (status in ('QUEUED','RUNNING','DONE','FAILED')),
    rows_total    integer,
    rows_done     integer not null default 0,
    content       bytea,
    file_name     varchar(200),
    finished_at   timestamptz,
    error         varchar(1000)
);
create index report_export_requested_by_idx on report_export (requested_by, requested_at);
