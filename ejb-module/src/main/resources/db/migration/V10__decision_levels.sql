-- The committee level of an organisation that gave a decision (DMN "committee-level"); levels decide in sequence.
alter table decision add column level varchar(40);
