-- Task lists at scale (docs/benchmarks.md, "Task lists at scale"). The engine filters an approver's tasks by a variable
-- of their process instance (the programme) with a sub-query per task on the instance's variables: find it by the
-- instance and the name instead of reading every variable of the instance. And tell the planner that a variable's
-- name, type and text go together, or it expects a programme's code in a handful of rows instead of in every
-- instance and starts from the variables rather than from the approver's 2,000 candidate links.
create index if not exists cof_idx_var_procinst_name on act_ru_variable (proc_inst_id_, name_);
create statistics if not exists cof_stat_var_name_value (dependencies, mcv) on name_, type_, text_ from act_ru_variable;
analyze act_ru_variable;
