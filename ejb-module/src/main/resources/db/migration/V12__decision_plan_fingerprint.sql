-- What the deciding organisation's part of the plan was when it decided: a revision that leaves it unchanged keeps
-- its approval.
alter table decision add column plan_fingerprint char(64);
