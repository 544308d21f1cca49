-- Open data: an association may be known by its RNA number (répertoire national des associations, W + 9 digits),
-- which the SCDL « Subventions » format takes for a beneficiary without a SIRET. The demo's association has one.
alter table organisation add column rna char(10) unique check (rna ~ '^W[0-9]{9}$');
update organisation set rna = 'W212004521' where name = 'Association Territoires Durables' and kind = 'ASSOCIATION';
