-- Single sign-on: a sign-in through the organisation's OpenID Connect provider (pages) or with one of its access
-- tokens (API) is audited like the others, on a channel of its own; an identity no user answers to is refused.
alter table sign_in_attempt drop constraint sign_in_attempt_channel_check;
alter table sign_in_attempt add constraint sign_in_attempt_channel_check
    check (channel in ('FORM', 'BASIC', 'OIDC', 'BEARER'));
alter table sign_in_attempt drop constraint sign_in_attempt_outcome_check;
alter table sign_in_attempt add constraint sign_in_attempt_outcome_check
    check (outcome in ('SUCCESS', 'BAD_CREDENTIALS', 'THROTTLED', 'SIGNED_OUT', 'UNKNOWN_IDENTITY'));
create index app_user_email_idx on app_user (lower(email));
