-- A supervisor of an organisation receives the escalation of its late decisions (its escalation group).
alter table app_user_role drop constraint app_user_role_role_check;
alter table app_user_role add constraint app_user_role_role_check
    check (role in ('OFFICER', 'APPROVER', 'FINANCE', 'ADMIN', 'SUPERVISOR'));
