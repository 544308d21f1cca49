-- A request's tasks (its page, GET /tasks?requestId=, every lifecycle's calls): the task search starts from the
-- request's process instances, found by their requestId variable's number, instead of from every task the caller sees
-- (an officer sees every instruction of the programme).
create index if not exists cof_idx_var_name_long on act_ru_variable (name_, long_);
