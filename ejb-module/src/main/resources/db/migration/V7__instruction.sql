-- Who instructed the request (its due diligence): he never decides on it.
alter table funding_request add column instructed_by varchar(64);
