-- Schedules agreed at the convention's signature: a tranche's label is free text (the standard schedule keeps its
-- codes SIGNATURE, MID_TERM and COMPLETION, which the pages translate).
alter table tranche drop constraint tranche_label_check;
alter table tranche alter column label type varchar(100);
