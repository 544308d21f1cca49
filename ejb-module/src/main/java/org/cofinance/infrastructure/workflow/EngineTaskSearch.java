package org.cofinance.infrastructure.workflow;

import static org.cofinance.bpmn.FundingRequestProcess.PROGRAMME_CODE;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.NativeTaskQuery;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.task.TaskSearch;
import org.cofinance.bpmn.AmendmentProcess;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * Searches the engine's open tasks with the engine's native task query, joined, when a filter asks for their
 * requests' facts, to their process instance's {@code requestId} variable, the request and, for a funder's
 * decision, the plan lines of the funder its candidate group names ({@code approvers-<id>}, as the models offer
 * decisions). Each filter adds a fixed condition whose values are bound as parameters; the engine pages the query in
 * its database's dialect.
 */
@ApplicationScoped
public class EngineTaskSearch implements TaskSearch {

    private static final String DECISIONS = "('" + FundingRequestProcess.DECIDE + "', '"
            + AmendmentProcess.DECIDE_AMENDMENT + "')";
    private static final String CANDIDATE = "%s.TYPE_ = 'candidate'";
    /** A named parameter, as the engine's queries write them. */
    private static final Pattern NAMED = Pattern.compile("#\\{(\\w+)}");

    private final TaskService taskService;
    private final ManagementService managementService;
    private final DataSource dataSource;

    /** On the engine's services and its database. */
    @Inject
    public EngineTaskSearch(TaskService taskService, ManagementService managementService,
                            @EngineDatabase DataSource dataSource) {
        this.taskService = taskService;
        this.managementService = managementService;
        this.dataSource = dataSource;
    }

    /** For the container's proxies only. */
    protected EngineTaskSearch() {
        this(null, null, null);
    }

    @Override
    public List<Task> page(Filter filter, int first, int max) {
        Query query = query(filter);
        if (query == null) {
            return List.of();
        }
        return bind(taskService.createNativeTaskQuery().sql("SELECT T.* " + query.from
                + " ORDER BY CASE WHEN T.DUE_DATE_ IS NULL THEN 1 ELSE 0 END, T.DUE_DATE_, T.CREATE_TIME_, T.ID_"),
                query.parameters).listPage(first, max);
    }

    @Override
    public long count(Filter filter) {
        Query query = query(filter);
        return query == null ? 0 : bind(taskService.createNativeTaskQuery().sql("SELECT COUNT(*) " + query.from),
                query.parameters).count();
    }

    /**
     * The three counts in one reading of the user's tasks (the engine's queries count one thing at a time): his own,
     * the unclaimed ones offered to his groups, and those he sees (his own, or unclaimed and offered).
     */
    @Override
    public Counts counts(String username, Set<String> groups) {
        Map<String, Object> parameters = new HashMap<>();
        Visibility visible = visibility(username, groups, parameters);
        String sql;
        if (visible.offeredFrom() == null) {
            sql = "SELECT COUNT(*), 0, COUNT(*) FROM " + visible.tasks() + " T WHERE " + visible.own();
        } else {
            // a task offered to two of his groups is counted once
            sql = "SELECT SUM(CASE WHEN " + visible.own() + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN T.ASSIGNEE_ IS NULL AND O.TASK_ID_ IS NOT NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN " + visible.seen() + " THEN 1 ELSE 0 END)"
                    + " FROM " + visible.tasks() + " T"
                    + " LEFT JOIN (" + visible.offeredOnce() + ") O ON O.TASK_ID_ = T.ID_"
                    + " WHERE T.ID_ IN (" + visible.ids() + ")";
        }
        List<Object> values = new ArrayList<>();
        String positional = NAMED.matcher(sql).replaceAll(parameter -> {
            values.add(parameters.get(parameter.group(1)));
            return "?";
        });
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(positional)) {
            for (int p = 0; p < values.size(); p++) {
                query.setObject(p + 1, values.get(p));
            }
            try (ResultSet counted = query.executeQuery()) {
                counted.next();
                return new Counts(counted.getLong(1), counted.getLong(2), counted.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the tasks of " + username, e);
        }
    }

    private record Query(String from, Map<String, Object> parameters) {
    }

    /**
     * Which tasks a user sees, in SQL with named parameters: {@code own} his own (assigned to him, or delegated by
     * him), {@code offeredFrom} where the ids of the tasks offered to his groups are ({@code null} without groups).
     */
    private record Visibility(String tasks, String own, String offeredFrom) {

        /** The ids of the tasks offered to his groups; {@code null} without groups. */
        String offered() {
            return offeredFrom == null ? null : "SELECT I.TASK_ID_ " + offeredFrom;
        }

        /** The same ids, each once. */
        String offeredOnce() {
            return "SELECT DISTINCT I.TASK_ID_ " + offeredFrom;
        }

        /** The ids of his own and of the offered tasks: one set, then the tasks by key (an OR would read them all). */
        String ids() {
            return "SELECT T.ID_ FROM " + tasks + " T WHERE " + own + " UNION " + offered();
        }

        /** Of the tasks whose ids are in {@link #ids()}, those he sees: his own, or the unclaimed offered ones. */
        String seen() {
            return "T.ASSIGNEE_ IS NULL OR " + own;
        }
    }

    /** The visibility rule for the user, its values put in {@code parameters}. */
    private Visibility visibility(String username, Set<String> groups, Map<String, Object> parameters) {
        String tasks = managementService.getTableName(TaskEntity.class);
        parameters.put("username", username);
        String own = "(T.ASSIGNEE_ = #{username} OR T.OWNER_ = #{username})";
        if (groups.isEmpty()) {
            return new Visibility(tasks, own, null);
        }
        List<String> names = new ArrayList<>();
        for (String group : groups) {
            String name = "group" + names.size();
            names.add("#{" + name + "}");
            parameters.put(name, group);
        }
        String links = managementService.getTableName(IdentityLinkEntity.class);
        return new Visibility(tasks, own, "FROM " + links + " I WHERE " + CANDIDATE.formatted("I")
                + " AND I.GROUP_ID_ IN (" + String.join(", ", names) + ")");
    }

    /** The query's FROM and WHERE with its parameters; {@code null} when the filter can find nothing. */
    private Query query(Filter filter) {
        String links = managementService.getTableName(IdentityLinkEntity.class);
        String variables = managementService.getTableName(VariableInstanceEntity.class);
        Map<String, Object> parameters = new HashMap<>();
        List<String> where = new ArrayList<>();

        Visibility visible = visibility(filter.username(), filter.groups(), parameters);
        if (visible.offeredFrom() == null || "me".equals(filter.scope())) {
            if ("none".equals(filter.scope())) {
                return null;
            }
            where.add(visible.own());
        } else if ("none".equals(filter.scope())) {
            where.add("T.ASSIGNEE_ IS NULL AND T.ID_ IN (" + visible.offered() + ")");
        } else {
            where.add("T.ID_ IN (" + visible.ids() + ") AND (" + visible.seen() + ")");
        }

        if (filter.requestId() != null) {
            // from the request's process instances (an index by name and number finds them), not from every task the
            // caller sees
            where.add("T.PROC_INST_ID_ IN (SELECT P.PROC_INST_ID_ FROM " + variables + " P WHERE P.NAME_ = '"
                    + REQUEST_ID + "' AND P.LONG_ = #{requestId} AND P.TASK_ID_ IS NULL"
                    + " AND P.EXECUTION_ID_ = P.PROC_INST_ID_)");
            parameters.put("requestId", filter.requestId());
        }
        if (filter.programme() != null) {
            where.add("EXISTS (SELECT 1 FROM " + variables + " P WHERE P.EXECUTION_ID_ = T.PROC_INST_ID_"
                    + " AND P.NAME_ = '" + PROGRAMME_CODE + "' AND P.TASK_ID_ IS NULL AND P.TEXT_ = #{programme})");
            parameters.put("programme", filter.programme());
        }
        if (filter.funderId() != null) {
            where.add("T.TASK_DEF_KEY_ IN " + DECISIONS + " AND EXISTS (SELECT 1 FROM " + links + " F"
                    + " WHERE F.TASK_ID_ = T.ID_ AND " + CANDIDATE.formatted("F")
                    + " AND F.GROUP_ID_ = #{funderGroup})");
            parameters.put("funderGroup", FundingRequestProcess.approversGroup(filter.funderId()));
        }
        if (filter.territory() != null) {
            where.add("LOWER(R.TERRITORY) = #{territory}");
            parameters.put("territory", filter.territory().toLowerCase(Locale.ROOT));
        }
        if (filter.theme() != null) {
            where.add("R.THEME = #{theme}");
            parameters.put("theme", filter.theme());
        }
        String amount = "CASE WHEN R.ID IS NULL THEN NULL WHEN T.TASK_DEF_KEY_ IN " + DECISIONS
                + " THEN COALESCE((SELECT SUM(L.AMOUNT) FROM PLAN_LINE L JOIN " + links + " G ON G.TASK_ID_ = T.ID_"
                + " AND " + CANDIDATE.formatted("G") + " AND G.GROUP_ID_ = '"
                + FundingRequestProcess.APPROVERS_GROUP_PREFIX + "' || CAST(L.ORGANISATION_ID AS VARCHAR(20))"
                + " WHERE L.REQUEST_ID = R.ID AND L.ENVELOPE_ID IS NOT NULL), 0) ELSE R.ELIGIBLE_COST END";
        if (filter.minAmount() != null) {
            where.add(amount + " >= #{minAmount}");
            parameters.put("minAmount", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            where.add(amount + " <= #{maxAmount}");
            parameters.put("maxAmount", filter.maxAmount());
        }
        if (filter.dueBefore() != null) {
            where.add("T.DUE_DATE_ < #{dueBefore}");
            parameters.put("dueBefore", Date.from(filter.dueBefore()));
        }
        if (filter.lateAt() != null) {
            where.add("T.DUE_DATE_ < #{lateAt}");
            parameters.put("lateAt", Date.from(filter.lateAt()));
        }
        if (filter.text() != null) {
            where.add("(LOWER(R.REFERENCE) LIKE #{text} ESCAPE '!' OR LOWER(R.TITLE) LIKE #{text} ESCAPE '!')");
            parameters.put("text", "%" + filter.text().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        boolean ofRequests = filter.territory() != null || filter.theme() != null
                || filter.minAmount() != null || filter.maxAmount() != null || filter.text() != null;
        String requests = !ofRequests ? "" : " LEFT JOIN " + variables + " V ON V.EXECUTION_ID_ = T.PROC_INST_ID_"
                + " AND V.NAME_ = '" + REQUEST_ID + "' AND V.TASK_ID_ IS NULL"
                + " LEFT JOIN FUNDING_REQUEST R ON R.ID = V.LONG_";
        return new Query("FROM " + visible.tasks() + " T" + requests + " WHERE " + String.join(" AND ", where),
                parameters);
    }

    private static NativeTaskQuery bind(NativeTaskQuery query, Map<String, Object> parameters) {
        parameters.forEach(query::parameter);
        return query;
    }
}
